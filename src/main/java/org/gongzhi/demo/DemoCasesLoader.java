package org.gongzhi.demo;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.area.StaffDuty;
import org.gongzhi.area.StaffMember;
import org.gongzhi.cases.CaseApi;
import org.gongzhi.cases.kpi.KpiRollup;
import org.gongzhi.demo.DemoCasesPlan.Actor;
import org.gongzhi.demo.DemoCasesPlan.SimCase;
import org.gongzhi.demo.DemoCasesPlan.Spot;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.identity.UserSummary;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads a year of historical cases (演示历史案件, about {@value #COUNT}) for the demo street once, after the street
 * itself, so that the case lists, KPIs and charts are meaningful on first start. On with demo data unless
 * {@code gongzhi.demo.cases} is false. Skips when the street already has cases older than a week (loaded before, or
 * real history); several nodes starting together load it once (a transaction-level advisory lock).
 * <p>
 * Unlike the rest of this module, it writes another module's tables directly: the rows of {@code cases.case_record},
 * {@code case_event}, {@code case_follower} and {@code whistle} that {@link DemoCasesPlan} simulated, with one bulk
 * statement per table, then asks {@link KpiRollup} to rebuild the rollups. Going through the case desk would take
 * some twenty thousand transactions with audit entries and notifications for steps that happened months ago, and
 * could not date them in the past. The rows follow the case desk's rules (statuses, timeline notes, versions, case
 * numbers drawn from the live sequence); DemoCasesTests checks that they do.
 */
@Component
@Order(11)
@ConditionalOnProperty(name = { "gongzhi.demo", "gongzhi.demo.cases" }, havingValue = "true", matchIfMissing = true)
class DemoCasesLoader implements ApplicationRunner {

	static final int COUNT = 2000;

	/** The seed the demo street was generated with (see {@link DemoDataLoader}), to find its polygons again. */
	private static final long STREET_SEED = 2026;

	private static final int STREET_SPOTS = 1500;

	private static final Logger log = LoggerFactory.getLogger(DemoCasesLoader.class);

	private final Areas areas;

	private final CaseApi cases;

	private final UserDirectory users;

	private final JdbcTemplate jdbc;

	private final DemoOnce once;

	private final ObjectProvider<KpiRollup> rollup;

	private final ZoneId zone;

	private final String workingHours;

	DemoCasesLoader(Areas areas, CaseApi cases, UserDirectory users, JdbcTemplate jdbc, DemoOnce once,
			ObjectProvider<KpiRollup> rollup, @Value("${gongzhi.cases.zone:Asia/Shanghai}") String zone,
			@Value("${gongzhi.cases.working-hours:09:00-12:00,13:00-18:00}") String workingHours) {
		this.areas = areas;
		this.cases = cases;
		this.users = users;
		this.jdbc = jdbc;
		this.once = once;
		this.rollup = rollup;
		this.zone = ZoneId.of(zone);
		this.workingHours = workingHours;
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		long[] lap = new long[3];
		int[] counted = new int[1];
		once.run("gongzhi.demo.cases", () -> areas.find(DemoStreetPlan.STREET_CODE).isEmpty() || historyExists(),
				status -> {
					DemoCasesPlan.Setting setting = setting(Instant.now());
					lap[0] = System.nanoTime();
					List<SimCase> list = DemoCasesPlan.generate(setting);
					lap[1] = System.nanoTime();
					insert(list);
					lap[2] = System.nanoTime();
					counted[0] = list.size();
				});
		int loaded = counted[0];
		if (loaded > 0) {
			rollup.ifAvailable(KpiRollup::refreshAll);
			long done = System.nanoTime();
			log.info("Demo cases loaded: {} historical cases in {} ms (street and accounts {} ms, simulation {} ms, "
					+ "insert {} ms, KPI rollups {} ms)", loaded, ms(done - started), ms(lap[0] - started),
					ms(lap[1] - lap[0]), ms(lap[2] - lap[1]), ms(done - lap[2]));
		}
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

	boolean historyExists() {
		return Boolean.TRUE.equals(jdbc.queryForObject("""
				select exists (select 1 from cases.case_record
				                where street_code = ? and received_at < now() - interval '7 days')
				""", Boolean.class, DemoStreetPlan.STREET_CODE));
	}

	// what the simulation needs

	DemoCasesPlan.Setting setting(Instant now) {
		DemoStreetPlan plan = DemoStreetPlan.generate(STREET_SEED);
		Map<String, Polygon> gridPolygons = new HashMap<>();
		Polygon street = null;
		for (DemoStreetPlan.Boundary b : plan.boundaries()) {
			if (b.code().equals(DemoStreetPlan.STREET_CODE)) {
				street = b.polygon();
			}
			else if (b.code().length() == DemoStreetPlan.Level.GRID.codeLength()) {
				gridPolygons.put(b.code(), b.polygon());
			}
		}
		Map<String, Spot> gridSpots = new HashMap<>();
		for (String code : gridPolygons.keySet()) {
			Optional<AreaView> grid = areas.find(code);
			Optional<AreaView> community = grid.flatMap(g -> areas.find(g.parentCode()));
			if (grid.isPresent() && community.isPresent()) {
				gridSpots.put(code, new Spot(0, 0, code, grid.get().name(), community.get().code(),
						community.get().name(), null, false));
			}
		}
		Map<String, String> buildingNames = new HashMap<>();
		plan.areas().stream().filter(a -> a.level() == DemoStreetPlan.Level.BUILDING)
			.forEach(a -> buildingNames.put(a.code(), a.name()));
		List<Spot> buildings = new ArrayList<>();
		for (DemoStreetPlan.Point p : plan.buildingPoints()) {
			Spot grid = gridSpots.get(p.code().substring(0, DemoStreetPlan.Level.GRID.codeLength()));
			if (grid != null && buildingNames.containsKey(p.code())) {
				buildings.add(new Spot(p.lng(), p.lat(), grid.gridCode(), grid.gridName(), grid.communityCode(),
						grid.communityName(), grid.communityName() + buildingNames.get(p.code()), true));
			}
		}
		List<Spot> streetSpots = streetSpots(street, gridPolygons, gridSpots);

		Map<String, Actor> gridWorkers = new HashMap<>();
		for (String code : gridSpots.keySet()) {
			for (StaffMember s : areas.staff(code)) {
				if (s.duty() == StaffDuty.GRID_WORKER_FULL && s.userId() != null) {
					users.findById(s.userId()).filter(UserSummary::enabled)
						.ifPresent(u -> gridWorkers.putIfAbsent(code, actor(u)));
				}
			}
		}
		Map<LocalDate, Boolean> days = new HashMap<>();
		jdbc.query("select day, working from cases.calendar_day",
				rs -> {
					days.put(rs.getObject(1, LocalDate.class), rs.getBoolean(2));
				});
		String staffCommunity = plan.areas().stream().filter(a -> a.level() == DemoStreetPlan.Level.COMMUNITY)
			.findFirst().map(DemoStreetPlan.Area::code).orElse("");
		List<Actor> residents = new ArrayList<>();
		for (String username : List.of("resident", "member", "volunteer")) {
			account(username).ifPresent(residents::add);
		}
		return new DemoCasesPlan.Setting(now, zone, workingHours, days, cases.categories(), buildings, streetSpots,
				gridWorkers, users.departmentNames(), DemoStreetPlan.STREET_CODE, DemoStreetPlan.STREET_NAME,
				staffCommunity, account("community").orElse(null), account("street").orElseThrow(),
				account("leader").orElse(account("street").orElseThrow()), account("clerk").orElseThrow(), residents,
				account("dept").orElse(null), "demo", COUNT, STREET_SEED);
	}

	/** Random points on the street's roads and open spaces, each with the grid it lies in. */
	private static List<Spot> streetSpots(Polygon street, Map<String, Polygon> grids, Map<String, Spot> gridSpots) {
		List<Spot> spots = new ArrayList<>();
		if (street == null) {
			return spots;
		}
		Random rnd = new Random(STREET_SEED);
		GeometryFactory geometry = street.getFactory();
		Envelope box = street.getEnvelopeInternal();
		for (int attempt = 0; attempt < STREET_SPOTS * 20 && spots.size() < STREET_SPOTS; attempt++) {
			double lng = box.getMinX() + rnd.nextDouble() * box.getWidth();
			double lat = box.getMinY() + rnd.nextDouble() * box.getHeight();
			Point point = geometry.createPoint(new Coordinate(lng, lat));
			for (Map.Entry<String, Polygon> g : grids.entrySet()) {
				Spot grid = gridSpots.get(g.getKey());
				if (grid != null && g.getValue().contains(point)) {
					spots.add(new Spot(lng, lat, grid.gridCode(), grid.gridName(), grid.communityCode(),
							grid.communityName(), DemoCasesPlan.streetSpotAddress(rnd), false));
					break;
				}
			}
		}
		spots.sort((a, b) -> a.gridCode().compareTo(b.gridCode()) != 0 ? a.gridCode().compareTo(b.gridCode())
				: Double.compare(a.lng(), b.lng()));
		return spots;
	}

	private Optional<Actor> account(String username) {
		return users.findByUsername(username).filter(UserSummary::enabled).map(DemoCasesLoader::actor);
	}

	private static Actor actor(UserSummary u) {
		return new Actor(u.username(), u.displayName(), u.id());
	}

	// writing

	private void insert(List<SimCase> list) {
		int n = list.size();
		if (n == 0) {
			return;
		}
		List<Long> ids = jdbc.queryForList(
				"select nextval(pg_get_serial_sequence('cases.case_record', 'id')) as v from generate_series(1, ?) order by v",
				Long.class, n);
		List<Long> seqs = jdbc.queryForList(
				"select nextval('cases.case_no_seq') as v from generate_series(1, ?) order by v", Long.class, n);
		DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
		Map<SimCase, Long> idOf = new IdentityHashMap<>();
		Map<SimCase, String> caseNoOf = new IdentityHashMap<>();
		for (int i = 0; i < n; i++) {
			SimCase c = list.get(i);
			idOf.put(c, ids.get(i));
			caseNoOf.put(c, "GZ" + day.format(c.receivedAt.atZone(zone).toLocalDate())
					+ String.format("%06d", seqs.get(i) % 1_000_000));
		}
		bulkInsert("cases.case_record", list, List.of(
				col("id", INT8, idOf::get),
				col("case_no", TEXT, caseNoOf::get),
				col("request_kind", TEXT, c -> c.requestKind.name()),
				col("category_code", TEXT, c -> c.category.code()),
				col("description", TEXT, c -> c.description),
				col("address", TEXT, c -> c.spot.address()),
				col("lng", FLOAT8, c -> c.spot.lng()),
				col("lat", FLOAT8, c -> c.spot.lat()),
				col("grid_code", TEXT, c -> c.spot.gridCode()),
				col("community_code", TEXT, c -> c.spot.communityCode()),
				col("street_code", TEXT, c -> DemoStreetPlan.STREET_CODE),
				col("channel", TEXT, c -> c.channel.name()),
				col("reporter_name", TEXT, c -> c.reporterName),
				col("reporter_phone_masked", TEXT, c -> c.reporterPhoneMasked),
				col("reporter_user_id", INT8, c -> c.reporterUserId),
				col("open311_client", TEXT, c -> c.open311Client),
				col("status", TEXT, c -> c.status.name()),
				col("status_before_suspend", TEXT, c -> name(c.statusBeforeSuspend)),
				col("unit_type", TEXT, c -> name(c.unitType)),
				col("unit_code", TEXT, c -> c.unitCode),
				col("unit_name", TEXT, c -> c.unitName),
				col("route_note", TEXT, c -> c.routeNote),
				col("received_at", TIMESTAMPTZ, c -> c.receivedAt),
				col("registered_at", TIMESTAMPTZ, c -> c.registeredAt),
				col("dispatched_at", TIMESTAMPTZ, c -> c.dispatchedAt),
				col("response_deadline", TIMESTAMPTZ, c -> c.responseDeadline),
				col("signed_at", TIMESTAMPTZ, c -> c.signedAt),
				col("handled_at", TIMESTAMPTZ, c -> c.handledAt),
				col("fed_back_at", TIMESTAMPTZ, c -> c.fedBackAt),
				col("verified_at", TIMESTAMPTZ, c -> c.verifiedAt),
				col("closed_at", TIMESTAMPTZ, c -> c.closedAt),
				col("deadline", TIMESTAMPTZ, c -> c.deadline),
				col("suspended_at", TIMESTAMPTZ, c -> c.suspendedAt),
				col("suspended_minutes", INT4, c -> c.suspendedMinutes),
				col("extension_requested_hours", INT4, c -> c.extensionRequestedHours),
				col("extension_reason", TEXT, c -> c.extensionReason),
				col("extended", BOOL, c -> c.extended),
				col("rework_count", INT4, c -> c.reworkCount),
				col("reopen_count", INT4, c -> c.reopenCount),
				col("supervision", TEXT, c -> c.supervision),
				col("satisfaction", TEXT, c -> name(c.satisfaction)),
				col("rated_at", TIMESTAMPTZ, c -> c.ratedAt),
				col("self_handled", BOOL, c -> c.selfHandled),
				col("version", INT4, SimCase::version)), "");

		record Row<T>(long caseId, T item) {
		}
		List<Row<DemoCasesPlan.Event>> events = new ArrayList<>();
		List<Row<Long>> followers = new ArrayList<>();
		List<Row<DemoCasesPlan.Whistle>> whistles = new ArrayList<>();
		for (SimCase c : list) {
			long id = idOf.get(c);
			c.events.forEach(e -> events.add(new Row<>(id, e)));
			c.followers.forEach(f -> followers.add(new Row<>(id, f)));
			c.whistles.forEach(w -> whistles.add(new Row<>(id, w)));
		}
		bulkInsert("cases.case_event", events, List.of(
				col("case_id", INT8, Row::caseId),
				col("at", TIMESTAMPTZ, r -> r.item().at()),
				col("action", TEXT, r -> r.item().action()),
				col("actor", TEXT, r -> r.item().actor()),
				col("actor_name", TEXT, r -> r.item().actorName()),
				col("from_status", TEXT, r -> name(r.item().from())),
				col("to_status", TEXT, r -> name(r.item().to())),
				col("note", TEXT, r -> r.item().note())), "");
		bulkInsert("cases.case_follower", followers, List.of(
				col("case_id", INT8, Row::caseId),
				col("user_id", INT8, Row::item)), " on conflict do nothing");
		bulkInsert("cases.whistle", whistles, List.of(
				col("case_id", INT8, Row::caseId),
				col("department_code", TEXT, r -> r.item().department()),
				col("blown_at", TIMESTAMPTZ, r -> r.item().blownAt()),
				col("blown_by", TEXT, r -> r.item().blownBy()),
				col("sign_deadline", TIMESTAMPTZ, r -> r.item().signDeadline()),
				col("signed_at", TIMESTAMPTZ, r -> r.item().signedAt()),
				col("signed_by", TEXT, r -> r.item().signedBy()),
				col("arrived_at", TIMESTAMPTZ, r -> r.item().arrivedAt()),
				col("report", TEXT, r -> r.item().report())), "");
	}

	private static final String TEXT = "text";

	private static final String INT4 = "int4";

	private static final String INT8 = "int8";

	private static final String FLOAT8 = "float8";

	private static final String BOOL = "bool";

	/** Sent as ISO-8601 text and cast on the server, so that no time zone of this JVM is involved. */
	private static final String TIMESTAMPTZ = "timestamptz";

	/** One column of a bulk insert: its name, PostgreSQL type and how to read it from a row. */
	private record Col<T>(String name, String type, Function<T, Object> value) {
	}

	private static <T> Col<T> col(String name, String type, Function<T, Object> value) {
		return new Col<>(name, type, value);
	}

	private static String name(Enum<?> e) {
		return e == null ? null : e.name();
	}

	/**
	 * Inserts all rows with one statement (an insert that selects from the unnested column arrays): one round trip and
	 * one firing of the statement-level triggers instead of one per row. Rows are inserted in list order, so that
	 * serial ids follow it (a case's timeline steps of the same instant keep their order, as the case desk would).
	 */
	private <T> void bulkInsert(String table, List<T> rows, List<Col<T>> cols, String suffix) {
		if (rows.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (");
		StringBuilder select = new StringBuilder();
		StringBuilder unnest = new StringBuilder();
		StringBuilder aliases = new StringBuilder();
		for (int i = 0; i < cols.size(); i++) {
			Col<T> col = cols.get(i);
			String sep = i == 0 ? "" : ", ";
			sql.append(sep).append(col.name());
			boolean time = TIMESTAMPTZ.equals(col.type());
			select.append(sep).append("u.c").append(i).append(time ? "::timestamptz" : "");
			unnest.append(sep).append("cast(? as ").append(time ? TEXT : col.type()).append("[])");
			aliases.append(sep).append("c").append(i);
		}
		sql.append(") select ").append(select).append(" from unnest(").append(unnest)
			.append(") with ordinality as u(").append(aliases).append(", n) order by u.n").append(suffix);
		jdbc.execute((ConnectionCallback<Void>) con -> {
			try (PreparedStatement ps = con.prepareStatement(sql.toString())) {
				for (int i = 0; i < cols.size(); i++) {
					Col<T> col = cols.get(i);
					boolean time = TIMESTAMPTZ.equals(col.type());
					Object[] values = new Object[rows.size()];
					for (int r = 0; r < values.length; r++) {
						Object v = col.value().apply(rows.get(r));
						values[r] = time && v != null ? v.toString() : v;
					}
					ps.setArray(i + 1, con.createArrayOf(time ? TEXT : col.type(), values));
				}
				ps.executeUpdate();
			}
			return null;
		});
	}

}
