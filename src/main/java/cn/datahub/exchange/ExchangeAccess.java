package cn.datahub.exchange;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.datahub.security.Guard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The exchange API is the operators' (attachments, targets, runs, dead letters, the catalogue exchange), checked
 * here once for all of it; the one exception, a department system pushing its records, is checked by its handler
 * against the resource's department.
 */
@Configuration(proxyBeanMethods = false)
class ExchangeAccess implements WebMvcConfigurer {

	private final Guard guard;

	ExchangeAccess(Guard guard) {
		this.guard = guard;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				ExchangeAccess.this.guard.operator();
				return true;
			}

		}).addPathPatterns("/api/exchange/**").excludePathPatterns("/api/exchange/attachments/*/records");
	}

}
