package cn.datahub.security;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.pam.ModularRealmAuthenticator;
import org.apache.shiro.authc.pam.UnsupportedTokenException;
import org.apache.shiro.mgt.RememberMeManager;
import org.apache.shiro.realm.Realm;
import org.apache.shiro.spring.web.config.DefaultShiroFilterChainDefinition;
import org.apache.shiro.spring.web.config.ShiroFilterChainDefinition;
import org.apache.shiro.subject.PrincipalCollection;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.subject.SubjectContext;
import org.apache.shiro.web.filter.InvalidRequestFilter;
import cn.datahub.audit.AuditTrail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shiro, wired for an API (the realms reach the audit trail through a provider: Shiro's post-processor builds them
 * before the rest of the hub, which the trail must not be pulled into): the account realm always, the identity provider's when it is configured, and one filter
 * in front of everything but health, the API documentation and the sign-in endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	/** The filter's name in Shiro's chain definitions. */
	private static final String AUTHENTICATED = "hub";

	@Bean
	AccountRealm accountRealm(Accounts accounts, SecurityProperties properties, Clock clock,
			ObjectProvider<AuditTrail> audit) {
		return new AccountRealm(accounts, properties, clock, audit);
	}

	@Bean
	@ConditionalOnExpression("!'${hub.security.identity-provider.issuer:}'.isBlank()")
	TokenRealm tokenRealm(Accounts accounts, SecurityProperties properties, Clock clock,
			ObjectProvider<AuditTrail> audit) {
		return new TokenRealm(new IdentityProvider(properties.identityProvider()), accounts, clock, audit);
	}

	/**
	 * Each kind of credentials has exactly one realm, so the realm's own refusal (locked, expired) is what the
	 * caller is told, not Shiro's summary of every realm tried.
	 */
	@Bean
	ModularRealmAuthenticator authenticator() {
		return new ModularRealmAuthenticator() {

			@Override
			protected AuthenticationInfo doAuthenticate(AuthenticationToken token) {
				Realm realm = getRealms().stream()
					.filter(r -> r.supports(token))
					.findFirst()
					.orElseThrow(() -> new UnsupportedTokenException("This hub accepts no such credentials"));
				return doSingleRealmAuthentication(realm, token);
			}

		};
	}

	/**
	 * No "remember me": an API client sends its credentials each time and a browser signs in again when its session
	 * ends, so no long-lived identity cookie is ever set (nor deleted, on every failed login).
	 */
	@Bean
	RememberMeManager rememberMeManager() {
		return new RememberMeManager() {

			@Override
			public PrincipalCollection getRememberedPrincipals(SubjectContext subjectContext) {
				return null;
			}

			@Override
			public void forgetIdentity(SubjectContext subjectContext) {
			}

			@Override
			public void onSuccessfulLogin(Subject subject, AuthenticationToken token, AuthenticationInfo info) {
			}

			@Override
			public void onFailedLogin(Subject subject, AuthenticationToken token, AuthenticationException ae) {
			}

			@Override
			public void onLogout(Subject subject) {
			}

		};
	}

	@Bean
	ShiroFilterChainDefinition shiroFilterChainDefinition() {
		DefaultShiroFilterChainDefinition chain = new DefaultShiroFilterChainDefinition();
		chain.addPathDefinition("/actuator/health", "anon");
		chain.addPathDefinition("/actuator/health/**", "anon");
		chain.addPathDefinition("/v3/api-docs/**", "anon");
		chain.addPathDefinition("/swagger-ui/**", "anon");
		chain.addPathDefinition("/swagger-ui.html", "anon");
		chain.addPathDefinition("/api/session", "anon");
		chain.addPathDefinition("/**", AUTHENTICATED);
		return chain;
	}

	@Bean(AUTHENTICATED)
	HubAuthenticationFilter hubAuthenticationFilter(ObjectMapper json) {
		return new HubAuthenticationFilter(json);
	}

	/**
	 * Shiro's guard against malformed paths (semicolons, backslashes, traversal) stays; its refusal of non-ASCII
	 * paths does not, since codes and names in a path may be Chinese and then deserve the API's own 404. The bean
	 * takes the place of Shiro's default filter of that name.
	 */
	@Bean("invalidRequest")
	InvalidRequestFilter invalidRequestFilter() {
		InvalidRequestFilter filter = new InvalidRequestFilter();
		filter.setBlockNonAscii(false);
		return filter;
	}

	/** The filters run inside Shiro's chain only; as beans they would otherwise also be registered on their own. */
	@Bean
	FilterRegistrationBean<HubAuthenticationFilter> hubAuthenticationFilterRegistration(HubAuthenticationFilter filter) {
		return insideShiroOnly(filter);
	}

	@Bean
	FilterRegistrationBean<InvalidRequestFilter> invalidRequestFilterRegistration(InvalidRequestFilter filter) {
		return insideShiroOnly(filter);
	}

	private static <F extends Filter> FilterRegistrationBean<F> insideShiroOnly(F filter) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

}
