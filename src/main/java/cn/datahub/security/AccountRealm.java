package cn.datahub.security;

import java.time.Clock;
import java.time.Instant;

import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.IncorrectCredentialsException;
import org.apache.shiro.authc.LockedAccountException;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.UnknownAccountException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.realm.AuthenticatingRealm;
import cn.datahub.audit.AuditTrail;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Local accounts signing in with a password (HTTP Basic or a browser session). Failed logins are counted in the
 * account; enough in a row lock it for the configured time, during which even the right password is refused. Each
 * login and failed login is on the audit trail; HTTP Basic calls whose password is still remembered
 * ({@link CachedPasswordMatcher}) are the login that verified it, not new ones.
 */
class AccountRealm extends AuthenticatingRealm {

	private final Accounts accounts;

	private final SecurityProperties.Lockout lockout;

	private final Clock clock;

	private final ObjectProvider<AuditTrail> audit;

	private final CachedPasswordMatcher passwords;

	AccountRealm(Accounts accounts, SecurityProperties properties, Clock clock, ObjectProvider<AuditTrail> audit) {
		this(accounts, properties, clock, audit, new CachedPasswordMatcher(properties.credentialCache(), clock));
	}

	private AccountRealm(Accounts accounts, SecurityProperties properties, Clock clock, ObjectProvider<AuditTrail> audit,
			CachedPasswordMatcher passwords) {
		super(passwords);
		this.accounts = accounts;
		this.lockout = properties.lockout();
		this.clock = clock;
		this.audit = audit;
		this.passwords = passwords;
		setName("accounts");
		setAuthenticationTokenClass(UsernamePasswordToken.class);
	}

	@Override
	protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
		String username = ((UsernamePasswordToken) token).getUsername();
		Account account = this.accounts.find(username).filter(Account::hasPassword).orElse(null);
		if (account == null) {
			this.audit.getObject().loginFailed(username, "no such account with a password");
			throw new UnknownAccountException("Wrong username or password");
		}
		if (account.lockedAt(this.clock.instant())) {
			this.audit.getObject().loginFailed(username, "account locked until " + account.lockedUntil());
			throw new LockedAccountException("Account " + username + " is locked after repeated failed logins until "
					+ account.lockedUntil());
		}
		return new SimpleAuthenticationInfo(account.caller(), account.passwordHash(), getName());
	}

	@Override
	protected void assertCredentialsMatch(AuthenticationToken token, AuthenticationInfo info) {
		String username = ((UsernamePasswordToken) token).getUsername();
		CachedPasswordMatcher.Match match = this.passwords.check(token, info);
		if (match == CachedPasswordMatcher.Match.WRONG) {
			Instant until = this.clock.instant().plus(this.lockout.duration());
			this.accounts.failedLogin(username, this.lockout.attempts(), until);
			this.audit.getObject().loginFailed(username, "wrong password");
			throw new IncorrectCredentialsException("Wrong username or password");
		}
		// A remembered password was verified since the last failure (a failure forgets it): nothing to reset.
		if (match == CachedPasswordMatcher.Match.VERIFIED) {
			this.accounts.succeededLogin(username);
			this.audit.getObject().loggedIn((Caller) info.getPrincipals().getPrimaryPrincipal());
		}
	}

	/** A browser signing in is a login of its own, recorded even when a Basic call has just checked the password. */
	void newLogin(String username) {
		this.passwords.forget(username);
	}

	/** Authentication is not cached: a locked or changed account must take effect at once. */
	@Override
	public boolean isAuthenticationCachingEnabled() {
		return false;
	}

}
