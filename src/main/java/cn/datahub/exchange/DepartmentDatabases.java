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
 * is down does not stop the hub from starting: the sources JDBC attachments read, with read-only accounts
 * ({@code hub.exchange.sources.datasources}), and the tables JDBC targets write ({@code hub.exchange.push.datasources}).
 */
@Component
class DepartmentDatabases implements DisposableBean {

	private static final int POOL_SIZE = 2;

	private final Map<String, SourceProperties.Database> sources;

	private final Map<String, SourceProperties.Database> targets;

	private final Map<String, HikariDataSource> open = new ConcurrentHashMap<>();

	DepartmentDatabases(SourceProperties sources, PushProperties targets) {
		this.sources = sources.datasources();
		this.targets = targets.datasources();
	}

	boolean knows(String name) {
		return this.sources.containsKey(name);
	}

	/** A template over the named source database, streaming rows {@code fetchSize} at a time. */
	Optional<JdbcTemplate> template(String name, int fetchSize) {
		return Optional.ofNullable(this.sources.get(name)).map(db -> {
			JdbcTemplate template = new JdbcTemplate(dataSource("source-" + name, db, true));
			template.setFetchSize(fetchSize);
			return template;
		});
	}

	boolean knowsTarget(String name) {
		return this.targets.containsKey(name);
	}

	/** The named target database, written by JDBC targets. */
	Optional<DataSource> target(String name) {
		return Optional.ofNullable(this.targets.get(name)).map(db -> dataSource("target-" + name, db, false));
	}

	private DataSource dataSource(String pool, SourceProperties.Database db, boolean readOnly) {
		return this.open.computeIfAbsent(pool, n -> {
			HikariDataSource dataSource = DataSourceBuilder.create().type(HikariDataSource.class).url(db.url())
				.username(db.username()).password(db.password()).build();
			dataSource.setPoolName(n);
			dataSource.setMaximumPoolSize(POOL_SIZE);
			dataSource.setMinimumIdle(0);
			dataSource.setReadOnly(readOnly);
			return dataSource;
		});
	}

	@Override
	public void destroy() {
		this.open.values().forEach(HikariDataSource::close);
	}

}
