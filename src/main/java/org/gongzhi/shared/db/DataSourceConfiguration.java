package org.gongzhi.shared.db;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one {@link DataSource}: the external PostgreSQL when configured, otherwise the embedded one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DataSourceConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabaseHandle embeddedDatabase(DatabaseProperties props) {
		if (props.external()) {
			return new EmbeddedDatabaseHandle(null, false);
		}
		if (props.ephemeral()) {
			return new EmbeddedDatabaseHandle(EmbeddedDatabase.ephemeral(), false);
		}
		return new EmbeddedDatabaseHandle(EmbeddedDatabase.durable(props.dataDir()), true);
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseProperties props, EmbeddedDatabaseHandle embedded) {
		HikariConfig config = new HikariConfig();
		if (props.external()) {
			config.setJdbcUrl(props.url());
			config.setUsername(props.user());
			config.setPassword(props.password());
		}
		else {
			config.setJdbcUrl(embedded.database().jdbcUrl());
			config.setUsername("postgres");
		}
		config.setMaximumPoolSize(props.poolSize());
		config.setPoolName("gongzhi");
		return props.external() || !props.ephemeral() ? new HikariDataSource(config) : new SharedPool(config);
	}

	/** A pool on the JVM-wide test database, registered so the database stops only after the pool closed. */
	static final class SharedPool extends HikariDataSource {

		SharedPool(HikariConfig config) {
			super(config);
			EmbeddedDatabase.use(this);
		}

		@Override
		public void close() {
			try {
				super.close();
			}
			finally {
				EmbeddedDatabase.release(this);
			}
		}

	}

	/**
	 * Owns the embedded server's lifecycle; the data source depends on it, so Spring closes the pool first and the
	 * server after it.
	 */
	record EmbeddedDatabaseHandle(EmbeddedDatabase database, boolean owned) implements AutoCloseable {

		@Override
		public void close() {
			if (owned && database != null) {
				database.close();
			}
		}

	}

}
