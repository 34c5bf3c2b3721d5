package org.gongzhi.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.flywaydb.core.Flyway;
import org.gongzhi.cases.kpi.KpiCriteria;
import org.gongzhi.cases.kpi.KpiDimension;
import org.gongzhi.cases.kpi.KpiQuery;
import org.gongzhi.cases.kpi.KpiRollup;
import org.gongzhi.cases.kpi.KpiRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * KPIs at the scale of a Beijing year: loads synthetic cases (default 25,000,000 over 5 years, 200 streets × 6
 * communities × 8 grids) straight into {@code cases.case_record} of a PostgreSQL database, builds the KPI rollups
 * with {@link KpiRollup#refreshAll()}, then times the report queries through {@link KpiQuery} in a read-only
 * transaction, as the API runs them, against the naive GROUP BY over {@code case_record}. Requirement: 12 months
 * by month and street under 200 ms, one grid's 12 months under 20 ms.
 *
 * <p>Arguments (all optional): {@code cases=25000000 url=jdbc:postgresql://127.0.0.1:5432/gongzhi_kpi_bench
 * user=postgres runs=25 reload=false naive=3}. A database already holding the same number of cases is reused unless
 * {@code reload=true}.
 */
public final class KpiBenchmark {

	static final int STREETS = 200;

	static final int COMMUNITIES = 6;

	static final int GRIDS = 8;

	/** The synthetic five years end at the start of this day (Beijing); the 12-month window is the last 12 months. */
	static final LocalDate END = LocalDate.of(2026, 11, 1);

	private KpiBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long cases = Long.parseLong(arg(args, "cases", "25000000"));
		String url = arg(args, "url", "jdbc:postgresql://127.0.0.1:5432/gongzhi_kpi_bench");
		String user = arg(args, "user", "postgres");
		int runs = Integer.parseInt(arg(args, "runs", "25"));
		int naiveRuns = Integer.parseInt(arg(args, "naive", "3"));
		boolean reload = Boolean.parseBoolean(arg(args, "reload", "false"));

		createDatabase(url, user);
		Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration/cases").schemas("cases")
			.outOfOrder(true).ignoreMigrationPatterns("*:missing")
			.load().migrate();

		SingleConnectionDataSource ds = new SingleConnectionDataSource(url, user, "", true);
		JdbcClient jdbc = JdbcClient.create(ds);
		TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
		KpiRollup rollup = new KpiRollup(jdbc, tx);
		KpiQuery kpis = new KpiQuery(jdbc);
		TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(ds));
		readOnly.setReadOnly(true);
		Api query = criteria -> readOnly.execute(s -> kpis.run(criteria));

		print("PostgreSQL %s, shared_buffers %s, work_mem %s, %d cores", jdbc.sql("show server_version")
			.query(String.class).single(), jdbc.sql("show shared_buffers").query(String.class).single(),
				jdbc.sql("show work_mem").query(String.class).single(), Runtime.getRuntime().availableProcessors());

		long have = jdbc.sql("select count(*) from cases.case_record").query(Long.class).single();
		if (reload || have != cases) {
			load(jdbc, tx, cases);
			long t0 = System.nanoTime();
			rollup.refreshAll();
			print("rollup refreshAll: %.1f s", (System.nanoTime() - t0) / 1e9);
			t0 = System.nanoTime();
			jdbc.sql("vacuum analyze cases.kpi_daily").update();
			jdbc.sql("vacuum analyze cases.kpi_daily_street").update();
			jdbc.sql("vacuum analyze cases.kpi_monthly_street").update();
			jdbc.sql("vacuum analyze cases.kpi_unit").update();
			print("vacuum analyze of the rollups: %.1f s", (System.nanoTime() - t0) / 1e9);
		}
		else {
			print("reusing %,d cases already loaded", have);
		}
		sizes(jdbc);

		LocalDate from = END.minusMonths(12);
		LocalDate to = END.minusDays(1);
		String street = streetCode(137);
		String grid = street + "004" + "006";
		print("12-month window %s .. %s; drill-down grid %s", from, to, grid);

		List<String> report = new ArrayList<>();
		report.add(time("12 months by street and month, all scope (API path)", runs,
				() -> query.run(new KpiCriteria(from, to, KpiDimension.STREET, true, null, null))));
		report.add(time("12 months by street and month, from the 15th to the 14th (API path, partial months)", runs,
				() -> query.run(new KpiCriteria(from.plusDays(14), to.plusDays(14), KpiDimension.STREET, true, null,
						null))));
		report.add(time("12 months by month, all scope (API path)", runs,
				() -> query.run(new KpiCriteria(from, to, KpiDimension.MONTH, false, null, null))));
		report.add(time("one grid, 12 months by month (API path)", runs,
				() -> query.run(new KpiCriteria(from, to, KpiDimension.MONTH, false, grid, null))));
		report.add(time("one street, 12 months by grid and month (API path)", runs,
				() -> query.run(new KpiCriteria(from, to, KpiDimension.GRID, true, street, null))));
		report.add(time("one street, 12 months by unit (API path)", runs,
				() -> query.run(new KpiCriteria(from, to, KpiDimension.UNIT, false, street, null))));
		report.add(time("one department in one street, 12 months by month (API path)", runs,
				() -> query.run(new KpiCriteria(from, to, KpiDimension.MONTH, false, street, "D03"))));
		report.add(time("12 months by community, all scope (API path, fine rollup)", Math.max(5, runs / 5),
				() -> query.run(new KpiCriteria(from, to, KpiDimension.COMMUNITY, false, null, null))));
		report.add(time("5 years by street and month, all scope (API path)", Math.max(5, runs / 5),
				() -> query.run(new KpiCriteria(END.minusYears(5), to, KpiDimension.STREET, true, null, null))));

		String naiveStreets = "select c.street_code, to_char((c.received_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM'), "
				+ NAIVE_COUNTS + " from cases.case_record c where c.status not in ('VOID', 'MERGED') "
				+ "and c.received_at >= (cast(:from as date)::timestamp at time zone 'Asia/Shanghai') "
				+ "and c.received_at < ((cast(:to as date) + 1)::timestamp at time zone 'Asia/Shanghai') group by 1, 2";
		report.add(time("naive GROUP BY over case_record: 12 months by street and month", naiveRuns,
				() -> jdbc.sql(naiveStreets).param("from", from.toString()).param("to", to.toString())
					.query((rs, n) -> 1).list()));
		String naiveGrid = "select to_char((c.received_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM'), "
				+ NAIVE_COUNTS + " from cases.case_record c where c.status not in ('VOID', 'MERGED') "
				+ "and c.grid_code = :grid "
				+ "and c.received_at >= (cast(:from as date)::timestamp at time zone 'Asia/Shanghai') "
				+ "and c.received_at < ((cast(:to as date) + 1)::timestamp at time zone 'Asia/Shanghai') group by 1";
		report.add(time("naive GROUP BY over case_record: one grid, 12 months", Math.max(naiveRuns, 10),
				() -> jdbc.sql(naiveGrid).param("grid", grid).param("from", from.toString())
					.param("to", to.toString()).query((rs, n) -> 1).list()));

		for (int changes : new int[] { 100, 1000, 10000 }) {
			report.add(refresh(jdbc, rollup, changes, 14, 5));
		}
		report.add(refresh(jdbc, rollup, 1000, 365, 5));

		List<KpiRow> check = query.run(new KpiCriteria(from, to, KpiDimension.STREET, true, null, null));
		print("check: %d street-month groups, %,d cases received in the window", check.size(),
				check.stream().mapToLong(r -> r.counts().received()).sum());
		print("");
		print("| query | median | p90 | min | runs |");
		print("| --- | --- | --- | --- | --- |");
		report.forEach(KpiBenchmark::print);
		ds.destroy();
	}

	/** The report as the API runs it: {@link KpiQuery#run} in a read-only transaction. */
	interface Api {

		List<KpiRow> run(KpiCriteria criteria);

	}

	static final String NAIVE_COUNTS = """
			count(*), count(*) filter (where c.dispatched_at is not null),
			count(*) filter (where c.dispatched_at is not null and c.signed_at is not null
			                   and c.signed_at <= coalesce(c.response_deadline, c.signed_at)),
			count(*) filter (where c.status = 'CLOSED'),
			count(*) filter (where c.status = 'CLOSED' and c.closed_at <= coalesce(c.deadline, c.closed_at)),
			count(*) filter (where c.status = 'CLOSED' or (c.status <> 'SUSPENDED' and c.deadline <= now())),
			count(*) filter (where c.status = 'CLOSED' and (c.rework_count > 0 or c.reopen_count > 0)),
			count(*) filter (where c.dispatched_at is not null and c.extended),
			count(*) filter (where c.satisfaction is not null),
			count(*) filter (where c.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED'))""";

	/** The case_record indexes of V1, dropped for the bulk load and built again afterwards. */
	static final String[][] INDEXES = {
			{ "case_status_ix", "(status, deadline)" }, { "case_grid_ix", "(grid_code, received_at desc)" },
			{ "case_community_ix", "(community_code, received_at desc)" },
			{ "case_received_ix", "(received_at desc)" }, { "case_unit_ix", "(unit_type, unit_code, status)" },
			{ "case_reporter_ix", "(reporter_user_id, received_at desc)" },
			{ "case_category_ix", "(category_code, received_at desc)" } };

	static void load(JdbcClient jdbc, TransactionTemplate tx, long cases) {
		long started = System.nanoTime();
		jdbc.sql("truncate cases.case_record, cases.case_event, cases.case_follower, cases.whistle, cases.kpi_daily, "
				+ "cases.kpi_daily_street, cases.kpi_monthly_street, cases.kpi_unit, cases.kpi_dirty").update();
		for (String[] ix : INDEXES) {
			jdbc.sql("drop index if exists cases." + ix[0]).update();
		}
		List<String> categories = jdbc.sql("select code from cases.category where parent_code is not null order by code")
			.query(String.class).list();
		String cats = "array[" + String.join(",", categories.stream().map(c -> "'" + c + "'").toList()) + "]";
		OffsetDateTime start = END.minusYears(5).atStartOfDay().atOffset(ZoneOffset.ofHours(8));
		OffsetDateTime end = END.atStartOfDay().atOffset(ZoneOffset.ofHours(8));
		double stepSeconds = (end.toEpochSecond() - start.toEpochSecond()) / (double) cases;
		long chunk = 500_000;
		for (long a = 1; a <= cases; a += chunk) {
			long b = Math.min(cases, a + chunk - 1);
			long t0 = System.nanoTime();
			final long lo = a;
			tx.executeWithoutResult(s -> {
				jdbc.sql("set local session_replication_role = replica").update();
				jdbc.sql("set local synchronous_commit = off").update();
				jdbc.sql(GENERATE.replace(":cats", cats).replace(":n_cats", String.valueOf(categories.size())))
					.param("start", start)
					.param("step", stepSeconds)
					.param("a", lo)
					.param("b", b)
					.update();
			});
			print("loaded %,d / %,d cases (%.1f s for this chunk, %.0f s so far)", b, cases,
					(System.nanoTime() - t0) / 1e9, (System.nanoTime() - started) / 1e9);
		}
		long t0 = System.nanoTime();
		jdbc.sql("set maintenance_work_mem = '1GB'").update();
		for (String[] ix : INDEXES) {
			jdbc.sql("create index " + ix[0] + " on cases.case_record " + ix[1]).update();
		}
		jdbc.sql("reset maintenance_work_mem").update();
		print("case_record indexes built in %.1f s", (System.nanoTime() - t0) / 1e9);
		t0 = System.nanoTime();
		jdbc.sql("vacuum analyze cases.case_record").update();
		print("vacuum analyze case_record: %.1f s", (System.nanoTime() - t0) / 1e9);
		print("load total: %.1f s", (System.nanoTime() - started) / 1e9);
	}

	/**
	 * One chunk of synthetic cases, received evenly over five years, spread uniformly over 9,600 grids in 200
	 * streets (20 districts); 60 % handled by the grid, 20 % the community, 10 % the street, 10 % one of 10
	 * departments. About 2 % void, 1 % merged, 1 % suspended, 2 % open past the deadline; of the last 14 days half is
	 * still open. 80 % signed within the 4-hour response limit; closed 1–10 days after receipt against a 7-day
	 * deadline; 5 % extended, 4 % reworked, 2 % reopened; 80 % of closed cases rated (85 % 满意, 10 % 基本满意).
	 */
	static final String GENERATE = """
			insert into cases.case_record (case_no, request_kind, category_code, description, grid_code, community_code,
			    street_code, channel, status, unit_type, unit_code, unit_name, received_at, registered_at, dispatched_at,
			    response_deadline, signed_at, closed_at, deadline, extended, rework_count, reopen_count, satisfaction,
			    rated_at)
			select 'B' || i, 'COMPLAINT', (:cats)[1 + floor(rc * :n_cats)::int], 'synthetic', grid, community, street,
			       'HOTLINE', status, unit_type, unit_code, 'unit ' || unit_code, rec, rec, rec + interval '10 minutes',
			       rec + interval '250 minutes', rec + interval '10 minutes' + rs * interval '5 hours',
			       case when status = 'CLOSED' then rec + interval '1 day' + rl * interval '9 days' end,
			       rec + interval '7 days', rx < 0.05, case when rx >= 0.05 and rx < 0.09 then 1 else 0 end,
			       case when rx >= 0.09 and rx < 0.11 then 1 else 0 end,
			       case when status <> 'CLOSED' then null when rq < 0.68 then 'SATISFIED'
			            when rq < 0.76 then 'BASICALLY_SATISFIED' when rq < 0.80 then 'UNSATISFIED' end,
			       case when status = 'CLOSED' and rq < 0.80 then rec + interval '11 days' end
			from (
			    select i, rec, rc, rs, rl, rx, rq, street, community, community || lpad((1 + floor(rg * 8))::text, 3, '0') grid,
			           case when ru < 0.6 then 'GRID' when ru < 0.8 then 'COMMUNITY' when ru < 0.9 then 'STREET'
			                else 'DEPARTMENT' end unit_type,
			           case when ru < 0.6 then community || lpad((1 + floor(rg * 8))::text, 3, '0')
			                when ru < 0.8 then community when ru < 0.9 then street
			                else 'D' || lpad((1 + floor(ru * 100)::int % 10)::text, 2, '0') end unit_code,
			           case when rt < 0.02 then 'VOID' when rt < 0.03 then 'MERGED'
			                when rec > cast(:start as timestamptz) + interval '5 years' - interval '14 days' and rt < 0.5
			                     then (array['DISPATCHED','SIGNED','HANDLED','FED_BACK'])[1 + floor(rs * 4)::int]
			                when rt < 0.04 then 'SUSPENDED' when rt < 0.06 then 'SIGNED' else 'CLOSED' end status
			    from (
			        select i, cast(:start as timestamptz) + (i - 1) * :step * interval '1 second' rec,
			               random() rc, random() rs, random() rl, random() rx, random() rq, random() rg, random() ru,
			               random() rt, st street, st || lpad((1 + floor(random() * 6))::text, 3, '0') community
			        from (
			            select i, '110' || lpad((101 + s / 10)::text, 3, '0') || lpad((1 + s % 10)::text, 3, '0') st
			            from (select i, floor(random() * 200)::int s from generate_series(cast(:a as bigint), cast(:b as bigint)) i) x
			        ) y
			    ) z
			) w
			""";

	static String streetCode(int s) {
		return "110" + String.format(Locale.ROOT, "%03d", 101 + s / 10) + String.format(Locale.ROOT, "%03d", 1 + s % 10);
	}

	static void sizes(JdbcClient jdbc) {
		for (String table : new String[] { "case_record", "kpi_daily", "kpi_daily_street", "kpi_monthly_street", "kpi_unit" }) {
			jdbc.sql("select (select count(*) from cases." + table + "), pg_size_pretty(pg_table_size('cases." + table
					+ "')), pg_size_pretty(pg_indexes_size('cases." + table + "'))")
				.query((rs, n) -> {
					print("%s: %,d rows, table %s, indexes %s", table, rs.getLong(1), rs.getString(2), rs.getString(3));
					return 1;
				}).list();
		}
	}

	/**
	 * Times {@link KpiRollup#refreshDirty()} after {@code changes} cases received in the last {@code days} days were
	 * updated (through the triggers, as the case loop updates them); the update itself is not timed.
	 */
	static String refresh(JdbcClient jdbc, KpiRollup rollup, int changes, int days, int runs) {
		rollup.refreshDirty();
		List<Double> ms = new ArrayList<>();
		List<Integer> cells = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			jdbc.sql("update cases.case_record set version = version + 1 where id in (select id from cases.case_record "
					+ "where received_at >= cast(:since as timestamptz) order by random() limit :n)")
				.param("since", END.minusDays(days).atStartOfDay().atOffset(ZoneOffset.ofHours(8)))
				.param("n", changes)
				.update();
			long t0 = System.nanoTime();
			cells.add(rollup.refreshDirty());
			ms.add((System.nanoTime() - t0) / 1e6);
		}
		Collections.sort(ms);
		String line = String.format(Locale.ROOT,
				"| refreshDirty after %,d changed cases received in the last %d days (%d–%d cells) | %.1f ms | %.1f ms "
						+ "| %.1f ms | %d |",
				changes, days, Collections.min(cells), Collections.max(cells), ms.get(ms.size() / 2),
				ms.get(ms.size() - 1), ms.get(0), runs);
		print(line);
		return line;
	}

	static String time(String name, int runs, Supplier<?> work) {
		for (int i = 0; i < Math.min(5, runs); i++) {
			work.get();
		}
		List<Double> ms = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			long t0 = System.nanoTime();
			work.get();
			ms.add((System.nanoTime() - t0) / 1e6);
		}
		Collections.sort(ms);
		String line = String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %d |", name, ms.get(ms.size() / 2),
				ms.get(Math.min(ms.size() - 1, (int) Math.ceil(ms.size() * 0.9) - 1)), ms.get(0), runs);
		print(line);
		return line;
	}

	static void createDatabase(String url, String user) throws SQLException {
		String name = url.substring(url.lastIndexOf('/') + 1);
		String server = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
		try (Connection c = DriverManager.getConnection(server, user, ""); Statement st = c.createStatement()) {
			var rs = st.executeQuery("select 1 from pg_database where datname = '" + name.replace("'", "") + "'");
			if (!rs.next()) {
				st.execute("create database " + name);
				print("created database %s", name);
			}
		}
	}

	static String arg(String[] args, String name, String fallback) {
		for (String a : args) {
			if (a.startsWith(name + "=")) {
				return a.substring(name.length() + 1);
			}
		}
		return System.getProperty("bench." + name, fallback);
	}

	static void print(String format, Object... args) {
		System.out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
		System.out.flush();
	}

}
