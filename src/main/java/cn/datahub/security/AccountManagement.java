package cn.datahub.security;

import java.util.EnumSet;
import java.util.List;

import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.apache.shiro.authc.credential.PasswordService;

import cn.datahub.audit.AuditTrail;
import cn.datahub.catalogue.CatalogueConflict;
import cn.datahub.catalogue.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts as administrators manage them: checked whole before anything is written, passwords stored hashed, every
 * change on the audit trail (without the hash: it is never serialised).
 */
@Service
class AccountManagement {

	private final PasswordService passwords = new DefaultPasswordService();

	private final Accounts accounts;

	private final AccountRules rules;

	private final AuditTrail audit;

	AccountManagement(Accounts accounts, AccountRules rules, AuditTrail audit) {
		this.accounts = accounts;
		this.rules = rules;
		this.audit = audit;
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
		Account created = get(form.username());
		this.audit.changed("account.create", subject(created.username()), null, created);
		return created;
	}

	@Transactional
	public Account update(String username, AccountForm form) {
		Account before = get(username);
		AccountForm named = new AccountForm(username, form.password(), form.departmentCode(), form.regionCode(),
				form.roles());
		this.rules.check(named, false);
		this.accounts.update(account(named));
		Account after = get(username);
		this.audit.changed(form.password() == null ? "account.update" : "account.update-password", subject(username),
				before, after);
		return after;
	}

	/** An administrator cannot remove their own account: the hub would be left without a way in. */
	@Transactional
	public void delete(String username) {
		if (username.equals(Caller.current().username())) {
			throw new CatalogueConflict("username", "An administrator cannot delete their own account",
					"不能删除自己的账户");
		}
		Account before = get(username);
		this.accounts.delete(username);
		this.audit.changed("account.delete", subject(username), before, null);
	}

	@Transactional
	public Account unlock(String username) {
		Account before = get(username);
		this.accounts.succeededLogin(username);
		Account after = get(username);
		this.audit.changed("account.unlock", subject(username), before, after);
		return after;
	}

	private static String subject(String username) {
		return "account:" + username;
	}

	private Account account(AccountForm form) {
		String hash = form.password() == null ? null : this.passwords.encryptPassword(form.password());
		return new Account(form.username(), hash, form.departmentCode(), form.regionCode(),
				form.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(form.roles()), 0, null);
	}

}
