package org.gongzhi.shared.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database lives: an external PostgreSQL when {@code url} is set, otherwise an embedded PostgreSQL whose
 * files are kept in {@code dataDir} (or, for tests, in a throw-away directory shared by the whole JVM).
 *
 * @param url external JDBC URL ({@code GONGZHI_DB_URL}); blank means embedded
 * @param user external database user ({@code GONGZHI_DB_USER})
 * @param password external database password ({@code GONGZHI_DB_PASSWORD})
 * @param dataDir directory of the embedded database ({@code GONGZHI_DATA_DIR}, default {@code ./data})
 * @param ephemeral embedded database in a temporary directory without fsync, one per JVM (tests only)
 * @param poolSize maximum connections in the pool
 */
@ConfigurationProperties("gongzhi.db")
public record DatabaseProperties(String url, String user, String password, Path dataDir, boolean ephemeral,
		Integer poolSize) {

	public DatabaseProperties {
		if (dataDir == null) {
			dataDir = Path.of("data");
		}
		if (poolSize == null) {
			poolSize = 10;
		}
	}

	boolean external() {
		return url != null && !url.isBlank();
	}

}
