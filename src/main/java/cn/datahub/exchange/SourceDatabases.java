package cn.datahub.exchange;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The department databases of {@code config/}, each behind a small pool opened at first use, so a database that
 * is down does not stop the hub from starting.
 */
@Component
class SourceDatabases implements DisposableBean {

	private static final int POOL_SIZE = 2;

	private final Map<String, SourceProperties.Database> configured;

	private final Map<String, HikariDataSource> open = new ConcurrentHashMap<>();

	SourceDatabases(SourceProperties properties) {
		this.configured = properties.datasources();
	}

	boolean knows(String name) {
		return this.configured.containsKey(name);
	}

	/** A template over the named database, streaming rows {@code fetchSize} at a time. */
	Optional<JdbcTemplate> template(String name, int fetchSize) {
		return Optional.ofNullable(this.configured.get(name)).map(db -> {
			JdbcTemplate template = new JdbcTemplate(dataSource(name, db));
			template.setFetchSize(fetchSize);
			return template;
		});
	}

	private DataSource dataSource(String name, SourceProperties.Database db) {
		return this.open.computeIfAbsent(name, n -> {
			HikariDataSource pool = DataSourceBuilder.create().type(HikariDataSource.class).url(db.url())
				.username(db.username()).password(db.password()).build();
			pool.setPoolName("source-" + n);
			pool.setMaximumPoolSize(POOL_SIZE);
			pool.setMinimumIdle(0);
			pool.setReadOnly(true);
			return pool;
		});
	}

	@Override
	public void destroy() {
		this.open.values().forEach(HikariDataSource::close);
	}

}
