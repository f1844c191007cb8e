package cn.datahub.report;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.datahub.catalogue.Department;
import cn.datahub.catalogue.Departments;
import cn.datahub.catalogue.OpenType;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ShareType;
import cn.datahub.system.HubProperties;
import cn.datahub.system.Page;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The drill-down behind a rate: the resources a row counts, read from the database (and, for a past day, from
 * the history entry each resource had then), in code order, one page at a time.
 */
@Component
public class ReportResources {

	private final NamedParameterJdbcTemplate jdbc;

	private final ObjectMapper json;

	private final Departments departments;

	private final HubProperties properties;

	ReportResources(NamedParameterJdbcTemplate jdbc, ObjectMapper json, Departments departments,
			HubProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.departments = departments;
		this.properties = properties;
	}

	public Page<CountedResource> list(Metric metric, Scope scope, Part part, int page, int size) {
		ScopeSql sql = new ScopeSql(scope, this.properties.zone());
		String numerator = metric == Metric.SHARING ? ScopeSql.SHARED : ScopeSql.OPEN;
		String denominator = metric == Metric.SHARING ? "1 = 1" : ScopeSql.IN_DOMAINS;
		String condition = switch (part) {
			case NUMERATOR -> numerator;
			case DENOMINATOR -> denominator;
			case SHORTFALL -> denominator + " and not (" + numerator + ")";
		};
		String where = sql.from() + " and " + condition;
		MapSqlParameterSource parameters = sql.parameters().addValue("limit", size).addValue("offset", (long) page * size);
		long total = this.jdbc.queryForObject("select count(*)" + where, parameters, Long.class);
		List<Resource> resources = this.jdbc.query("select h.snapshot from resource_history h join (select r.code, r.version"
				+ where + " order by r.code limit :limit offset :offset) p on p.code = h.resource_code and p.version = h.version "
				+ "order by h.resource_code", parameters, (rs, row) -> read(rs.getString("snapshot")));
		Map<String, Department> providers = this.departments.findAll().stream()
			.collect(Collectors.toMap(Department::code, Function.identity()));
		return new Page<>(total, page, size, resources.stream().map(r -> counted(metric, r, providers.get(r.providerCode())))
			.toList());
	}

	private static CountedResource counted(Metric metric, Resource r, Department provider) {
		Reason reason = reason(metric, r);
		return new CountedResource(r.code(), r.name(), r.providerCode(), provider.name(), provider.regionCode(), r.domain(),
				r.shareType().name(), r.shareCondition(), r.notSharedBasis(), r.openType().name(), reason == null,
				reason == null ? null : reason.zh(), reason == null ? null : reason.en());
	}

	/** Why a resource of the denominator does not count in the numerator ({@code null} when it does). */
	private static Reason reason(Metric metric, Resource r) {
		if (metric == Metric.SHARING) {
			return r.shareType() == ShareType.NOT_SHARED ? new Reason("不予共享，依据：" + r.notSharedBasis(),
					"not shared, on the basis of " + r.notSharedBasis()) : null;
		}
		return r.openType() == OpenType.NOT_OPEN ? new Reason("不予开放", "not open to the public") : null;
	}

	private record Reason(String zh, String en) {
	}

	private Resource read(String snapshot) {
		try {
			return this.json.readValue(snapshot, Resource.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable resource history entry", ex);
		}
	}

}
