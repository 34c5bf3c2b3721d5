package org.gongzhi.shared.db;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-command run's embedded database: a JVM killed with {@code kill -9} leaves its postmaster running; the next
 * start must stop that stale postmaster, start cleanly and still have every committed row, with fsync and synchronous
 * commit on.
 */
class EmbeddedDatabaseDurabilityTests {

	@TempDir
	Path dataDir;

	@Test
	void survivesAKilledJvmAndKeepsCommittedRows() throws Exception {
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), Child.class.getName(), dataDir.toString())
			.redirectErrorStream(true).start();
		BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
		String line;
		boolean ready = false;
		while ((line = out.readLine()) != null) {
			if (line.equals("READY")) {
				ready = true;
				break;
			}
		}
		assertThat(ready).as("child JVM started the embedded database and committed a row").isTrue();
		new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start().waitFor(10, TimeUnit.SECONDS);
		child.waitFor(30, TimeUnit.SECONDS);
		Path pidFile = dataDir.resolve("pg").resolve("postmaster.pid");
		assertThat(pidFile).as("the killed JVM left its postmaster behind").exists();
		long stalePid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());

		try (EmbeddedDatabase db = EmbeddedDatabase.durable(dataDir)) {
			assertThat(ProcessHandle.of(stalePid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
					Statement st = c.createStatement()) {
				assertThat(values(st, "select note from survivor")).containsExactly("committed before kill -9");
				assertThat(values(st, "show fsync")).containsExactly("on");
				assertThat(values(st, "show synchronous_commit")).containsExactly("on");
			}
		}
		assertThat(pidFile).as("a normal stop removes the pid file").doesNotExist();
	}

	private static List<String> values(Statement st, String sql) throws Exception {
		try (ResultSet rs = st.executeQuery(sql)) {
			java.util.ArrayList<String> values = new java.util.ArrayList<>();
			while (rs.next()) {
				values.add(rs.getString(1));
			}
			return values;
		}
	}

	/** Runs in a child JVM: starts the durable database, commits a row, says READY and waits to be killed. */
	static final class Child {

		public static void main(String[] args) throws Exception {
			EmbeddedDatabase db = EmbeddedDatabase.durable(Path.of(args[0]));
			try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
					Statement st = c.createStatement()) {
				st.execute("create table survivor (note text)");
				st.execute("insert into survivor values ('committed before kill -9')");
			}
			System.out.println("READY");
			System.out.flush();
			Thread.sleep(600_000);
		}

	}

}
