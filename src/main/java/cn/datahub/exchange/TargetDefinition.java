package cn.datahub.exchange;

import java.util.List;

/**
 * A target as an operator defines it: in {@code config/platforms.yaml} (the exchange platforms) or through
 * {@code /api/exchange/targets}.
 *
 * @param name the name the exchange log, the idempotent repository and its route ({@code push-<name>}) know it by
 * @param nameZh its Chinese name
 * @param kind how it receives batches
 * @param url where an HTTP target's batches are POSTed
 * @param timeoutMs how long an HTTP target is waited for, to connect and to answer (default 10 s)
 * @param masked whether personal items are masked before they reach it (default: masked)
 * @param resources the resource codes it receives; none: every published resource
 * @param jdbc where a JDBC target writes
 * @param fields the only items it receives (a consumer's grant; only with {@code resources} that all have them);
 * none: every item
 */
record TargetDefinition(String name, String nameZh, TargetKind kind, String url, Integer timeoutMs, Boolean masked,
		List<String> resources, Jdbc jdbc, List<String> fields) {

	static final int DEFAULT_TIMEOUT_MS = 10_000;

	/** The same definition with the defaults filled in. */
	TargetDefinition withDefaults() {
		return new TargetDefinition(this.name, this.nameZh, this.kind, this.url,
				this.timeoutMs == null ? DEFAULT_TIMEOUT_MS : this.timeoutMs, this.masked == null || this.masked,
				this.resources == null ? List.of() : List.copyOf(this.resources),
				this.jdbc == null ? null : new Jdbc(this.jdbc.datasource(), this.jdbc.table(),
						this.jdbc.keyColumns() == null ? List.of() : List.copyOf(this.jdbc.keyColumns())),
				this.fields == null ? List.of() : List.copyOf(this.fields));
	}

	boolean appliesTo(String resourceCode) {
		return this.resources == null || this.resources.isEmpty() || this.resources.contains(resourceCode);
	}

	/**
	 * A table of a department database ({@code hub.exchange.push.datasources}): each record is a row, its items
	 * the columns of the same names; a record written again replaces the row of its key.
	 *
	 * @param keyColumns the columns that identify a row (default: the resource's first required item)
	 */
	record Jdbc(String datasource, String table, List<String> keyColumns) {
	}

}
