package cn.datahub.exchange;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** An in-memory H2 database of a test's own, migrated by the hub's real migrations ({@code db/migration}). */
final class MigratedDatabase {

	private MigratedDatabase() {
	}

	/** A new, empty database; {@code name} says whose it is in a failure's message. */
	static JdbcDataSource create(String name) {
		JdbcDataSource database = new JdbcDataSource();
		database.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		database.setUser("sa");
		return database;
	}

	/** Migrates the database up to {@code version} (as a hub of that version left it), or to the latest when null. */
	static void migrate(DataSource database, String version) {
		Flyway.configure()
			.dataSource(database)
			.locations("classpath:db/migration")
			.target(version == null ? "latest" : version)
			.load()
			.migrate();
	}

}
