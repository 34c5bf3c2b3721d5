package org.gongzhi.cases.kpi;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import org.gongzhi.cases.CaseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the KPI rollups ({@code cases.kpi_daily}, {@code cases.kpi_daily_street}) current. Triggers on
 * {@code cases.case_record} note the received days of every changed case in {@code cases.kpi_dirty}; every
 * {@code gongzhi.kpi.refresh-delay} (default 30 s) one node recomputes those days, plus the days of open cases whose
 * deadline has passed since the last refresh (they become 应结案). Nodes take turns through a transaction-level
 * advisory lock, so running several is safe. {@link #refreshDirty()} and {@link #refreshAll()} force a refresh (tests,
 * after loading demo data).
 */
@Component
public class KpiRollup {

	private static final Logger log = LoggerFactory.getLogger(KpiRollup.class);

	private static final String LOCK = "hashtext('gongzhi.kpi.rollup')";

	/** Open statuses whose clock runs: such a case becomes due when its deadline passes. */
	static final List<String> RUNNING = List.of(CaseStatus.values()).stream()
		.filter(s -> s.open() && s != CaseStatus.SUSPENDED)
		.map(Enum::name)
		.toList();

	/** The counts of one case, summed per group; {@code c} is {@code cases.case_record}, as of {@code now()}. */
	static final String CASE_COUNTS = """
			count(*),
			count(*) filter (where c.dispatched_at is not null),
			count(*) filter (where c.dispatched_at is not null and c.signed_at is not null
			                   and c.signed_at <= coalesce(c.response_deadline, c.signed_at)),
			count(*) filter (where c.status = 'CLOSED'),
			count(*) filter (where c.status = 'CLOSED' and c.closed_at <= coalesce(c.deadline, c.closed_at)),
			count(*) filter (where c.status = 'CLOSED'
			                   or (c.status <> 'SUSPENDED' and c.deadline <= now())),
			count(*) filter (where c.status = 'CLOSED' and (c.rework_count > 0 or c.reopen_count > 0)),
			count(*) filter (where c.dispatched_at is not null and c.extended),
			count(*) filter (where c.satisfaction is not null),
			count(*) filter (where c.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED'))
			""";

	static final String COLUMNS = "day, street_code, community_code, grid_code, unit_type, unit_code, received, "
			+ "dispatched, responded_in_time, closed, closed_on_time, due, reworked, extended, rated, satisfied";

	static final String DAY = "(c.received_at at time zone 'Asia/Shanghai')::date";

	static final String KEYS = DAY + ", coalesce(c.street_code, ''), coalesce(c.community_code, ''), "
			+ "coalesce(c.grid_code, ''), coalesce(c.unit_type, ''), coalesce(c.unit_code, '')";

	static final String EXCLUDED = "c.status not in ('VOID', 'MERGED')";

	/** The cases received on the days of the array parameter {@code :days}. */
	static final String ON_DAYS = "unnest(cast(:days as date[])) d(day) join cases.case_record c "
			+ "on c.received_at >= (d.day::timestamp at time zone 'Asia/Shanghai') "
			+ "and c.received_at < ((d.day + 1)::timestamp at time zone 'Asia/Shanghai')";

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	public KpiRollup(JdbcClient jdbc, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.tx = tx;
	}

	/**
	 * Recomputes the days whose cases changed since the last refresh and those on which open cases fell due; waits for
	 * a refresh running on another node or thread. Returns the number of days recomputed.
	 */
	public int refreshDirty() {
		Integer days = tx.execute(status -> {
			jdbc.sql("select pg_advisory_xact_lock(" + LOCK + ")").query((rs, n) -> 1).list();
			return recomputeDirty();
		});
		return days == null ? 0 : days;
	}

	/** Rebuilds the rollups from every case (after a bulk load or a change of formula). */
	public void refreshAll() {
		tx.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(" + LOCK + ")").query((rs, n) -> 1).list();
			jdbc.sql("set local work_mem = '256MB'").update();
			jdbc.sql("delete from cases.kpi_dirty").update();
			jdbc.sql("delete from cases.kpi_daily").update();
			jdbc.sql("delete from cases.kpi_daily_street").update();
			jdbc.sql("insert into cases.kpi_daily (" + COLUMNS + ") select " + KEYS + ", " + CASE_COUNTS
					+ " from cases.case_record c where " + EXCLUDED + " group by 1, 2, 3, 4, 5, 6").update();
			jdbc.sql("insert into cases.kpi_daily_street select day, street_code, " + KpiQuery.COUNTS
					+ " from cases.kpi_daily group by day, street_code").update();
			jdbc.sql("insert into cases.kpi_unit (unit_type, unit_code, unit_name) select c.unit_type, c.unit_code, "
					+ "max(c.unit_name) from cases.case_record c where c.unit_type is not null and c.unit_code is not null "
					+ "group by 1, 2 " + UNIT_UPSERT).update();
			jdbc.sql("update cases.kpi_state set due_as_of = now()").update();
		});
	}

	static final String UNIT_UPSERT = "on conflict (unit_type, unit_code) do update set unit_name = excluded.unit_name "
			+ "where cases.kpi_unit.unit_name is distinct from excluded.unit_name";

	@Scheduled(fixedDelayString = "${gongzhi.kpi.refresh-delay:PT30S}",
			initialDelayString = "${gongzhi.kpi.refresh-delay:PT30S}")
	void scheduled() {
		tryRefresh();
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		tryRefresh();
	}

	/** A refresh unless another node or thread is running one. */
	int tryRefresh() {
		try {
			Integer days = tx.execute(status -> {
				Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(" + LOCK + ")").query(Boolean.class)
					.single();
				return Boolean.TRUE.equals(locked) ? recomputeDirty() : 0;
			});
			return days == null ? 0 : days;
		}
		catch (RuntimeException ex) {
			log.warn("KPI rollup refresh failed; it is retried at the next run", ex);
			return 0;
		}
	}

	private int recomputeDirty() {
		TreeSet<LocalDate> days = new TreeSet<>(jdbc.sql("delete from cases.kpi_dirty returning day")
			.query((rs, n) -> rs.getObject(1, LocalDate.class)).list());
		days.addAll(jdbc.sql("select distinct " + DAY + " from cases.case_record c where c.status = any(:running) "
				+ "and c.deadline > (select due_as_of from cases.kpi_state where id = 1) and c.deadline <= now()")
			.param("running", RUNNING.toArray(String[]::new))
			.query((rs, n) -> rs.getObject(1, LocalDate.class)).list());
		if (!days.isEmpty()) {
			recompute(days.stream().map(LocalDate::toString).toArray(String[]::new));
		}
		jdbc.sql("update cases.kpi_state set due_as_of = now()").update();
		if (days.size() > 1) {
			log.debug("KPI rollup: recomputed {} days from {} to {}", days.size(), days.first(), days.last());
		}
		return days.size();
	}

	private void recompute(String[] days) {
		jdbc.sql("delete from cases.kpi_daily where day = any(cast(:days as date[]))").param("days", days).update();
		jdbc.sql("delete from cases.kpi_daily_street where day = any(cast(:days as date[]))").param("days", days).update();
		jdbc.sql("insert into cases.kpi_daily (" + COLUMNS + ") select " + KEYS + ", " + CASE_COUNTS + " from "
				+ ON_DAYS + " where " + EXCLUDED + " group by 1, 2, 3, 4, 5, 6").param("days", days).update();
		jdbc.sql("insert into cases.kpi_daily_street select day, street_code, " + KpiQuery.COUNTS
				+ " from cases.kpi_daily where day = any(cast(:days as date[])) group by day, street_code").param("days", days).update();
		jdbc.sql("insert into cases.kpi_unit (unit_type, unit_code, unit_name) select c.unit_type, c.unit_code, "
				+ "max(c.unit_name) from " + ON_DAYS + " where c.unit_type is not null and c.unit_code is not null "
				+ "group by 1, 2 " + UNIT_UPSERT).param("days", days).update();
	}

}
