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

/**
 * Local accounts signing in with a password (HTTP Basic or a browser session). Failed logins are counted in the
 * account; enough in a row lock it for the configured time, during which even the right password is refused.
 */
class AccountRealm extends AuthenticatingRealm {

	private final Accounts accounts;

	private final SecurityProperties.Lockout lockout;

	private final Clock clock;

	AccountRealm(Accounts accounts, SecurityProperties properties, Clock clock) {
		super(new CachedPasswordMatcher(properties.credentialCache(), clock));
		this.accounts = accounts;
		this.lockout = properties.lockout();
		this.clock = clock;
		setName("accounts");
		setAuthenticationTokenClass(UsernamePasswordToken.class);
	}

	@Override
	protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
		String username = ((UsernamePasswordToken) token).getUsername();
		Account account = this.accounts.find(username)
			.filter(Account::hasPassword)
			.orElseThrow(() -> new UnknownAccountException("Wrong username or password"));
		if (account.lockedAt(this.clock.instant())) {
			throw new LockedAccountException("Account " + username + " is locked after repeated failed logins until "
					+ account.lockedUntil());
		}
		return new SimpleAuthenticationInfo(account.caller(), account.passwordHash(), getName());
	}

	@Override
	protected void assertCredentialsMatch(AuthenticationToken token, AuthenticationInfo info) {
		String username = ((UsernamePasswordToken) token).getUsername();
		try {
			super.assertCredentialsMatch(token, info);
		}
		catch (IncorrectCredentialsException ex) {
			Instant until = this.clock.instant().plus(this.lockout.duration());
			this.accounts.failedLogin(username, this.lockout.attempts(), until);
			throw new IncorrectCredentialsException("Wrong username or password");
		}
		this.accounts.succeededLogin(username);
	}

	/** Authentication is not cached: a locked or changed account must take effect at once. */
	@Override
	public boolean isAuthenticationCachingEnabled() {
		return false;
	}

}
