package cn.datahub.report;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The scope parameters every report endpoint takes, as the query string gives them.
 */
record ScopeParameters(String regionCode, String level, String domain, String providerCode,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Boolean includeSubregions) {
}
