package org.gongzhi.people.domain;

import java.sql.Timestamp;
import java.util.Optional;

import org.gongzhi.people.ImportJob;
import org.gongzhi.people.ImportReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import jobs in the database, so that whichever node a page's poll reaches can answer it. Progress is written in its
 * own short transactions beside the import's one long transaction.
 */
@Repository
class ImportJobStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A job unfinished and untouched for this long died with its node. */
	private static final String STALE = "10 minutes";

	private final JdbcClient jdbc;

	ImportJobStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A job row with its owner. */
	record Row(ImportJob job, Long userId) {
	}

	void create(String id, Long userId, String username) {
		jdbc.sql("insert into people.import_job (id, user_id, username, state) values (:id, :u, :n, 'READING')")
			.param("id", id).param("u", userId).param("n", username).update();
	}

	void progress(String id, ImportJob.State state, int total, int processed) {
		jdbc.sql("update people.import_job set state = :s, total_rows = :t, processed_rows = :p, updated_at = now() "
				+ "where id = :id").param("s", state.name()).param("t", total).param("p", processed).param("id", id)
			.update();
	}

	void finish(String id, ImportJob.State state, ImportReport report) {
		jdbc.sql("update people.import_job set state = :s, report = :r, finished_at = now(), updated_at = now(), "
				+ "processed_rows = case when :s = 'DONE' then total_rows else processed_rows end where id = :id")
			.param("s", state.name()).param("r", report == null ? null : JSON.writeValueAsString(report))
			.param("id", id).update();
	}

	Optional<Row> find(String id) {
		return jdbc.sql("""
				select id, state, total_rows, processed_rows, report, started_at, finished_at, user_id,
				  updated_at < now() - cast(:stale as interval) as stale
				from people.import_job where id = :id""")
			.param("id", id).param("stale", STALE)
			.query((rs, n) -> {
				ImportJob.State state = ImportJob.State.valueOf(rs.getString(2));
				if (!state.finished() && rs.getBoolean(9)) {
					state = ImportJob.State.FAILED;
				}
				int total = rs.getInt(3);
				int processed = rs.getInt(4);
				String report = rs.getString(5);
				Timestamp finished = rs.getTimestamp(7);
				return new Row(new ImportJob(rs.getString(1), state, total, processed, percent(state, total, processed),
						report == null ? null : JSON.readValue(report, ImportReport.class),
						rs.getTimestamp(6).toInstant(), finished == null ? null : finished.toInstant()),
						(Long) rs.getObject(8));
			})
			.optional();
	}

	static int percent(ImportJob.State state, int total, int processed) {
		double part = total == 0 ? 0 : Math.min(1.0, (double) processed / total);
		return switch (state) {
			case READING -> 0;
			case VALIDATING -> 5 + (int) (45 * part);
			case IMPORTING -> 50 + (int) (49 * part);
			case DONE, REJECTED, FAILED -> 100;
		};
	}

}
