package cn.datahub.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The targets added at run time through {@code /api/exchange/targets}.
 */
@Repository
class TargetDefinitions {

	private static final RowMapper<TargetDefinition> MAPPER = (rs, n) -> new TargetDefinition(rs.getString("name"),
			rs.getString("name_zh"), TargetKind.valueOf(rs.getString("kind")), rs.getString("url"), rs.getInt("timeout_ms"),
			rs.getBoolean("masked"),
			rs.getString("resources") == null ? List.of() : Arrays.asList(rs.getString("resources").split(",")),
			rs.getString("datasource") == null ? null
					: new TargetDefinition.Jdbc(rs.getString("datasource"), rs.getString("table_name"),
							rs.getString("key_columns") == null ? List.of() : Arrays.asList(rs.getString("key_columns").split(","))),
			rs.getString("fields") == null ? List.of() : Arrays.asList(rs.getString("fields").split(",")));

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	TargetDefinitions(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<TargetDefinition> all() {
		return this.jdbc.query("select * from exchange_target order by name", MAPPER);
	}

	Optional<TargetDefinition> find(String name) {
		return this.jdbc.query("select * from exchange_target where name = :name", new MapSqlParameterSource("name", name),
				MAPPER).stream().findFirst();
	}

	/** Adds a complete definition ({@link TargetDefinition#withDefaults()}). */
	void add(TargetDefinition target) {
		this.jdbc.update("insert into exchange_target (name, name_zh, kind, url, timeout_ms, masked, resources, "
				+ "datasource, table_name, key_columns, fields, created_at) values (:name, :nameZh, :kind, :url, :timeout, "
				+ ":masked, :resources, :datasource, :table, :keys, :fields, :at)",
				new MapSqlParameterSource("name", target.name()).addValue("nameZh", target.nameZh())
					.addValue("kind", target.kind().name()).addValue("url", target.url())
					.addValue("timeout", target.timeoutMs()).addValue("masked", target.masked())
					.addValue("resources", target.resources().isEmpty() ? null : String.join(",", target.resources()))
					.addValue("datasource", target.jdbc() == null ? null : target.jdbc().datasource())
					.addValue("table", target.jdbc() == null ? null : target.jdbc().table())
					.addValue("keys", target.jdbc() == null || target.jdbc().keyColumns() == null
							|| target.jdbc().keyColumns().isEmpty() ? null : String.join(",", target.jdbc().keyColumns()))
					.addValue("fields", target.fields().isEmpty() ? null : String.join(",", target.fields()))
					.addValue("at", Timestamp.from(this.clock.instant())));
	}

	boolean remove(String name) {
		return this.jdbc.update("delete from exchange_target where name = :name", new MapSqlParameterSource("name", name)) > 0;
	}

}
