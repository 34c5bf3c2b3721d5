package org.gongzhi;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.gongzhi.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every migration and a smoke flow against a real external PostgreSQL server (127.0.0.1:5432, user postgres,
 * overridable with GONGZHI_IT_PG_URL / GONGZHI_IT_PG_USER) in a throw-away database. Skipped, with the reason in the
 * test report, when no server is reachable. Its database is dropped by a later run (see {@link #dropLeftovers}).
 */
@EnabledIf(value = "org.gongzhi.ExternalPostgresTests#serverReachable",
		disabledReason = "no external PostgreSQL reachable on 127.0.0.1:5432 (set GONGZHI_IT_PG_URL)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@DirtiesContext
class ExternalPostgresTests {


	static final String SERVER = System.getenv().getOrDefault("GONGZHI_IT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");

	static final String USER = System.getenv().getOrDefault("GONGZHI_IT_PG_USER", "postgres");

	static final String DATABASE = "gongzhi_it_" + (System.currentTimeMillis() / 1000) + "_"
			+ UUID.randomUUID().toString().replace("-", "").substring(0, 8);

	/** An external database needs GONGZHI_PEOPLE_KEY; this run uses a fresh one. */
	static final String PEOPLE_KEY = java.util.Base64.getEncoder().encodeToString(randomKey());

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	static byte[] randomKey() {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		return key;
	}

	static boolean serverReachable() {
		try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
			return c.isValid(2);
		}
		catch (Exception ex) {
			return false;
		}
	}

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) throws Exception {
		try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
				Statement st = c.createStatement()) {
			dropLeftovers(st);
			st.execute("create database " + DATABASE);
		}
		registry.add("gongzhi.db.url", () -> SERVER + DATABASE);
		registry.add("gongzhi.db.user", () -> USER);
		registry.add("gongzhi.db.password", () -> "");
		registry.add("gongzhi.db.ephemeral", () -> "false");
		registry.add("gongzhi.people.key", () -> PEOPLE_KEY);
	}

	/**
	 * Databases of earlier runs are dropped at the start of a later one (more than two hours old, so a concurrent run
	 * keeps its own): dropping ours while its Spring context still holds connections would stall the JVM's exit.
	 */
	static void dropLeftovers(Statement st) throws java.sql.SQLException {
		long cutoff = System.currentTimeMillis() / 1000 - 7200;
		java.util.List<String> old = new java.util.ArrayList<>();
		try (var rs = st.executeQuery("select datname from pg_database where datname like 'gongzhi\\_it\\_%'")) {
			while (rs.next()) {
				String[] parts = rs.getString(1).split("_");
				if (parts.length == 4 && parts[2].matches("\\d+") && Long.parseLong(parts[2]) < cutoff) {
					old.add(rs.getString(1));
				}
			}
		}
		for (String name : old) {
			st.execute("drop database if exists " + name + " with (force)");
		}
	}

	@Test
	void migratesAndServesTheDemoStreetFromTheExternalServer() {
		assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo(DATABASE);
		assertThat(jdbc.sql("select count(*) from area.area where level = 'GRID'").query(Long.class).single())
			.isBetween(40L, 56L);
		assertThat(jdbc.sql("select count(*) from identity.app_user").query(Long.class).single()).isGreaterThan(10L);

		String token = Api.token(mvc, "street");
		assertThat(mvc.get().uri("/api/v1/areas/tree").header("Authorization", Api.bearer(token))).hasStatusOk()
			.bodyJson().extractingPath("$[0].code").isEqualTo("110199001");
		String grid = jdbc.sql("select code from area.area where level = 'GRID' order by code limit 1")
			.query(String.class).single();
		assertThat(mvc.get().uri("/api/v1/grids/" + grid).header("Authorization", Api.bearer(token))).hasStatusOk()
			.bodyJson().extractingPath("$.properties.code").isEqualTo(grid);
		assertThat(mvc.post().uri("/api/v1/auth/token").contentType("application/json")
			.content(Api.json(Map.of("username", "street", "password", "nope")))).hasStatus(401);
	}

}
