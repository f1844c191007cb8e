package cn.datahub.catalogue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.datahub.catalogue.reference.RegionLevel;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The departments table.
 */
@Repository
public class Departments {

	private static final RowMapper<Department> MAPPER = (rs, row) -> new Department(rs.getString("code"),
			rs.getString("name"), rs.getString("region_code"), RegionLevel.valueOf(rs.getString("level")));

	private final NamedParameterJdbcTemplate jdbc;

	Departments(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Department> find(String code) {
		return this.jdbc.query("select * from department where code = :code", new MapSqlParameterSource("code", code), MAPPER)
			.stream().findFirst();
	}

	public boolean exists(String code) {
		return find(code).isPresent();
	}

	public List<Department> findAll() {
		return this.jdbc.query("select * from department order by region_code, code", MAPPER);
	}

	public List<Department> findByRegion(String regionCode) {
		return this.jdbc.query("select * from department where region_code = :region order by code",
				new MapSqlParameterSource("region", regionCode), MAPPER);
	}

	void insert(Department department, Instant at) {
		this.jdbc.update("insert into department (code, name, region_code, level, created_at, updated_at) "
				+ "values (:code, :name, :region, :level, :at, :at)", parameters(department, at));
	}

	void update(Department department, Instant at) {
		this.jdbc.update("update department set name = :name, region_code = :region, level = :level, updated_at = :at "
				+ "where code = :code", parameters(department, at));
	}

	private static MapSqlParameterSource parameters(Department department, Instant at) {
		return new MapSqlParameterSource("code", department.code()).addValue("name", department.name())
			.addValue("region", department.regionCode()).addValue("level", department.level().name())
			.addValue("at", Timestamp.from(at));
	}

}
