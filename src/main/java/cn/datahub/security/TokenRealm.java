package cn.datahub.security;

import java.time.Clock;
import java.util.Set;

import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.BearerToken;
import org.apache.shiro.authc.LockedAccountException;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.credential.AllowAllCredentialsMatcher;
import org.apache.shiro.realm.AuthenticatingRealm;

/**
 * People signing in through the unified identity provider. The provider says who they are; the hub's account of the
 * same username says what they may do. Someone the hub has no account for is signed in with no role, which lets
 * them search the published catalogue and nothing else.
 */
class TokenRealm extends AuthenticatingRealm {

	private final IdentityProvider provider;

	private final Accounts accounts;

	private final Clock clock;

	TokenRealm(IdentityProvider provider, Accounts accounts, Clock clock) {
		super(new AllowAllCredentialsMatcher());
		this.provider = provider;
		this.accounts = accounts;
		this.clock = clock;
		setName("identity-provider");
		setAuthenticationTokenClass(BearerToken.class);
	}

	@Override
	protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
		BearerToken bearer = (BearerToken) token;
		String username = this.provider.username(bearer.getToken());
		Caller caller = this.accounts.find(username).map(account -> {
			if (account.lockedAt(this.clock.instant())) {
				throw new LockedAccountException("Account " + username + " is locked until " + account.lockedUntil());
			}
			return account.caller();
		}).orElseGet(() -> new Caller(username, null, null, Set.of()));
		return new SimpleAuthenticationInfo(caller, bearer.getToken(), getName());
	}

	@Override
	public boolean isAuthenticationCachingEnabled() {
		return false;
	}

}
