package cn.datahub.security;

import java.util.EnumSet;
import java.util.List;

import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.apache.shiro.authc.credential.PasswordService;

import cn.datahub.catalogue.CatalogueConflict;
import cn.datahub.catalogue.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts as administrators manage them: checked whole before anything is written, passwords stored hashed. */
@Service
class AccountManagement {

	private final PasswordService passwords = new DefaultPasswordService();

	private final Accounts accounts;

	private final AccountRules rules;

	AccountManagement(Accounts accounts, AccountRules rules) {
		this.accounts = accounts;
		this.rules = rules;
	}

	List<Account> all() {
		return this.accounts.findAll();
	}

	Account get(String username) {
		return this.accounts.find(username).orElseThrow(() -> new NotFound("Account", username));
	}

	@Transactional
	public Account create(AccountForm form) {
		this.rules.check(form, false);
		if (this.accounts.exists(form.username())) {
			throw new CatalogueConflict("username", "Account " + form.username() + " already exists", "账户已存在");
		}
		this.accounts.insert(account(form));
		return get(form.username());
	}

	@Transactional
	public Account update(String username, AccountForm form) {
		get(username);
		this.rules.check(new AccountForm(username, form.password(), form.departmentCode(), form.regionCode(),
				form.roles()), false);
		this.accounts.update(account(new AccountForm(username, form.password(), form.departmentCode(),
				form.regionCode(), form.roles())));
		return get(username);
	}

	/** An administrator cannot remove their own account: the hub would be left without a way in. */
	@Transactional
	public void delete(String username) {
		if (username.equals(Caller.current().username())) {
			throw new CatalogueConflict("username", "An administrator cannot delete their own account",
					"不能删除自己的账户");
		}
		if (!this.accounts.delete(username)) {
			throw new NotFound("Account", username);
		}
	}

	@Transactional
	public Account unlock(String username) {
		get(username);
		this.accounts.succeededLogin(username);
		return get(username);
	}

	private Account account(AccountForm form) {
		String hash = form.password() == null ? null : this.passwords.encryptPassword(form.password());
		return new Account(form.username(), hash, form.departmentCode(), form.regionCode(),
				form.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(form.roles()), 0, null);
	}

}
