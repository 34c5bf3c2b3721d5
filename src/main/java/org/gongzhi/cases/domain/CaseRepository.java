package org.gongzhi.cases.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.cases.CaseEventView;
import org.gongzhi.cases.CaseStatus;
import org.gongzhi.cases.Channel;
import org.gongzhi.cases.RequestKind;
import org.gongzhi.cases.Satisfaction;
import org.gongzhi.cases.UnitType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CaseRepository {

	private final JdbcClient jdbc;

	CaseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Case numbers for cases received at these instants: GZ, the day in the zone, and a sequence number. */
	List<String> nextCaseNos(List<Instant> received, java.time.ZoneId zone) {
		List<Long> seqs = jdbc.sql("select nextval('cases.case_no_seq') from generate_series(1, :n)")
			.param("n", received.size()).query(Long.class).list();
		List<String> numbers = new ArrayList<>(received.size());
		for (int i = 0; i < received.size(); i++) {
			numbers.add("GZ" + java.time.format.DateTimeFormatter.BASIC_ISO_DATE
				.format(received.get(i).atZone(zone).toLocalDate()) + String.format("%06d", seqs.get(i) % 1_000_000));
		}
		return numbers;
	}

	Optional<CaseFile> find(String caseNo) {
		return jdbc.sql("select * from cases.case_record where case_no = :no").param("no", caseNo)
			.query(CaseRepository::map).optional();
	}

	Optional<CaseFile> findForUpdate(String caseNo) {
		return jdbc.sql("select * from cases.case_record where case_no = :no for update").param("no", caseNo)
			.query(CaseRepository::map).optional();
	}

	/**
	 * Inserts new cases (their case numbers already given) in one statement and sets each one's id. The columns travel
	 * as one text array each, so a hundred cases cost one statement, not a hundred.
	 */
	void insertAll(List<CaseFile> files) {
		Map<String, CaseFile> byNo = new HashMap<>();
		files.forEach(c -> byNo.put(c.caseNo, c));
		jdbc.sql("""
				insert into cases.case_record (case_no, request_kind, category_code, description, address, lng, lat,
				    grid_code, community_code, street_code, channel, reporter_name, reporter_phone_masked,
				    reporter_user_id, open311_client, status, unit_type, unit_code, unit_name, route_note, received_at,
				    deadline, self_handled, reporter_resident_id)
				select u.no, u.kind, u.category, u.description, u.address, cast(u.lng as float8), cast(u.lat as float8),
				       u.grid, u.community, u.street, u.channel, u.reporter_name, u.reporter_phone,
				       cast(u.reporter_user as bigint), u.open311, u.status, u.unit_type, u.unit_code, u.unit_name,
				       u.route_note, cast(u.received as timestamptz), cast(u.deadline as timestamptz),
				       cast(u.self_handled as boolean), cast(u.resident as bigint)
				  from unnest(cast(:no as text[]), cast(:kind as text[]), cast(:category as text[]),
				              cast(:description as text[]), cast(:address as text[]), cast(:lng as text[]),
				              cast(:lat as text[]), cast(:grid as text[]), cast(:community as text[]),
				              cast(:street as text[]), cast(:channel as text[]), cast(:reporterName as text[]),
				              cast(:reporterPhone as text[]), cast(:reporterUser as text[]), cast(:open311 as text[]),
				              cast(:status as text[]), cast(:unitType as text[]), cast(:unitCode as text[]),
				              cast(:unitName as text[]), cast(:routeNote as text[]), cast(:received as text[]),
				              cast(:deadline as text[]), cast(:selfHandled as text[]), cast(:resident as text[]))
				       as u(no, kind, category, description, address, lng, lat, grid, community, street, channel,
				            reporter_name, reporter_phone, reporter_user, open311, status, unit_type, unit_code,
				            unit_name, route_note, received, deadline, self_handled, resident)
				returning id, case_no
				""").param("no", text(files, c -> c.caseNo)).param("kind", text(files, c -> c.requestKind))
			.param("category", text(files, c -> c.categoryCode)).param("description", text(files, c -> c.description))
			.param("address", text(files, c -> c.address)).param("lng", text(files, c -> c.lng))
			.param("lat", text(files, c -> c.lat)).param("grid", text(files, c -> c.gridCode))
			.param("community", text(files, c -> c.communityCode)).param("street", text(files, c -> c.streetCode))
			.param("channel", text(files, c -> c.channel)).param("reporterName", text(files, c -> c.reporterName))
			.param("reporterPhone", text(files, c -> c.reporterPhoneMasked))
			.param("reporterUser", text(files, c -> c.reporterUserId))
			.param("open311", text(files, c -> c.open311Client)).param("status", text(files, c -> c.status))
			.param("unitType", text(files, c -> c.unitType)).param("unitCode", text(files, c -> c.unitCode))
			.param("unitName", text(files, c -> c.unitName)).param("routeNote", text(files, c -> c.routeNote))
			.param("received", text(files, c -> c.receivedAt)).param("deadline", text(files, c -> c.deadline))
			.param("selfHandled", text(files, c -> c.selfHandled))
			.param("resident", text(files, c -> c.reporterResidentId))
			.query((rs, n) -> byNo.get(rs.getString(2)).id = rs.getLong(1)).list();
	}

	/** One timeline step for each of these cases, in one statement. */
	void eventAll(List<NewEvent> steps) {
		jdbc.sql("""
				insert into cases.case_event (case_id, at, action, actor, actor_name, from_status, to_status, note, photos)
				select cast(u.id as bigint), cast(u.at as timestamptz), u.action, u.actor, u.actor_name, u.from_status,
				       u.to_status, u.note, u.photos
				  from unnest(cast(:id as text[]), cast(:at as text[]), cast(:action as text[]), cast(:actor as text[]),
				              cast(:actorName as text[]), cast(:from as text[]), cast(:to as text[]),
				              cast(:note as text[]), cast(:photos as text[]))
				       as u(id, at, action, actor, actor_name, from_status, to_status, note, photos)
				""").param("id", text(steps, NewEvent::caseId)).param("at", text(steps, NewEvent::at))
			.param("action", text(steps, NewEvent::action)).param("actor", text(steps, NewEvent::actor))
			.param("actorName", text(steps, NewEvent::actorName)).param("from", text(steps, NewEvent::from))
			.param("to", text(steps, NewEvent::to)).param("note", text(steps, NewEvent::note))
			.param("photos", text(steps, NewEvent::photosJson)).update();
	}

	/** A timeline step to insert with others. */
	record NewEvent(long caseId, Instant at, String action, String actor, String actorName, CaseStatus from,
			CaseStatus to, String note, String photosJson) {
	}

	/** Makes each user follow the case paired with them, in one statement. */
	void followAll(List<Long> caseIds, List<Long> userIds) {
		if (!caseIds.isEmpty()) {
			jdbc.sql("""
					insert into cases.case_follower (case_id, user_id)
					select * from unnest(cast(:c as bigint[]), cast(:u as bigint[])) on conflict do nothing
					""").param("c", caseIds.toArray(Long[]::new)).param("u", userIds.toArray(Long[]::new)).update();
		}
	}

	/** One column of a multi-row statement: each row's value as text (enums by name, instants in ISO-8601), or null. */
	private static <T> String[] text(List<T> rows, java.util.function.Function<T, Object> column) {
		String[] values = new String[rows.size()];
		for (int i = 0; i < values.length; i++) {
			Object v = column.apply(rows.get(i));
			values[i] = v == null ? null : v instanceof Enum<?> e ? e.name() : v.toString();
		}
		return values;
	}

	/** Saves every mutable field; false when someone else changed the case meanwhile (optimistic lock). */
	boolean update(CaseFile c, int expectedVersion) {
		Map<String, Object> p = params(c);
		p.put("id", c.id);
		p.put("expected", expectedVersion);
		int n = jdbc.sql("""
				update cases.case_record set status = :status, status_before_suspend = :beforeSuspend,
				    unit_type = :unitType, unit_code = :unitCode, unit_name = :unitName, route_note = :routeNote,
				    registered_at = :registeredAt, dispatched_at = :dispatchedAt, response_deadline = :responseDeadline,
				    signed_at = :signedAt, handled_at = :handledAt, fed_back_at = :fedBackAt, verified_at = :verifiedAt,
				    closed_at = :closedAt, deadline = :deadline, suspended_at = :suspendedAt,
				    suspended_minutes = :suspendedMinutes, extension_requested_hours = :extHours,
				    extension_reason = :extReason, extended = :extended, rework_count = :rework,
				    reopen_count = :reopen, supervision = :supervision, satisfaction = :satisfaction,
				    rated_at = :ratedAt, merged_into = :mergedInto, self_handled = :selfHandled,
				    version = version + 1
				where id = :id and version = :expected
				""").params(p).update();
		if (n == 1) {
			c.version = expectedVersion + 1;
		}
		return n == 1;
	}

	void event(long caseId, Instant at, String action, String actor, String actorName, CaseStatus from,
			CaseStatus to, String note, String photosJson) {
		jdbc.sql("""
				insert into cases.case_event (case_id, at, action, actor, actor_name, from_status, to_status, note, photos)
				values (:id, :at, :action, :actor, :actorName, :from, :to, :note, :photos)
				""").param("id", caseId).param("at", ts(at)).param("action", action).param("actor", actor)
			.param("actorName", actorName).param("from", from == null ? null : from.name())
			.param("to", to == null ? null : to.name()).param("note", note).param("photos", photosJson).update();
	}

	List<CaseEventView> timeline(long caseId) {
		return jdbc.sql("""
				select at, action, actor, actor_name, from_status, to_status, note, photos from cases.case_event
				 where case_id = :id order by at, id
				""").param("id", caseId).query((rs, n) -> new CaseEventView(rs.getTimestamp(1).toInstant(),
					rs.getString(2), rs.getString(3), rs.getString(4), status(rs.getString(5)),
					status(rs.getString(6)), rs.getString(7), Json.stringList(rs.getString(8))))
			.list();
	}

	/** The timelines of the cases with these numbers, by case number, each oldest first. */
	Map<String, List<CaseEventView>> timelines(Collection<String> caseNos) {
		Map<String, List<CaseEventView>> timelines = new LinkedHashMap<>();
		if (caseNos.isEmpty()) {
			return timelines;
		}
		jdbc.sql("""
				select r.case_no, e.at, e.action, e.actor, e.actor_name, e.from_status, e.to_status, e.note, e.photos
				  from cases.case_record r join cases.case_event e on e.case_id = r.id
				 where r.case_no = any(:nos)
				 order by r.case_no, e.at, e.id
				""").param("nos", caseNos.stream().distinct().toArray(String[]::new))
			.query((rs, n) -> timelines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
				.add(new CaseEventView(rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
						status(rs.getString(6)), status(rs.getString(7)), rs.getString(8), Json.stringList(rs.getString(9)))))
			.list();
		return timelines;
	}

	Optional<Instant> lastEventAt(long caseId) {
		return jdbc.sql("select max(at) from cases.case_event where case_id = :id").param("id", caseId)
			.query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).optional();
	}

	void follow(long caseId, long userId) {
		jdbc.sql("insert into cases.case_follower (case_id, user_id) values (:c, :u) on conflict do nothing")
			.param("c", caseId).param("u", userId).update();
	}

	List<Long> followers(long caseId) {
		return jdbc.sql("select user_id from cases.case_follower where case_id = :c order by user_id").param("c", caseId)
			.query(Long.class).list();
	}

	void copyFollowers(long fromCase, long toCase) {
		jdbc.sql("""
				insert into cases.case_follower (case_id, user_id)
				select :to, user_id from cases.case_follower where case_id = :from on conflict do nothing
				""").param("to", toCase).param("from", fromCase).update();
	}

	Optional<String> idempotentCase(String principal, String key) {
		return jdbc.sql("select case_no from cases.idempotency_key where principal = :p and key = :k")
			.param("p", principal).param("k", key).query(String.class).optional();
	}

	boolean rememberIdempotency(String principal, String key, String caseNo) {
		return jdbc.sql("""
				insert into cases.idempotency_key (principal, key, case_no) values (:p, :k, :c) on conflict do nothing
				""").param("p", principal).param("k", key).param("c", caseNo).update() == 1;
	}

	/** Open cases of the category within the bounding box (the caller filters by exact distance). */
	List<CaseFile> openNear(String categoryCode, double minLng, double minLat, double maxLng, double maxLat,
			String excludeCaseNo) {
		return jdbc.sql("""
				select * from cases.case_record
				 where category_code = :cat and status not in ('CLOSED','VOID','MERGED')
				   and lng between :x1 and :x2 and lat between :y1 and :y2 and case_no <> :ex
				 order by received_at desc limit 20
				""").param("cat", categoryCode).param("x1", minLng).param("x2", maxLng).param("y1", minLat)
			.param("y2", maxLat).param("ex", excludeCaseNo == null ? "" : excludeCaseNo).query(CaseRepository::map)
			.list();
	}

	/**
	 * For each case, the open cases of its category in its box (the caller filters by exact distance), newest first,
	 * at most 20 each; one statement for all of them.
	 * @param boxes per case number: minimum longitude, minimum latitude, maximum longitude, maximum latitude
	 */
	Map<String, List<CaseFile>> openNearAll(Map<String, String> categoryByCaseNo, Map<String, double[]> boxes) {
		Map<String, List<CaseFile>> near = new HashMap<>();
		if (boxes.isEmpty()) {
			return near;
		}
		List<String> numbers = new ArrayList<>(boxes.keySet());
		jdbc.sql("""
				select u.for_case, r.*
				  from unnest(cast(:no as text[]), cast(:cat as text[]), cast(:x1 as float8[]), cast(:y1 as float8[]),
				              cast(:x2 as float8[]), cast(:y2 as float8[])) as u(for_case, cat, x1, y1, x2, y2)
				  cross join lateral (
				       select * from cases.case_record r
				        where r.category_code = u.cat and r.status not in ('CLOSED','VOID','MERGED')
				          and r.lng between u.x1 and u.x2 and r.lat between u.y1 and u.y2 and r.case_no <> u.for_case
				        order by r.received_at desc limit 20) r
				""").param("no", numbers.toArray(String[]::new))
			.param("cat", text(numbers, categoryByCaseNo::get))
			.param("x1", text(numbers, n -> boxes.get(n)[0])).param("y1", text(numbers, n -> boxes.get(n)[1]))
			.param("x2", text(numbers, n -> boxes.get(n)[2])).param("y2", text(numbers, n -> boxes.get(n)[3]))
			.query((rs, n) -> near.computeIfAbsent(rs.getString("for_case"), k -> new ArrayList<>()).add(map(rs, n)))
			.list();
		return near;
	}

	// whistles (吹哨报到)

	record WhistleRow(long id, String departmentCode, Instant blownAt, String blownBy, Instant signDeadline,
			Instant signedAt, String signedBy, Instant arrivedAt, String report) {
	}

	boolean whistle(long caseId, String department, Instant at, String by, Instant signDeadline) {
		return jdbc.sql("""
				insert into cases.whistle (case_id, department_code, blown_at, blown_by, sign_deadline)
				values (:c, :d, :at, :by, :deadline) on conflict (case_id, department_code) do nothing
				""").param("c", caseId).param("d", department).param("at", ts(at)).param("by", by)
			.param("deadline", ts(signDeadline)).update() == 1;
	}

	List<WhistleRow> whistles(long caseId) {
		return jdbc.sql("""
				select id, department_code, blown_at, blown_by, sign_deadline, signed_at, signed_by, arrived_at, report
				  from cases.whistle where case_id = :c order by blown_at, department_code
				""").param("c", caseId).query((rs, n) -> new WhistleRow(rs.getLong(1), rs.getString(2),
					inst(rs.getTimestamp(3)), rs.getString(4), inst(rs.getTimestamp(5)), inst(rs.getTimestamp(6)),
					rs.getString(7), inst(rs.getTimestamp(8)), rs.getString(9)))
			.list();
	}

	boolean signWhistle(long caseId, String department, Instant at, String by) {
		return jdbc.sql("""
				update cases.whistle set signed_at = :at, signed_by = :by
				 where case_id = :c and department_code = :d and signed_at is null
				""").param("at", ts(at)).param("by", by).param("c", caseId).param("d", department).update() == 1;
	}

	boolean reportWhistle(long caseId, String department, Instant at, String report) {
		return jdbc.sql("""
				update cases.whistle set arrived_at = coalesce(arrived_at, :at), report = :report
				 where case_id = :c and department_code = :d and signed_at is not null
				""").param("at", ts(at)).param("report", report).param("c", caseId).param("d", department)
			.update() == 1;
	}

	private static Map<String, Object> params(CaseFile c) {
		Map<String, Object> p = new HashMap<>();
		p.put("caseNo", c.caseNo);
		p.put("kind", c.requestKind.name());
		p.put("category", c.categoryCode);
		p.put("description", c.description);
		p.put("address", c.address);
		p.put("lng", c.lng);
		p.put("lat", c.lat);
		p.put("grid", c.gridCode);
		p.put("community", c.communityCode);
		p.put("street", c.streetCode);
		p.put("channel", c.channel.name());
		p.put("reporterName", c.reporterName);
		p.put("reporterPhone", c.reporterPhoneMasked);
		p.put("reporterUser", c.reporterUserId);
		p.put("reporterResident", c.reporterResidentId);
		p.put("open311", c.open311Client);
		p.put("status", c.status.name());
		p.put("beforeSuspend", c.statusBeforeSuspend == null ? null : c.statusBeforeSuspend.name());
		p.put("unitType", c.unitType == null ? null : c.unitType.name());
		p.put("unitCode", c.unitCode);
		p.put("unitName", c.unitName);
		p.put("routeNote", c.routeNote);
		p.put("receivedAt", ts(c.receivedAt));
		p.put("registeredAt", ts(c.registeredAt));
		p.put("dispatchedAt", ts(c.dispatchedAt));
		p.put("responseDeadline", ts(c.responseDeadline));
		p.put("signedAt", ts(c.signedAt));
		p.put("handledAt", ts(c.handledAt));
		p.put("fedBackAt", ts(c.fedBackAt));
		p.put("verifiedAt", ts(c.verifiedAt));
		p.put("closedAt", ts(c.closedAt));
		p.put("deadline", ts(c.deadline));
		p.put("suspendedAt", ts(c.suspendedAt));
		p.put("suspendedMinutes", c.suspendedMinutes);
		p.put("extHours", c.extensionRequestedHours);
		p.put("extReason", c.extensionReason);
		p.put("extended", c.extended);
		p.put("rework", c.reworkCount);
		p.put("reopen", c.reopenCount);
		p.put("supervision", c.supervision);
		p.put("satisfaction", c.satisfaction == null ? null : c.satisfaction.name());
		p.put("ratedAt", ts(c.ratedAt));
		p.put("mergedInto", c.mergedInto);
		p.put("selfHandled", c.selfHandled);
		return p;
	}

	static CaseFile map(ResultSet rs, int n) throws SQLException {
		CaseFile c = new CaseFile();
		c.id = rs.getLong("id");
		c.caseNo = rs.getString("case_no");
		c.requestKind = RequestKind.valueOf(rs.getString("request_kind"));
		c.categoryCode = rs.getString("category_code");
		c.description = rs.getString("description");
		c.address = rs.getString("address");
		c.lng = (Double) rs.getObject("lng");
		c.lat = (Double) rs.getObject("lat");
		c.gridCode = rs.getString("grid_code");
		c.communityCode = rs.getString("community_code");
		c.streetCode = rs.getString("street_code");
		c.channel = Channel.valueOf(rs.getString("channel"));
		c.reporterName = rs.getString("reporter_name");
		c.reporterPhoneMasked = rs.getString("reporter_phone_masked");
		long reporter = rs.getLong("reporter_user_id");
		c.reporterUserId = rs.wasNull() ? null : reporter;
		long resident = rs.getLong("reporter_resident_id");
		c.reporterResidentId = rs.wasNull() ? null : resident;
		c.open311Client = rs.getString("open311_client");
		c.status = CaseStatus.valueOf(rs.getString("status"));
		c.statusBeforeSuspend = status(rs.getString("status_before_suspend"));
		String unitType = rs.getString("unit_type");
		c.unitType = unitType == null ? null : UnitType.valueOf(unitType);
		c.unitCode = rs.getString("unit_code");
		c.unitName = rs.getString("unit_name");
		c.routeNote = rs.getString("route_note");
		c.receivedAt = inst(rs.getTimestamp("received_at"));
		c.registeredAt = inst(rs.getTimestamp("registered_at"));
		c.dispatchedAt = inst(rs.getTimestamp("dispatched_at"));
		c.responseDeadline = inst(rs.getTimestamp("response_deadline"));
		c.signedAt = inst(rs.getTimestamp("signed_at"));
		c.handledAt = inst(rs.getTimestamp("handled_at"));
		c.fedBackAt = inst(rs.getTimestamp("fed_back_at"));
		c.verifiedAt = inst(rs.getTimestamp("verified_at"));
		c.closedAt = inst(rs.getTimestamp("closed_at"));
		c.deadline = inst(rs.getTimestamp("deadline"));
		c.suspendedAt = inst(rs.getTimestamp("suspended_at"));
		c.suspendedMinutes = rs.getInt("suspended_minutes");
		int ext = rs.getInt("extension_requested_hours");
		c.extensionRequestedHours = rs.wasNull() ? null : ext;
		c.extensionReason = rs.getString("extension_reason");
		c.extended = rs.getBoolean("extended");
		c.reworkCount = rs.getInt("rework_count");
		c.reopenCount = rs.getInt("reopen_count");
		c.supervision = rs.getString("supervision");
		String sat = rs.getString("satisfaction");
		c.satisfaction = sat == null ? null : Satisfaction.valueOf(sat);
		c.ratedAt = inst(rs.getTimestamp("rated_at"));
		c.mergedInto = rs.getString("merged_into");
		c.selfHandled = rs.getBoolean("self_handled");
		c.version = rs.getInt("version");
		return c;
	}

	static CaseStatus status(String s) {
		return s == null ? null : CaseStatus.valueOf(s);
	}

	static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	static Instant inst(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
