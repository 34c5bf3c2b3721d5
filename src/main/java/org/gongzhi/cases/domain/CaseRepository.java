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

	String nextCaseNo(Instant at, java.time.ZoneId zone) {
		long seq = jdbc.sql("select nextval('cases.case_no_seq')").query(Long.class).single();
		return "GZ" + java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(at.atZone(zone).toLocalDate())
				+ String.format("%06d", seq % 1_000_000);
	}

	Optional<CaseFile> find(String caseNo) {
		return jdbc.sql("select * from cases.case_record where case_no = :no").param("no", caseNo)
			.query(CaseRepository::map).optional();
	}

	Optional<CaseFile> findForUpdate(String caseNo) {
		return jdbc.sql("select * from cases.case_record where case_no = :no for update").param("no", caseNo)
			.query(CaseRepository::map).optional();
	}

	long insert(CaseFile c) {
		c.id = jdbc.sql("""
				insert into cases.case_record (case_no, request_kind, category_code, description, address, lng, lat,
				    grid_code, community_code, street_code, channel, reporter_name, reporter_phone_masked,
				    reporter_user_id, open311_client, status, unit_type, unit_code, unit_name, route_note, received_at,
				    deadline, self_handled, reporter_resident_id)
				values (:caseNo, :kind, :category, :description, :address, :lng, :lat, :grid, :community, :street,
				    :channel, :reporterName, :reporterPhone, :reporterUser, :open311, :status, :unitType, :unitCode,
				    :unitName, :routeNote, :receivedAt, :deadline, :selfHandled, :reporterResident)
				returning id
				""").params(params(c)).query(Long.class).single();
		return c.id;
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
