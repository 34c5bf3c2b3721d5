package org.gongzhi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.gongzhi.GongzhiApplication;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake over HTTP (受理: locate + route + persist + timeline + audit) against the whole application with its
 * embedded PostgreSQL in durable mode (fsync and synchronous commit on), in one JVM on this machine:
 * <ol>
 * <li>closed loop: N concurrent clients post cases as fast as answers come back, for each N given;</li>
 * <li>open loop: a fixed arrival rate, latency measured from each request's scheduled start (no coordinated
 * omission);</li>
 * <li>the same database's raw single-row INSERT rate over JDBC (autocommit, durable) into a table shaped like
 * {@code cases.case_record}, at the same concurrencies, for the ratio.</li>
 * </ol>
 * Arguments: {@code [seconds per run, default 60] [concurrencies, default 16,32,64] [open-loop rates, default 200,50]
 * [database pool size, default 10 as in the application's own configuration] [warm-up seconds, default 60]}. The
 * test classpath's configuration (ephemeral database, pool of 5) is overridden. Run with
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=org.gongzhi.bench.IntakeBenchmark}.
 */
public final class IntakeBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PASSWORD = "Gongzhi@2026";

	private static final int BODIES = 20_000;

	private IntakeBenchmark() {
	}

	/** One measured run. */
	record Result(String what, int concurrency, long ok, long errors, double seconds, Histogram latencyMicros) {

		double perSecond() {
			return ok / seconds;
		}

		String line() {
			return String.format(Locale.ROOT,
					"%-34s c=%-3d %,9.1f /s  ok %,8d  errors %,5d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %7.1f ms",
					what, concurrency, perSecond(), ok, errors, ms(50), ms(95), ms(99),
					latencyMicros.getMaxValue() / 1000.0);
		}

		double ms(double percentile) {
			return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
		}

	}

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
		int[] levels = Stream.of((args.length > 1 ? args[1] : "16,32,64").split(",")).mapToInt(Integer::parseInt)
			.toArray();
		int[] rates = Stream.of((args.length > 2 ? args[2] : "200,50").split(",")).mapToInt(Integer::parseInt)
			.toArray();
		String poolSize = args.length > 3 ? args[3] : "10";
		int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 60;

		Path dataDir = Files.createTempDirectory("gongzhi-intake-bench-");
		System.out.printf("machine: %d cores, load average %.2f, %s %s%n", Runtime.getRuntime().availableProcessors(),
				load(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
		long started = System.nanoTime();
		ConfigurableApplicationContext app = new SpringApplicationBuilder(GongzhiApplication.class)
			.run(durableApplication(dataDir, poolSize));
		try {
			System.out.printf("application started in %.1f s (demo street and demo cases loaded), data in %s%n",
					(System.nanoTime() - started) / 1e9, dataDir);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			String url;
			try (Connection c = app.getBean(DataSource.class).getConnection()) {
				url = c.getMetaData().getURL();
			}
			System.out.printf("database: %s; fsync=%s synchronous_commit=%s wal_sync_method=%s; pool size %s%n",
					jdbc.sql("select version()").query(String.class).single().replaceAll(" on .*", ""),
					setting(jdbc, "fsync"), setting(jdbc, "synchronous_commit"), setting(jdbc, "wal_sync_method"),
					app.getEnvironment().getProperty("gongzhi.db.pool-size"));
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			run(jdbc, url, "http://localhost:" + port, seconds, levels, rates, warmUp);
		}
		finally {
			app.close();
			deleteQuietly(dataDir);
		}
		System.exit(0);
	}

	/**
	 * The application's command line for a benchmark: the embedded PostgreSQL in durable mode on this data directory
	 * with the demo data, a free port, and quiet logs.
	 */
	static String[] durableApplication(Path dataDir, String poolSize) {
		return new String[] { "--gongzhi.db.url=", "--gongzhi.db.ephemeral=false", "--gongzhi.db.data-dir=" + dataDir,
				"--server.port=0", "--gongzhi.demo=true", "--gongzhi.db.pool-size=" + poolSize,
				"--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.org.gongzhi=WARN" };
	}

	private static void run(JdbcClient jdbc, String jdbcUrl, String base, int seconds, int[] levels, int[] rates,
			int warmUp) throws Exception {
		int maxLevel = Math.max(64, java.util.Arrays.stream(levels).max().orElse(64));
		ExecutorService clientThreads = Executors.newFixedThreadPool(4);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads)
			.connectTimeout(Duration.ofSeconds(10)).build();
		String token = token(http, base, "clerk");
		List<byte[]> requests = requests(base, token, bodies(http, base, token(http, base, "admin")));
		long before = count(jdbc);

		System.out.printf("warm-up: %d s at 16 clients (the JIT compiler is still busy for a minute or so)%n", warmUp);
		closedLoop(base, requests, 16, warmUp, "warm-up");

		List<Result> results = new ArrayList<>();
		List<String> cpu = new ArrayList<>();
		for (int level : levels) {
			double jvm0 = jvmCpuSeconds();
			Map<String, Double> threads0 = threadCpuByGroup();
			double pg0 = postgresCpuSeconds(jdbc);
			Result r = closedLoop(base, requests, level, seconds, "intake over HTTP, closed loop");
			double jvm = (jvmCpuSeconds() - jvm0) * 1000 / Math.max(1, r.ok());
			double client = CLIENT_CPU.sum() * 1000 / Math.max(1, r.ok());
			Map<String, Double> threads1 = threadCpuByGroup();
			StringBuilder groups = new StringBuilder();
			double javaThreads = 0;
			for (Map.Entry<String, Double> g : threads1.entrySet()) {
				double used = g.getValue() - threads0.getOrDefault(g.getKey(), 0.0);
				javaThreads += used;
				if (used * 1000 / Math.max(1, r.ok()) >= 0.01) {
					groups.append(String.format(Locale.ROOT, "%s %.2f ms, ", g.getKey(),
							used * 1000 / Math.max(1, r.ok())));
				}
			}
			groups.append(String.format(Locale.ROOT, "load generator %.2f ms, JIT, GC and other VM threads %.2f ms",
					client, (jvmCpuSeconds() - jvm0 - javaThreads - CLIENT_CPU.sum()) * 1000 / Math.max(1, r.ok())));
			System.out.println("  JVM CPU per intake by thread group: " + groups);
			double pg = (postgresCpuSeconds(jdbc) - pg0) * 1000 / Math.max(1, r.ok());
			results.add(r);
			System.out.println(r.line() + String.format(Locale.ROOT, "  (load %.2f)", load()));
			cpu.add(String.format(Locale.ROOT,
					"c=%-3d CPU per intake: JVM %.2f ms (of which the load generator's threads %.2f ms), "
							+ "PostgreSQL %.2f ms, total %.2f ms; %d idle cores would allow at most %,.0f intakes/s",
					level, jvm, client, pg, jvm + pg, Runtime.getRuntime().availableProcessors(),
					Runtime.getRuntime().availableProcessors() * 1000 / (jvm + pg)));
		}
		List<Result> open = new ArrayList<>();
		for (int rate : rates) {
			Result r = openLoop(base, requests, rate, seconds, maxLevel);
			open.add(r);
			System.out.println(r.line() + String.format(Locale.ROOT, "  (load %.2f)", load()));
		}

		prepareRawTable(jdbcUrl);
		List<Result> raw = new ArrayList<>();
		for (int level : levels) {
			Result r = rawInserts(jdbcUrl, level, seconds);
			raw.add(r);
			System.out.println(r.line() + String.format(Locale.ROOT, "  (load %.2f)", load()));
		}
		long filed = count(jdbc) - before;
		long events = jdbc.sql("select count(*) from cases.case_event").query(Long.class).single();
		long audit = jdbc.sql("select count(*) from identity.audit_log where action = 'case.accept'").query(Long.class)
			.single();

		System.out.println();
		System.out.println("summary");
		System.out.printf("cases filed over HTTP in this run: %,d (timeline entries in the database: %,d, "
				+ "case.accept audit entries: %,d)%n", filed, events, audit);
		for (int i = 0; i < levels.length; i++) {
			Result h = results.get(i);
			Result r = raw.get(i);
			System.out.printf(Locale.ROOT, "c=%-3d intake %,8.1f /s   raw insert %,8.1f /s   ratio %.2f%n", levels[i],
					h.perSecond(), r.perSecond(), h.perSecond() / r.perSecond());
		}
		cpu.forEach(System.out::println);
		for (int i = 0; i < rates.length; i++) {
			Result r = open.get(i);
			System.out.printf(Locale.ROOT, "open loop at %d/s: achieved %.1f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, "
					+ "errors %d%n", rates[i], r.perSecond(), r.ms(50), r.ms(95), r.ms(99), r.errors());
		}
		clientThreads.shutdownNow();
	}

	// the load

	/** Prepared request bytes for every body, posted with the lean client (see LeanHttpClient). */
	static List<byte[]> requests(String base, String token, List<String> bodies) {
		URI uri = URI.create(base);
		return bodies.stream().map(b -> LeanHttpClient.post(uri.getHost(), uri.getPort(), "/api/v1/cases", token, b))
			.toList();
	}

	/** CPU time the load generator's own threads used in the last loop, in seconds. */
	static final java.util.concurrent.atomic.DoubleAdder CLIENT_CPU = new java.util.concurrent.atomic.DoubleAdder();

	static Result closedLoop(String base, List<byte[]> requests, int clients, int seconds, String what)
			throws InterruptedException {
		URI uri = URI.create(base);
		Recorder recorder = new Recorder(3);
		AtomicLong ok = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		CLIENT_CPU.reset();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		long end = start + TimeUnit.SECONDS.toNanos(seconds);
		for (int i = 0; i < clients; i++) {
			pool.execute(() -> {
				long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
				ThreadLocalRandom rnd = ThreadLocalRandom.current();
				try (LeanHttpClient client = new LeanHttpClient(uri.getHost(), uri.getPort())) {
					while (System.nanoTime() < end) {
						long t0 = System.nanoTime();
						boolean success = client.send(requests.get(rnd.nextInt(requests.size()))) == 201;
						recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
						(success ? ok : errors).incrementAndGet();
					}
				}
				CLIENT_CPU.add((ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9);
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
		double elapsed = (System.nanoTime() - start) / 1e9;
		return new Result(what, clients, ok.get(), errors.get(), elapsed, recorder.getIntervalHistogram());
	}

	/**
	 * Requests start on a fixed schedule whatever the answers do; a request's latency runs from its scheduled start,
	 * so waiting for a free client thread counts too.
	 */
	private static Result openLoop(String base, List<byte[]> requests, int rate, int seconds, int threads)
			throws InterruptedException {
		URI uri = URI.create(base);
		Recorder recorder = new Recorder(3);
		AtomicLong ok = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		List<LeanHttpClient> clients = java.util.Collections.synchronizedList(new ArrayList<>());
		ThreadLocal<LeanHttpClient> client = ThreadLocal.withInitial(() -> {
			LeanHttpClient c = new LeanHttpClient(uri.getHost(), uri.getPort());
			clients.add(c);
			return c;
		});
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long interval = 1_000_000_000L / rate;
		long total = (long) rate * seconds;
		Random rnd = new Random(7);
		long start = System.nanoTime() + 10_000_000L;
		for (long i = 0; i < total; i++) {
			long scheduled = start + i * interval;
			long wait = scheduled - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			byte[] request = requests.get(rnd.nextInt(requests.size()));
			pool.execute(() -> {
				boolean success = client.get().send(request) == 201;
				recorder.recordValue(Math.max(1, (System.nanoTime() - scheduled) / 1000));
				(success ? ok : errors).incrementAndGet();
			});
		}
		pool.shutdown();
		pool.awaitTermination(120, TimeUnit.SECONDS);
		clients.forEach(LeanHttpClient::close);
		double elapsed = (System.nanoTime() - start) / 1e9;
		return new Result("intake over HTTP, open loop " + rate + "/s", threads, ok.get(), errors.get(), elapsed,
				recorder.getIntervalHistogram());
	}

	static boolean post(HttpClient http, String base, String token, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 201;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	// raw inserts

	private static void prepareRawTable(String url) throws SQLException {
		try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement()) {
			st.execute("create schema if not exists bench");
			st.execute("drop table if exists bench.raw_case");
			st.execute("""
					create table bench.raw_case (
					    id              bigserial        primary key,
					    case_no         varchar(24)      not null unique,
					    category_code   varchar(16)      not null,
					    description     text             not null,
					    lng             double precision,
					    lat             double precision,
					    grid_code       varchar(24),
					    status          varchar(12)      not null,
					    received_at     timestamptz      not null default now())
					""");
			st.execute("create index raw_case_grid_ix on bench.raw_case (grid_code, received_at desc)");
			st.execute("create index raw_case_received_ix on bench.raw_case (received_at desc)");
		}
	}

	private static Result rawInserts(String url, int clients, int seconds) throws Exception {
		Recorder recorder = new Recorder(3);
		AtomicLong ok = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		AtomicLong sequence = new AtomicLong(System.nanoTime());
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		long end = start + TimeUnit.SECONDS.toNanos(seconds);
		for (int i = 0; i < clients; i++) {
			pool.execute(() -> {
				ThreadLocalRandom rnd = ThreadLocalRandom.current();
				try (Connection c = DriverManager.getConnection(url, "postgres", "");
						PreparedStatement ps = c.prepareStatement("""
								insert into bench.raw_case (case_no, category_code, description, lng, lat, grid_code,
								    status) values (?, ?, ?, ?, ?, ?, 'ACCEPTED')""")) {
					c.setAutoCommit(true);
					while (System.nanoTime() < end) {
						long t0 = System.nanoTime();
						ps.setString(1, "RAW" + sequence.incrementAndGet());
						ps.setString(2, "0102");
						ps.setString(3, "楼下垃圾桶旁堆了三天的垃圾，无人清理");
						ps.setDouble(4, 116.41 + rnd.nextDouble() * 0.03);
						ps.setDouble(5, 39.96 + rnd.nextDouble() * 0.02);
						ps.setString(6, "110199001001001");
						try {
							ps.executeUpdate();
							ok.incrementAndGet();
						}
						catch (SQLException ex) {
							errors.incrementAndGet();
						}
						recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
					}
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
		double elapsed = (System.nanoTime() - start) / 1e9;
		return new Result("raw single-row INSERT over JDBC", clients, ok.get(), errors.get(), elapsed,
				recorder.getIntervalHistogram());
	}

	// set-up

	static String token(HttpClient http, String base, String user) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", user, "password",
					PASSWORD))))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("sign-in of " + user + " failed: " + response.statusCode());
		}
		return JSON.readTree(response.body()).path("access_token").asString();
	}

	static JsonNode get(HttpClient http, String base, String token, String path)
			throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
		return JSON.readTree(response.body());
	}

	/**
	 * Request bodies: random points inside the demo street's grids (from their boundaries as the API gives them) and
	 * random enabled minor categories, with the fields a hotline clerk fills in.
	 */
	static List<String> bodies(HttpClient http, String base, String adminToken)
			throws IOException, InterruptedException {
		List<String> gridCodes = new ArrayList<>();
		collectGrids(get(http, base, adminToken, "/api/v1/areas/tree"), gridCodes);
		GeoJsonReader reader = new GeoJsonReader(new GeometryFactory());
		List<Geometry> grids = new ArrayList<>();
		for (String code : gridCodes) {
			JsonNode geometry = get(http, base, adminToken, "/api/v1/grids/" + code).path("geometry");
			if (!geometry.isNull() && !geometry.isMissingNode()) {
				try {
					grids.add(reader.read(geometry.toString()));
				}
				catch (ParseException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		List<String> categories = new ArrayList<>();
		for (JsonNode c : get(http, base, adminToken, "/api/v1/case-categories")) {
			if (!c.path("parentCode").isNull() && c.path("enabled").asBoolean()) {
				categories.add(c.path("code").asString());
			}
		}
		categories.sort(Comparator.naturalOrder());
		System.out.printf("request bodies: %,d over %d grids and %d categories%n", BODIES, grids.size(),
				categories.size());
		Random rnd = new Random(42);
		GeometryFactory factory = new GeometryFactory();
		List<String> bodies = new ArrayList<>(BODIES);
		while (bodies.size() < BODIES) {
			Geometry grid = grids.get(rnd.nextInt(grids.size()));
			Envelope box = grid.getEnvelopeInternal();
			double lng = box.getMinX() + rnd.nextDouble() * box.getWidth();
			double lat = box.getMinY() + rnd.nextDouble() * box.getHeight();
			if (!grid.contains(factory.createPoint(new Coordinate(lng, lat)))) {
				continue;
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("categoryCode", categories.get(rnd.nextInt(categories.size())));
			body.put("description", "压测案件 " + bodies.size() + "：路口有暴露垃圾，请尽快清理");
			body.put("lng", lng);
			body.put("lat", lat);
			body.put("reporterName", "压测");
			body.put("reporterPhone", "138" + String.format("%08d", rnd.nextInt(100_000_000)));
			bodies.add(JSON.writeValueAsString(body));
		}
		return bodies;
	}

	private static void collectGrids(JsonNode nodes, List<String> codes) {
		for (JsonNode n : nodes) {
			if ("GRID".equals(n.path("level").asString())) {
				codes.add(n.path("code").asString());
			}
			collectGrids(n.path("children"), codes);
		}
	}

	private static long count(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from cases.case_record").query(Long.class).single();
	}

	static String setting(JdbcClient jdbc, String name) {
		return jdbc.sql("select current_setting(:n)").param("n", name).query(String.class).single();
	}

	/** CPU time this JVM has used, all threads. */
	/** CPU seconds used so far by the JVM's live Java threads, summed by thread name with the digits taken out. */
	static Map<String, Double> threadCpuByGroup() {
		java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		Map<String, Double> groups = new java.util.TreeMap<>();
		for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
			if (info != null) {
				long cpu = mx.getThreadCpuTime(info.getThreadId());
				if (cpu > 0) {
					groups.merge(info.getThreadName().replaceAll("[0-9]+", "N"), cpu / 1e9, Double::sum);
				}
			}
		}
		return groups;
	}

	static double jvmCpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

	/**
	 * CPU time the embedded PostgreSQL has used: its live processes (from pg_stat_activity) and their postmaster,
	 * including the postmaster's exited children, read from /proc (Linux, clock ticks of 1/100 s).
	 */
	static double postgresCpuSeconds(JdbcClient jdbc) {
		List<Integer> pids = jdbc.sql("select pid from pg_stat_activity").query(Integer.class).list();
		long ticks = 0;
		java.util.Set<Long> parents = new java.util.HashSet<>();
		for (int pid : pids) {
			String[] stat = procStat(pid);
			if (stat != null) {
				ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
				parents.add(Long.parseLong(stat[3]));
			}
		}
		for (long parent : parents) {
			String[] stat = procStat((int) parent);
			if (stat != null && stat[1].contains("postgres")) {
				ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]) + Long.parseLong(stat[15])
						+ Long.parseLong(stat[16]);
			}
		}
		return ticks / 100.0;
	}

	private static String[] procStat(int pid) {
		try {
			String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
			int close = line.lastIndexOf(')');
			String[] rest = line.substring(close + 2).split(" ");
			String[] fields = new String[rest.length + 2];
			fields[0] = String.valueOf(pid);
			fields[1] = line.substring(line.indexOf('(') + 1, close);
			System.arraycopy(rest, 0, fields, 2, rest.length);
			return fields;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	static double load() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	static void deleteQuietly(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
