package cn.datahub.security;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.BearerToken;
import org.apache.shiro.authc.LockedAccountException;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.credential.AllowAllCredentialsMatcher;
import org.apache.shiro.realm.AuthenticatingRealm;
import cn.datahub.audit.AuditTrail;

import org.springframework.beans.factory.ObjectProvider;

/**
 * People signing in through the unified identity provider. The provider says who they are; the hub's account of the
 * same username says what they may do. Someone the hub has no account for is signed in with no role, which lets
 * them search the published catalogue and nothing else.
 */
class TokenRealm extends AuthenticatingRealm {

	private final IdentityProvider provider;

	private final Accounts accounts;

	private final Clock clock;

	private final ObjectProvider<AuditTrail> audit;

	/** Tokens recently seen, so that a token's login is recorded once, not on every call it makes. */
	private final Map<String, Boolean> seen = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > 10_000;
		}

	});

	TokenRealm(IdentityProvider provider, Accounts accounts, Clock clock, ObjectProvider<AuditTrail> audit) {
		super(new AllowAllCredentialsMatcher());
		this.provider = provider;
		this.accounts = accounts;
		this.clock = clock;
		this.audit = audit;
		setName("identity-provider");
		setAuthenticationTokenClass(BearerToken.class);
	}

	@Override
	protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
		BearerToken bearer = (BearerToken) token;
		String username;
		try {
			username = this.provider.username(bearer.getToken());
		}
		catch (IdentityProvider.InvalidToken ex) {
			this.audit.getObject().loginFailed("(bearer token)", ex.getMessage());
			throw ex;
		}
		Caller caller = this.accounts.find(username).map(account -> {
			if (account.lockedAt(this.clock.instant())) {
				this.audit.getObject().loginFailed(username, "account locked until " + account.lockedUntil());
				throw new LockedAccountException("Account " + username + " is locked until " + account.lockedUntil());
			}
			return account.caller();
		}).orElseGet(() -> new Caller(username, null, null, Set.of()));
		if (this.seen.put(bearer.getToken(), Boolean.TRUE) == null) {
			this.audit.getObject().loggedIn(caller);
		}
		return new SimpleAuthenticationInfo(caller, bearer.getToken(), getName());
	}

	@Override
	public boolean isAuthenticationCachingEnabled() {
		return false;
	}

}
