package cn.datahub.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import cn.datahub.catalogue.reference.Domain;

/**
 * One row of a rate report. {@code rate} is the exact fraction (to 16 significant digits), rounded only for
 * display; {@code meetsTarget} compares exactly, so 9/10 meets 90% and 8999/10000 does not. Without resources
 * to count ({@code denominator} 0) there is no rate, and without a target no verdict.
 *
 * @param missingDomains for domain coverage: the domains with no open resource yet
 * @param links the drill-down to the resources behind {@code numerator} and {@code denominator}
 */
public record RateRow(String key, String name, String nameEn, long numerator, long denominator,
		@JsonInclude(Include.ALWAYS) BigDecimal rate, @JsonInclude(Include.ALWAYS) BigDecimal target,
		@JsonInclude(Include.ALWAYS) Boolean meetsTarget, List<Domain> missingDomains, Map<String, String> links) {

	static RateRow of(String key, String name, String nameEn, long numerator, long denominator, BigDecimal target,
			List<Domain> missingDomains, Map<String, String> links) {
		BigDecimal rate = denominator == 0 ? null
				: BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), MathContext.DECIMAL64);
		Boolean meets = rate == null || target == null ? null
				: BigDecimal.valueOf(numerator).compareTo(target.multiply(BigDecimal.valueOf(denominator))) >= 0;
		return new RateRow(key, name, nameEn, numerator, denominator, rate, target, meets, missingDomains, links);
	}

}
