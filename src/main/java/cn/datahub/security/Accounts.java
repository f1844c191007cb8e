package cn.datahub.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The accounts table. */
@Repository
class Accounts {

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	Accounts(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<Account> find(String username) {
		return this.jdbc.query("select * from account where username = :username",
				new MapSqlParameterSource("username", username), Accounts::account).stream().findFirst();
	}

	List<Account> findAll() {
		return this.jdbc.query("select * from account order by username", Accounts::account);
	}

	boolean exists(String username) {
		return find(username).isPresent();
	}

	void insert(Account account) {
		this.jdbc.update("insert into account (username, password_hash, department_code, region_code, roles, "
				+ "created_at, updated_at) values (:username, :hash, :department, :region, :roles, :now, :now)",
				parameters(account));
	}

	/** Replaces the account's details; a null hash keeps the password it has. */
	void update(Account account) {
		this.jdbc.update("update account set password_hash = coalesce(:hash, password_hash), "
				+ "department_code = :department, region_code = :region, roles = :roles, updated_at = :now "
				+ "where username = :username", parameters(account));
	}

	void delete(String username) {
		this.jdbc.update("delete from account where username = :username",
				new MapSqlParameterSource("username", username));
	}

	/**
	 * Counts a failed login and locks the account once the count reaches {@code attempts}. One statement, committed
	 * on its own: the realms call it outside any transaction (Shiro's post-processor builds them before Spring's
	 * transaction proxies exist).
	 */
	void failedLogin(String username, int attempts, Instant lockUntil) {
		this.jdbc.update("update account set failed_logins = failed_logins + 1, locked_until = case when "
				+ "failed_logins + 1 >= :attempts then :until else locked_until end where username = :username",
				new MapSqlParameterSource("username", username).addValue("attempts", attempts)
					.addValue("until", Timestamp.from(lockUntil)));
	}

	/** A successful login starts the count again, and ends a lock that has run out. */
	void succeededLogin(String username) {
		this.jdbc.update("update account set failed_logins = 0, locked_until = null where username = :username "
				+ "and (failed_logins > 0 or locked_until is not null)", new MapSqlParameterSource("username", username));
	}

	private MapSqlParameterSource parameters(Account account) {
		return new MapSqlParameterSource("username", account.username()).addValue("hash", account.passwordHash())
			.addValue("department", account.departmentCode())
			.addValue("region", account.regionCode())
			.addValue("roles", account.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")))
			.addValue("now", Timestamp.from(this.clock.instant()));
	}

	private static Account account(ResultSet rs, int row) throws SQLException {
		Timestamp locked = rs.getTimestamp("locked_until");
		return new Account(rs.getString("username"), rs.getString("password_hash"), rs.getString("department_code"),
				rs.getString("region_code"),
				Arrays.stream(rs.getString("roles").split(",")).filter(r -> !r.isBlank()).map(Role::valueOf)
					.collect(Collectors.toSet()),
				rs.getInt("failed_logins"), locked == null ? null : locked.toInstant());
	}

}
