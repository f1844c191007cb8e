package cn.datahub.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A rate report: the scope's {@code total} and its {@code rows}, counted from {@code source}: {@code index} (the
 * catalogue index, current figures), {@code database} (a recount in the relational store) or {@code history}
 * (the catalogue as it stood at the end of {@code asOf}). Targets are those of {@code year}.
 */
public record RateReport(String metric, String groupBy, LocalDate asOf, int year, String source, RateRow total,
		List<RateRow> rows) {
}
