package org.gongzhi.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.gongzhi.GongzhiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the web stack itself costs per request, next to an intake: CPU per request of the server's request threads for
 * an unauthenticated health check, an authenticated small GET and the intake POST, each in a closed loop of 8 lean
 * clients. Arguments: {@code [seconds per request kind, default 20]}. Run with
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=org.gongzhi.bench.HttpOverheadProbe}.
 */
public final class HttpOverheadProbe {

	private HttpOverheadProbe() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
		Path dataDir = Files.createTempDirectory("gongzhi-http-probe-");
		String[] properties = IntakeBenchmark.durableApplication(dataDir, "10");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongzhiApplication.class).run(properties)) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			String base = "http://localhost:" + port;
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(10)).build();
			String token = IntakeBenchmark.token(http, base, "clerk");
			List<byte[]> intake = IntakeBenchmark.requests(base, token,
					IntakeBenchmark.bodies(http, base, IntakeBenchmark.token(http, base, "admin")));
			byte[] health = ("GET /actuator/health HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII);
			byte[] categories = ("GET /api/v1/case-categories HTTP/1.1\r\nHost: localhost:" + port
					+ "\r\nAuthorization: Bearer " + token + "\r\nAccept: application/json\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII);
			for (int round = 0; round < 2; round++) {
				String label = round == 0 ? "warm-up " : "";
				measure(label + "GET /actuator/health (no sign-in)", port, List.of(health), 200, seconds);
				measure(label + "GET /api/v1/case-categories (bearer token)", port, List.of(categories), 200, seconds);
				measure(label + "POST /api/v1/cases (intake)", port, intake, 201, seconds);
			}
		}
		finally {
			IntakeBenchmark.deleteQuietly(dataDir);
		}
		System.exit(0);
	}

	private static void measure(String what, int port, List<byte[]> requests, int expected, int seconds)
			throws InterruptedException {
		Map<String, Double> before = IntakeBenchmark.threadCpuByGroup();
		double jvm0 = IntakeBenchmark.jvmCpuSeconds();
		AtomicLong ok = new AtomicLong();
		AtomicLong bad = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		for (int i = 0; i < 8; i++) {
			int offset = i;
			pool.execute(() -> {
				try (LeanHttpClient client = new LeanHttpClient("localhost", port)) {
					for (int n = offset; System.nanoTime() < end; n++) {
						(client.send(requests.get(n % requests.size())) == expected ? ok : bad).incrementAndGet();
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
		Map<String, Double> after = IntakeBenchmark.threadCpuByGroup();
		double request = 0;
		for (Map.Entry<String, Double> e : after.entrySet()) {
			if (e.getKey().contains("exec")) {
				request += e.getValue() - before.getOrDefault(e.getKey(), 0.0);
			}
		}
		double jvm = IntakeBenchmark.jvmCpuSeconds() - jvm0;
		long n = Math.max(1, ok.get());
		System.out.printf(Locale.ROOT, "%-45s %,8.0f /s  bad %d  request threads %.3f ms/request, whole JVM %.3f ms%n",
				what, ok.get() / (double) seconds, bad.get(), request * 1000 / n, jvm * 1000 / n);
	}

}
