package org.gongzhi.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the embedded PostgreSQL of the one-command run: durable (fsync and synchronous commit on), able to
 * start after the previous JVM was killed with {@code kill -9}, and stopped with the application.
 */
final class EmbeddedDatabase implements AutoCloseable {

	static final String DATABASE = "gongzhi";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static EmbeddedDatabase shared;

	/** Open connection pools on the shared test database; its stop hook waits for them to close first. */
	private static final java.util.Set<Object> USERS = new java.util.HashSet<>();

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/** A durable server whose files live in {@code dataDir}. */
	static EmbeddedDatabase durable(Path dataDir) {
		try {
			Path pgDir = dataDir.toAbsolutePath().normalize().resolve("pg");
			Files.createDirectories(pgDir);
			stopStalePostmaster(pgDir);
			EmbeddedPostgres pg = builder()
				.setDataDirectory(pgDir)
				.setCleanDataDirectory(false)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.start();
			EmbeddedDatabase db = new EmbeddedDatabase(pg);
			db.ensureDatabase();
			log.info("Embedded PostgreSQL running on port {} with data in {}", pg.getPort(), pgDir);
			return db;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	/** One throw-away server per JVM, shared by every Spring context of a test run. */
	static synchronized EmbeddedDatabase ephemeral() {
		if (shared == null) {
			try {
				EmbeddedPostgres pg = builder().start();
				shared = new EmbeddedDatabase(pg);
				shared.ensureDatabase();
				Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stopSharedWhenUnused, "embedded-pg-stop"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the embedded PostgreSQL", ex);
			}
		}
		return shared;
	}

	/** Registers a connection pool on the shared database; {@link #release} when it closes. */
	static void use(Object pool) {
		synchronized (USERS) {
			USERS.add(pool);
		}
	}

	static void release(Object pool) {
		synchronized (USERS) {
			USERS.remove(pool);
			USERS.notifyAll();
		}
	}

	/**
	 * JVM shutdown hooks run in parallel: let the Spring contexts close their pools (and finish their last writes)
	 * before the shared database stops, waiting at most 20 seconds.
	 */
	private static void stopSharedWhenUnused() {
		long until = System.currentTimeMillis() + 20_000;
		synchronized (USERS) {
			while (!USERS.isEmpty() && System.currentTimeMillis() < until) {
				try {
					USERS.wait(200);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		shared.closeQuietly();
	}

	private static EmbeddedPostgres.Builder builder() {
		return EmbeddedPostgres.builder()
			.setRegisterShutdownHook(false)
			.setLocaleConfig("locale", "C")
			.setLocaleConfig("encoding", "UTF8")
			.setServerConfig("timezone", "UTC")
			.setServerConfig("max_connections", "100")
			.setPGStartupWait(Duration.ofSeconds(60));
	}

	String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", DATABASE);
	}

	int port() {
		return postgres.getPort();
	}

	private void ensureDatabase() throws IOException {
		try (Connection c = postgres.getPostgresDatabase().getConnection()) {
			boolean exists;
			try (var st = c.prepareStatement("select 1 from pg_database where datname = ?")) {
				st.setString(1, DATABASE);
				exists = st.executeQuery().next();
			}
			if (!exists) {
				try (var st = c.createStatement()) {
					st.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
				}
			}
		}
		catch (SQLException ex) {
			throw new IOException("Cannot create database " + DATABASE, ex);
		}
	}

	/**
	 * A JVM killed with {@code -9} leaves its postmaster running and its pid file behind; shut that postmaster down
	 * (fast mode, so it checkpoints) and remove a pid file whose process is gone.
	 */
	static void stopStalePostmaster(Path pgDir) throws IOException {
		Path pidFile = pgDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		long pid = lines.isEmpty() ? -1 : parsePid(lines.get(0));
		Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
		if (process.isPresent() && process.get().isAlive() && isPostgres(process.get())) {
			log.warn("Stopping a stale embedded PostgreSQL (pid {}) left by an earlier run", pid);
			signal(pid, "INT");
			if (!waitForExit(process.get(), Duration.ofSeconds(60))) {
				signal(pid, "QUIT");
				waitForExit(process.get(), Duration.ofSeconds(10));
			}
		}
		if (Files.exists(pidFile) && (process.isEmpty() || !process.get().isAlive())) {
			log.warn("Removing stale {}", pidFile);
			Files.deleteIfExists(pidFile);
		}
	}

	private static long parsePid(String line) {
		try {
			return Long.parseLong(line.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(cmd -> cmd.contains("postgres")).orElse(true);
	}

	private static void signal(long pid, String signal) {
		try {
			new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean waitForExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (Exception ex) {
			return !process.isAlive();
		}
	}

	@Override
	public void close() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void closeQuietly() {
		try {
			close();
		}
		catch (RuntimeException ex) {
			log.debug("Embedded PostgreSQL did not stop cleanly", ex);
		}
	}

}
