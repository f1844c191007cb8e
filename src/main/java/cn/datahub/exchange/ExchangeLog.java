package cn.datahub.exchange;

import cn.datahub.system.Page;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The listing the exchange's tables share: rows of one resource and/or in one status, a page at a time.
 */
final class ExchangeLog {

	private ExchangeLog() {
	}

	static <T> Page<T> page(NamedParameterJdbcTemplate jdbc, String table, String order, RowMapper<T> mapper,
			String resourceCode, String status, int page, int size) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("resource", resourceCode).addValue("status", status)
			.addValue("limit", size).addValue("offset", (long) page * size);
		String where = " where (:resource is null or resource_code = :resource) and (:status is null or status = :status)";
		long total = jdbc.queryForObject("select count(*) from " + table + where, parameters, Long.class);
		return new Page<>(total, page, size, jdbc.query("select * from " + table + where + " order by " + order
				+ " limit :limit offset :offset", parameters, mapper));
	}

}
