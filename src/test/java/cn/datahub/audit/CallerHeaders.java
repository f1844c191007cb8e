package cn.datahub.audit;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

import cn.datahub.security.Caller;
import cn.datahub.security.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.shiro.mgt.DefaultSecurityManager;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.apache.shiro.subject.support.DelegatingSubject;
import org.apache.shiro.util.ThreadContext;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in for the hub's authentication until it is merged: a request carrying {@value #HEADER}
 * ({@code username;department;region;ROLE,ROLE}) is served as that caller, bound to the thread the way the hub's
 * Shiro filter binds an account, so that {@link Caller#current()} and the guard see it. Without the header a
 * request is the hub's own {@link Caller#SYSTEM}, as every request is today.
 */
@TestConfiguration
class CallerHeaders {

	static final String HEADER = "X-Test-Caller";

	/** The header that makes a request the caller's. */
	static HttpHeaders as(Caller caller) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HEADER, String.join(";", caller.username(), String.valueOf(caller.departmentCode()),
				String.valueOf(caller.regionCode()),
				caller.roles().stream().map(Role::name).collect(Collectors.joining(","))));
		return headers;
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> callerFromHeader() {
		DefaultSecurityManager securityManager = new DefaultSecurityManager();
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String header = request.getHeader(HEADER);
				if (header == null) {
					chain.doFilter(request, response);
					return;
				}
				ThreadContext.bind(new DelegatingSubject(new SimplePrincipalCollection(caller(header), "test"), true,
						request.getRemoteHost(), null, securityManager));
				try {
					chain.doFilter(request, response);
				}
				finally {
					ThreadContext.unbindSubject();
				}
			}

		});
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	private static Caller caller(String header) {
		String[] parts = header.split(";", -1);
		return new Caller(parts[0], nullable(parts[1]), nullable(parts[2]), Arrays.stream(parts[3].split(","))
			.filter(role -> !role.isEmpty()).map(Role::valueOf).collect(Collectors.toSet()));
	}

	private static String nullable(String part) {
		return part.equals("null") ? null : part;
	}

}
