package cn.datahub.security;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/accounts}: administrators only. Answers never carry a password or its hash. */
@RestController
@RequestMapping("/api/accounts")
class AccountController {

	private final AccountManagement accounts;

	private final Guard guard;

	AccountController(AccountManagement accounts, Guard guard) {
		this.accounts = accounts;
		this.guard = guard;
	}

	@GetMapping
	List<Account> list() {
		this.guard.admin();
		return this.accounts.all();
	}

	@GetMapping("/{username}")
	Account get(@PathVariable String username) {
		this.guard.admin();
		return this.accounts.get(username);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Account create(@RequestBody AccountForm form) {
		this.guard.admin();
		return this.accounts.create(form);
	}

	@PutMapping("/{username}")
	Account update(@PathVariable String username, @RequestBody AccountForm form) {
		this.guard.admin();
		return this.accounts.update(username, form);
	}

	@DeleteMapping("/{username}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String username) {
		this.guard.admin();
		this.accounts.delete(username);
	}

	@PostMapping("/{username}/unlock")
	Account unlock(@PathVariable String username) {
		this.guard.admin();
		return this.accounts.unlock(username);
	}

}
