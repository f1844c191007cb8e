package cn.datahub.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The resources table. Writes are batched: a department's import of thousands of resources is a handful of
 * statements.
 */
@Repository
public class Resources {

	private static final TypeReference<List<DataItem>> ITEMS = new TypeReference<>() {
	};

	private static final String COLUMNS = "code, name, provider_code, category, domain, share_type, share_condition, "
			+ "not_shared_basis, open_type, update_cycle, format, summary, items, status, version, updated_at";

	/** H2 and most servers accept a few thousand bind values in an IN list; stay well below. */
	private static final int IN_LIST_CHUNK = 1000;

	private final NamedParameterJdbcTemplate jdbc;

	private final ObjectMapper json;

	private final RowMapper<Resource> mapper = this::map;

	Resources(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<Resource> find(String code) {
		return this.jdbc.query("select " + COLUMNS + " from resource where code = :code", new MapSqlParameterSource("code", code), this.mapper)
			.stream().findFirst();
	}

	public List<Resource> findAll(Collection<String> codes) {
		List<String> all = List.copyOf(codes);
		List<Resource> found = new ArrayList<>();
		for (int from = 0; from < all.size(); from += IN_LIST_CHUNK) {
			List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST_CHUNK));
			found.addAll(this.jdbc.query("select " + COLUMNS + " from resource where code in (:codes)",
					new MapSqlParameterSource("codes", chunk), this.mapper));
		}
		return found;
	}

	/** Resources of a provider and/or in a status, in code order, one page at a time. */
	public List<Resource> list(ResourceQuery query) {
		return this.jdbc.query("select " + COLUMNS + " from resource where (:provider is null or provider_code = :provider) "
				+ "and (:status is null or status = :status) order by code limit :limit offset :offset", query.parameters(), this.mapper);
	}

	public long count(ResourceQuery query) {
		return this.jdbc.queryForObject("select count(*) from resource where (:provider is null or provider_code = :provider) "
				+ "and (:status is null or status = :status)", query.parameters(), Long.class);
	}

	/** Walks the whole table in code order, a batch at a time, without holding it in memory. */
	public void forEachBatch(int batchSize, Consumer<List<Resource>> consumer) {
		String after = "";
		while (true) {
			List<Resource> batch = this.jdbc.query("select " + COLUMNS + " from resource where code > :after order by code limit :limit",
					new MapSqlParameterSource("after", after).addValue("limit", batchSize), this.mapper);
			if (batch.isEmpty()) {
				return;
			}
			consumer.accept(batch);
			after = batch.get(batch.size() - 1).code();
		}
	}

	public List<String> codesIn(ResourceStatus status) {
		return this.jdbc.queryForList("select code from resource where status = :status order by code",
				new MapSqlParameterSource("status", status.name()), String.class);
	}

	public List<String> codesOfProvider(String providerCode) {
		return this.jdbc.queryForList("select code from resource where provider_code = :provider",
				new MapSqlParameterSource("provider", providerCode), String.class);
	}

	void insert(List<Resource> resources, Instant at) {
		this.jdbc.batchUpdate("insert into resource (" + COLUMNS + ", avro_schema, created_at) values (:code, :name, :providerCode, "
				+ ":category, :domain, :shareType, :shareCondition, :notSharedBasis, :openType, :updateCycle, :format, :summary, "
				+ ":items, :status, :version, :updatedAt, :avroSchema, :updatedAt)", parameters(resources));
	}

	void update(List<Resource> resources) {
		this.jdbc.batchUpdate("update resource set name = :name, provider_code = :providerCode, category = :category, domain = :domain, "
				+ "share_type = :shareType, share_condition = :shareCondition, not_shared_basis = :notSharedBasis, "
				+ "open_type = :openType, update_cycle = :updateCycle, format = :format, summary = :summary, items = :items, "
				+ "avro_schema = :avroSchema, status = :status, version = :version, updated_at = :updatedAt where code = :code",
				parameters(resources));
	}

	void delete(String code) {
		this.jdbc.update("delete from resource where code = :code", new MapSqlParameterSource("code", code));
	}

	public Optional<String> avroSchema(String code) {
		return this.jdbc.queryForList("select avro_schema from resource where code = :code", new MapSqlParameterSource("code", code),
				String.class).stream().findFirst();
	}

	String itemsJson(List<DataItem> items) {
		try {
			return this.json.writeValueAsString(items);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private SqlParameterSource[] parameters(List<Resource> resources) {
		return resources.stream().map(r -> new MapSqlParameterSource()
			.addValue("code", r.code()).addValue("name", r.name()).addValue("providerCode", r.providerCode())
			.addValue("category", r.category().name()).addValue("domain", r.domain())
			.addValue("shareType", r.shareType().name()).addValue("shareCondition", r.shareCondition())
			.addValue("notSharedBasis", r.notSharedBasis()).addValue("openType", r.openType().name())
			.addValue("updateCycle", r.updateCycle().name()).addValue("format", r.format()).addValue("summary", r.summary())
			.addValue("items", itemsJson(r.items())).addValue("avroSchema", ResourceSchema.of(r).toString(true))
			.addValue("status", r.status().name()).addValue("version", r.version())
			.addValue("updatedAt", Timestamp.from(r.updatedAt())))
			.toArray(SqlParameterSource[]::new);
	}

	private Resource map(ResultSet rs, int row) throws SQLException {
		try {
			return new Resource(rs.getString("code"), rs.getString("name"), rs.getString("provider_code"),
					Category.valueOf(rs.getString("category")), rs.getString("domain"),
					ShareType.valueOf(rs.getString("share_type")), rs.getString("share_condition"),
					rs.getString("not_shared_basis"), OpenType.valueOf(rs.getString("open_type")),
					UpdateCycle.valueOf(rs.getString("update_cycle")), rs.getString("format"), rs.getString("summary"),
					this.json.readValue(rs.getString("items"), ITEMS), ResourceStatus.valueOf(rs.getString("status")),
					rs.getInt("version"), rs.getTimestamp("updated_at").toInstant());
		}
		catch (JsonProcessingException ex) {
			throw new SQLException("Unreadable items of resource " + rs.getString("code"), ex);
		}
	}

}
