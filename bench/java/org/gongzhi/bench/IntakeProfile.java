package org.gongzhi.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

import org.gongzhi.GongzhiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one intake costs the database: files cases one after another over HTTP against the durable embedded
 * PostgreSQL with {@code pg_stat_statements} loaded, then prints the statements per intake (calls, time, rows) and
 * the commits and WAL flushes per intake. The application is started twice on the same data directory, the second
 * time with the extension preloaded. Arguments: {@code [cases, default 500]}. Run with
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=org.gongzhi.bench.IntakeProfile}.
 */
public final class IntakeProfile {

	private IntakeProfile() {
	}

	public static void main(String[] args) throws Exception {
		int cases = args.length > 0 ? Integer.parseInt(args[0]) : 500;
		Path dataDir = Files.createTempDirectory("gongzhi-intake-profile-");
		String[] properties = IntakeBenchmark.durableApplication(dataDir, "10");
		try {
			try (ConfigurableApplicationContext first = start(properties)) {
				first.getBean(JdbcClient.class)
					.sql("alter system set shared_preload_libraries = 'pg_stat_statements'").update();
			}
			try (ConfigurableApplicationContext app = start(properties)) {
				profile(app, cases);
			}
		}
		finally {
			IntakeBenchmark.deleteQuietly(dataDir);
		}
		System.exit(0);
	}

	private static ConfigurableApplicationContext start(String[] properties) {
		return new SpringApplicationBuilder(GongzhiApplication.class).run(properties);
	}

	private static void profile(ConfigurableApplicationContext app, int cases) throws Exception {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		jdbc.sql("create extension if not exists pg_stat_statements").update();
		String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(10)).build();
		String token = IntakeBenchmark.token(http, base, "clerk");
		List<String> bodies = IntakeBenchmark.bodies(http, base, IntakeBenchmark.token(http, base, "admin"));
		IntakeBenchmark.closedLoop(base, IntakeBenchmark.requests(base, token, bodies), 4, 15, "warm-up");
		Thread.sleep(12_000);
		jdbc.sql("select pg_stat_statements_reset()").query((rs, n) -> 1).list();
		jdbc.sql("select pg_stat_reset_shared('wal')").query((rs, n) -> 1).list();
		Map<String, Object> before = stats(jdbc);
		long started = System.nanoTime();
		for (int i = 0; i < cases; i++) {
			if (!IntakeBenchmark.post(http, base, token, bodies.get(i))) {
				throw new IllegalStateException("intake failed");
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Thread.sleep(12_000);
		Map<String, Object> after = stats(jdbc);
		System.out.printf(Locale.ROOT, "%d cases one after another in %.1f s: %.1f ms each (load %.2f)%n", cases,
				seconds, seconds * 1000 / cases, IntakeBenchmark.load());
		for (String k : before.keySet()) {
			double delta = ((Number) after.get(k)).doubleValue() - ((Number) before.get(k)).doubleValue();
			System.out.printf(Locale.ROOT, "per intake: %-16s %10.1f%n", k, delta / cases);
		}
		System.out.println();
		System.out.println("calls/intake  ms/intake  rows/call  statement");
		jdbc.sql("""
				select calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g')
				  from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
				 order by calls desc, total_exec_time desc limit 60
				""").query((rs, n) -> String.format(Locale.ROOT, "%12.2f %10.3f %10.1f  %s",
					rs.getLong(1) / (double) cases, rs.getDouble(2) / cases,
					rs.getLong(3) / (double) Math.max(1, rs.getLong(1)), abbreviate(rs.getString(4))))
			.list().forEach(System.out::println);
		System.out.println();
		latencies(http, base, token, bodies);
	}

	/** Median latency, one request after another, of a trivial API call, a case's detail and an intake. */
	private static void latencies(HttpClient http, String base, String token, List<String> bodies) throws Exception {
		String caseNo = null;
		long[][] times = new long[3][200];
		for (int i = 0; i < 200; i++) {
			long t0 = System.nanoTime();
			IntakeBenchmark.get(http, base, token, "/api/v1/case-categories");
			long t1 = System.nanoTime();
			if (caseNo == null) {
				caseNo = IntakeBenchmark.get(http, base, token, "/api/v1/cases?size=1").path("items").get(0)
					.path("caseNo").asString();
			}
			long t2 = System.nanoTime();
			IntakeBenchmark.get(http, base, token, "/api/v1/cases/" + caseNo);
			long t3 = System.nanoTime();
			IntakeBenchmark.post(http, base, token, bodies.get(1000 + i));
			long t4 = System.nanoTime();
			times[0][i] = t1 - t0;
			times[1][i] = t3 - t2;
			times[2][i] = t4 - t3;
		}
		String[] names = { "GET /api/v1/case-categories", "GET /api/v1/cases/{caseNo}", "POST /api/v1/cases" };
		for (int k = 0; k < 3; k++) {
			java.util.Arrays.sort(times[k]);
			System.out.printf(Locale.ROOT, "one client: %-30s p50 %6.2f ms  p90 %6.2f ms%n", names[k],
					times[k][100] / 1e6, times[k][180] / 1e6);
		}
	}

	private static String abbreviate(String sql) {
		return sql.length() <= 160 ? sql : sql.substring(0, 157) + "...";
	}

	private static Map<String, Object> stats(JdbcClient jdbc) {
		Map<String, Object> db = jdbc.sql("""
				select xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted, tup_updated, tup_deleted
				  from pg_stat_database where datname = current_database()""").query().singleRow();
		Map<String, Object> wal = jdbc.sql("select wal_records, wal_bytes, wal_write, wal_sync from pg_stat_wal")
			.query().singleRow();
		Map<String, Object> all = new java.util.LinkedHashMap<>(db);
		all.putAll(wal);
		return all;
	}

}
