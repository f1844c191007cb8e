package cn.datahub.report;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * One month of a trend: the scope's figures as its snapshot recorded them, against the target of that time.
 */
public record TrendPoint(String period, LocalDate asOf, long numerator, long denominator,
		@JsonInclude(Include.ALWAYS) BigDecimal rate, @JsonInclude(Include.ALWAYS) BigDecimal target,
		@JsonInclude(Include.ALWAYS) Boolean meetsTarget) {
}
