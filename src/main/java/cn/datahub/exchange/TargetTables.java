package cn.datahub.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.datahub.catalogue.Violation;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks a JDBC target's table when the target is defined: the datasource is configured, the table and key
 * columns are plain names, and the table can be read and has the key columns, so a target that cannot work is a
 * 422 now and not a failed batch at night.
 */
@Component
class TargetTables {

	private final DepartmentDatabases databases;

	private final JdbcTableWriter writer;

	TargetTables(DepartmentDatabases databases, JdbcTableWriter writer) {
		this.databases = databases;
		this.writer = writer;
	}

	List<Violation> check(TargetDefinition.Jdbc jdbc) {
		List<Violation> violations = new ArrayList<>();
		if (jdbc == null || jdbc.datasource() == null || !this.databases.knowsTarget(jdbc.datasource())) {
			violations.add(new Violation("jdbc.datasource", "jdbc.datasource must name a database of "
					+ "hub.exchange.push.datasources", "数据源须为配置文件中 hub.exchange.push.datasources 下的数据库"));
			return violations;
		}
		List<String> keys = jdbc.keyColumns() == null ? List.of() : jdbc.keyColumns();
		if (jdbc.table() == null || !AttachmentValidator.IDENTIFIER.matcher(jdbc.table()).matches()) {
			violations.add(new Violation("jdbc.table", "jdbc.table must be a table name such as gxpt.ldrk_cbxx",
					"表名须为有效的表名，如 gxpt.ldrk_cbxx"));
		}
		keys.stream().filter(k -> k == null || !AttachmentValidator.IDENTIFIER.matcher(k).matches())
			.forEach(k -> violations.add(new Violation("jdbc.keyColumns", "not a column name: " + k, "不是有效的列名：" + k)));
		if (!violations.isEmpty()) {
			return violations;
		}
		try {
			Map<String, String> columns = this.writer.columns(
					new JdbcTemplate(this.databases.target(jdbc.datasource()).orElseThrow()), jdbc.table());
			keys.stream().filter(k -> !columns.containsKey(k.toLowerCase(Locale.ROOT)))
				.forEach(k -> violations.add(new Violation("jdbc.keyColumns", "table " + jdbc.table() + " has no column " + k,
						"表 " + jdbc.table() + " 中没有列 " + k)));
		}
		catch (DataAccessException ex) {
			violations.add(new Violation("jdbc.table", "table " + jdbc.table() + " cannot be read: "
					+ ex.getMostSpecificCause().getMessage(), "无法读取表 " + jdbc.table()));
		}
		return violations;
	}

}
