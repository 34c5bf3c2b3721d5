package org.gongzhi;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.gongzhi.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every migration and a smoke flow against a real external PostgreSQL server (127.0.0.1:5432, user postgres,
 * overridable with GONGZHI_IT_PG_URL / GONGZHI_IT_PG_USER) in a throw-away database. Skipped, with the reason in the
 * test report, when no server is reachable. Its own Spring context is closed before the database is dropped.
 */
@EnabledIf(value = "org.gongzhi.ExternalPostgresTests#serverReachable",
		disabledReason = "no external PostgreSQL reachable on 127.0.0.1:5432 (set GONGZHI_IT_PG_URL)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class ExternalPostgresTests {

	static ConfigurableApplicationContext context;

	static final String SERVER = System.getenv().getOrDefault("GONGZHI_IT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");

	static final String USER = System.getenv().getOrDefault("GONGZHI_IT_PG_USER", "postgres");

	static final String DATABASE = "gongzhi_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	void remember(ConfigurableApplicationContext applicationContext) {
		context = applicationContext;
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
			st.execute("create database " + DATABASE);
		}
		registry.add("gongzhi.db.url", () -> SERVER + DATABASE);
		registry.add("gongzhi.db.user", () -> USER);
		registry.add("gongzhi.db.password", () -> "");
		registry.add("gongzhi.db.ephemeral", () -> "false");
	}

	@AfterAll
	static void dropDatabase() throws Exception {
		if (context != null) {
			context.close();
		}
		if (!serverReachable()) {
			return;
		}
		try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
				Statement st = c.createStatement()) {
			st.execute("drop database if exists " + DATABASE + " with (force)");
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
