package org.gongzhi.cases.kpi;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Keeps the KPI rollups ({@code cases.kpi_daily}, {@code cases.kpi_daily_street}, {@code cases.kpi_monthly_street})
 * current. Triggers on {@code cases.case_record} note the received day and grid of every changed case in
 * {@code cases.kpi_dirty}; every {@code gongzhi.kpi.refresh-delay} (default 30 s) one node recomputes those
 * (day, grid) cells, plus those of open cases whose deadline has passed since the last refresh (they become 应结案),
 * then the (day, street) and (month, street) sums they belong to. Nodes take turns through a transaction-level
 * advisory lock, so running several is safe. {@link #refreshDirty()} and {@link #refreshAll()} force a refresh (tests,
 * after loading demo data).
 */
@Component
public class KpiRollup {

	private static final Logger log = LoggerFactory.getLogger(KpiRollup.class);

	private static final String LOCK = "hashtext('gongzhi.kpi.rollup')";

	/** The most dirty (day, grid) cells one transaction recomputes, so that a backlog never makes a long transaction. */
	static final int BATCH = 2000;

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

	/**
	 * The cases of the (day, grid) cells in the array parameters {@code :days} and {@code :grids}, found through the
	 * grid index (grid code, received_at).
	 */
	static final String GRID_CELLS = "unnest(cast(:days as date[]), cast(:grids as text[])) p(day, grid) "
			+ "join cases.case_record c on c.grid_code = p.grid "
			+ "and c.received_at >= (p.day::timestamp at time zone 'Asia/Shanghai') "
			+ "and c.received_at < ((p.day + 1)::timestamp at time zone 'Asia/Shanghai')";

	/**
	 * The cases not located to a grid received on the days of {@code :days}; a separate statement, because one join
	 * for both kinds of cell (an OR) keeps the planner from using received_at in the index condition.
	 */
	static final String UNLOCATED_CELLS = "unnest(cast(:days as date[])) p(day) "
			+ "join cases.case_record c on c.grid_code is null "
			+ "and c.received_at >= (p.day::timestamp at time zone 'Asia/Shanghai') "
			+ "and c.received_at < ((p.day + 1)::timestamp at time zone 'Asia/Shanghai')";

	static final String UNIT_UPSERT = "on conflict (unit_type, unit_code) do update set unit_name = excluded.unit_name "
			+ "where cases.kpi_unit.unit_name is distinct from excluded.unit_name";

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	public KpiRollup(JdbcClient jdbc, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.tx = tx;
	}

	/**
	 * Recomputes the cells whose cases changed since the last refresh and those in which open cases fell due; waits
	 * for a refresh running on another node or thread. Returns the number of (day, grid) cells recomputed.
	 */
	public int refreshDirty() {
		int total = 0;
		Batch batch;
		do {
			batch = tx.execute(status -> {
				jdbc.sql("select pg_advisory_xact_lock(" + LOCK + ")").query((rs, n) -> 1).list();
				return recomputeDirty();
			});
			total += batch == null ? 0 : batch.cells();
		}
		while (batch != null && batch.more());
		return total;
	}

	/** Rebuilds the rollups from every case (after a bulk load or a change of formula). */
	public void refreshAll() {
		tx.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(" + LOCK + ")").query((rs, n) -> 1).list();
			jdbc.sql("set local work_mem = '256MB'").update();
			jdbc.sql("delete from cases.kpi_dirty").update();
			jdbc.sql("delete from cases.kpi_daily").update();
			jdbc.sql("delete from cases.kpi_daily_street").update();
			jdbc.sql("delete from cases.kpi_monthly_street").update();
			jdbc.sql("insert into cases.kpi_daily (" + COLUMNS + ") select " + KEYS + ", " + CASE_COUNTS
					+ " from cases.case_record c where " + EXCLUDED + " group by 1, 2, 3, 4, 5, 6").update();
			jdbc.sql("insert into cases.kpi_daily_street select day, street_code, " + KpiQuery.COUNTS
					+ " from cases.kpi_daily group by day, street_code").update();
			jdbc.sql("insert into cases.kpi_monthly_street select date_trunc('month', day)::date, street_code, "
					+ KpiQuery.COUNTS + " from cases.kpi_daily_street group by 1, 2").update();
			jdbc.sql("insert into cases.kpi_unit (unit_type, unit_code, unit_name) select c.unit_type, c.unit_code, "
					+ "max(c.unit_name) from cases.case_record c where c.unit_type is not null and c.unit_code is not null "
					+ "group by 1, 2 " + UNIT_UPSERT).update();
			jdbc.sql("update cases.kpi_state set due_as_of = now()").update();
		});
	}

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
			Batch batch = tx.execute(status -> {
				Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(" + LOCK + ")").query(Boolean.class)
					.single();
				return Boolean.TRUE.equals(locked) ? recomputeDirty() : new Batch(0, false);
			});
			return batch == null ? 0 : batch.cells();
		}
		catch (RuntimeException ex) {
			log.warn("KPI rollup refresh failed; it is retried at the next run", ex);
			return 0;
		}
	}

	/** Cells recomputed by one transaction, and whether more dirty cells are waiting. */
	record Batch(int cells, boolean more) {
	}

	/** A (received day, grid code) cell; the empty code for cases not located to a grid. */
	record Cell(LocalDate day, String grid) {
	}

	/**
	 * One transaction's work: at most {@link #BATCH} dirty cells (the latest first), plus the cells of open cases
	 * whose deadline passed since the watermark. Before the first refresh the watermark is {@code -infinity}: V3
	 * marked every existing cell dirty, so there is nothing to scan for.
	 */
	private Batch recomputeDirty() {
		List<Cell> dirty = jdbc.sql("select distinct day, grid_code from cases.kpi_dirty order by day desc, grid_code "
				+ "limit :limit")
			.param("limit", BATCH + 1)
			.query((rs, n) -> new Cell(rs.getObject(1, LocalDate.class), rs.getString(2)))
			.list();
		boolean more = dirty.size() > BATCH;
		Set<Cell> cells = new LinkedHashSet<>(more ? dirty.subList(0, BATCH) : dirty);
		if (!cells.isEmpty()) {
			jdbc.sql("delete from cases.kpi_dirty d using unnest(cast(:days as date[]), cast(:grids as text[])) "
					+ "p(day, grid) where d.day = p.day and d.grid_code = p.grid")
				.param("days", days(cells))
				.param("grids", grids(cells))
				.update();
		}
		cells.addAll(jdbc.sql("select distinct " + DAY + ", coalesce(c.grid_code, '') from cases.case_record c "
				+ "where c.status = any(:running) and c.deadline > (select due_as_of from cases.kpi_state where id = 1) "
				+ "and c.deadline <= now() and (select due_as_of from cases.kpi_state where id = 1) > '-infinity'")
			.param("running", RUNNING.toArray(String[]::new))
			.query((rs, n) -> new Cell(rs.getObject(1, LocalDate.class), rs.getString(2)))
			.list());
		if (!cells.isEmpty()) {
			recompute(cells);
		}
		jdbc.sql("update cases.kpi_state set due_as_of = now()").update();
		return new Batch(cells.size(), more);
	}

	/**
	 * Recomputes the fine rows of the cells, then the (day, street) and (month, street) sums of every street whose
	 * rows changed, before or after.
	 */
	private void recompute(Set<Cell> cells) {
		jdbc.sql("set local jit = off").update();
		String[] days = days(cells);
		String[] grids = grids(cells);
		Set<List<String>> streetDays = new LinkedHashSet<>();
		jdbc.sql("delete from cases.kpi_daily k using unnest(cast(:days as date[]), cast(:grids as text[])) p(day, grid) "
				+ "where k.day = p.day and k.grid_code = p.grid returning k.day, k.street_code")
			.param("days", days)
			.param("grids", grids)
			.query((rs, n) -> streetDays.add(List.of(rs.getString(1), rs.getString(2))))
			.list();
		List<Cell> located = cells.stream().filter(c -> !c.grid().isEmpty()).toList();
		List<Cell> unlocated = cells.stream().filter(c -> c.grid().isEmpty()).toList();
		if (!located.isEmpty()) {
			insertCells(GRID_CELLS, Map.of("days", days(located), "grids", grids(located)), streetDays);
		}
		if (!unlocated.isEmpty()) {
			insertCells(UNLOCATED_CELLS, Map.of("days", days(unlocated)), streetDays);
		}
		if (streetDays.isEmpty()) {
			return;
		}
		String[] sDays = streetDays.stream().map(k -> k.get(0)).toArray(String[]::new);
		String[] sStreets = streetDays.stream().map(k -> k.get(1)).toArray(String[]::new);
		String pairs = "unnest(cast(:days as date[]), cast(:streets as text[])) q(day, street)";
		jdbc.sql("delete from cases.kpi_daily_street s using " + pairs
				+ " where s.day = q.day and s.street_code = q.street")
			.param("days", sDays)
			.param("streets", sStreets)
			.update();
		jdbc.sql("insert into cases.kpi_daily_street select q.day, q.street, " + KpiQuery.COUNTS + " from " + pairs
				+ " join cases.kpi_daily k on k.street_code = q.street and k.day = q.day group by 1, 2")
			.param("days", sDays)
			.param("streets", sStreets)
			.update();
		Set<List<String>> streetMonths = new LinkedHashSet<>();
		streetDays.forEach(k -> streetMonths.add(List.of(k.get(0).substring(0, 8) + "01", k.get(1))));
		String[] mMonths = streetMonths.stream().map(k -> k.get(0)).toArray(String[]::new);
		String[] mStreets = streetMonths.stream().map(k -> k.get(1)).toArray(String[]::new);
		String monthPairs = "unnest(cast(:months as date[]), cast(:streets as text[])) q(month, street)";
		jdbc.sql("delete from cases.kpi_monthly_street m using " + monthPairs
				+ " where m.month = q.month and m.street_code = q.street")
			.param("months", mMonths)
			.param("streets", mStreets)
			.update();
		jdbc.sql("insert into cases.kpi_monthly_street select q.month, q.street, " + KpiQuery.COUNTS + " from "
				+ monthPairs + " join cases.kpi_daily_street s on s.street_code = q.street and s.day >= q.month "
				+ "and s.day < (q.month + interval '1 month')::date group by 1, 2")
			.param("months", mMonths)
			.param("streets", mStreets)
			.update();
	}

	/** Inserts the fine rows and unit names of the cases from {@code source}; notes the (day, street) rows it wrote. */
	private void insertCells(String source, Map<String, Object> params, Set<List<String>> streetDays) {
		jdbc.sql("insert into cases.kpi_daily (" + COLUMNS + ") select " + KEYS + ", " + CASE_COUNTS + " from " + source
				+ " where " + EXCLUDED + " group by 1, 2, 3, 4, 5, 6 returning day, street_code")
			.params(params)
			.query((rs, n) -> streetDays.add(List.of(rs.getString(1), rs.getString(2))))
			.list();
		jdbc.sql("insert into cases.kpi_unit (unit_type, unit_code, unit_name) select c.unit_type, c.unit_code, "
				+ "max(c.unit_name) from " + source + " where c.unit_type is not null and c.unit_code is not null "
				+ "group by 1, 2 " + UNIT_UPSERT)
			.params(params)
			.update();
	}

	private static String[] days(Collection<Cell> cells) {
		return cells.stream().map(c -> c.day().toString()).toArray(String[]::new);
	}

	private static String[] grids(Collection<Cell> cells) {
		return cells.stream().map(Cell::grid).toArray(String[]::new);
	}

}
