package org.gongzhi.people.domain;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.people.CareVisitReport;
import org.gongzhi.people.Gender;
import org.gongzhi.people.GroupKind;
import org.gongzhi.people.OverdueVisit;
import org.gongzhi.people.RecordVisitCmd;
import org.gongzhi.people.VisitKind;
import org.gongzhi.people.VisitPhoto;
import org.gongzhi.people.VisitView;
import org.gongzhi.people.Visits;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ImageTypes;
import org.gongzhi.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits (走访) behind {@link Visits}: recording them (a care visit restarts the member's cadence), the overdue
 * worklist (a member is overdue when their last care visit, or the day they joined the group, lies more than the
 * group's cadence back) and the community report.
 */
@Service
public class VisitBook implements Visits {

	static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;

	private final VisitStore visits;

	private final ResidentStore residents;

	private final PeopleAccess access;

	private final AddressBook addresses;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	VisitBook(VisitStore visits, ResidentStore residents, PeopleAccess access, AddressBook addresses, AuditLog audit,
			JdbcClient jdbc) {
		this.visits = visits;
		this.residents = residents;
		this.access = access;
		this.addresses = addresses;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public VisitView record(GongzhiUser me, RecordVisitCmd cmd) {
		access.requireVisit(me);
		return record(me, me.id(), me.displayName(), cmd);
	}

	/** Records a visit by a user without a request (bulk set-up); no scope applies. */
	@Transactional
	public VisitView recordAs(long visitorUserId, String visitorName, RecordVisitCmd cmd) {
		return record(null, visitorUserId, visitorName, cmd);
	}

	private VisitView record(GongzhiUser me, long visitorId, String visitorName, RecordVisitCmd cmd) {
		Long residentId = cmd.residentId();
		String roomCode;
		String address;
		if (residentId != null) {
			ResidentRecord r = residents.find(residentId).filter(x -> me == null || ResidentRegistry.sees(me, x))
				.orElseThrow(() -> DomainException.notFound("people.resident.notFound"));
			roomCode = r.livingRoomCode != null ? r.livingRoomCode : r.registeredAreaCode;
			address = r.livingAddress != null ? r.livingAddress : r.registeredAddress;
		}
		else {
			if (cmd.roomCode() == null || cmd.roomCode().isBlank()) {
				throw DomainException.invalid("roomCode", "people.visit.target");
			}
			AddressBook.Place place = addresses.room(cmd.roomCode().strip())
				.orElseThrow(() -> DomainException.invalid("roomCode", "people.room.unknown"));
			if (me != null && !PeopleAccess.covers(me, place.roomCode())) {
				throw DomainException.invalid("roomCode", "people.room.outOfScope");
			}
			roomCode = place.roomCode();
			address = place.address();
		}
		Instant at = cmd.visitedAt() != null ? cmd.visitedAt() : Instant.now();
		if (at.isAfter(Instant.now().plus(Duration.ofMinutes(5)))) {
			throw DomainException.invalid("visitedAt", "people.visit.future");
		}
		String photoType = null;
		if (cmd.photo() != null && cmd.photo().length > 0) {
			if (cmd.photo().length > MAX_PHOTO_BYTES) {
				throw DomainException.invalid("photo", "people.visit.photo.tooLarge");
			}
			photoType = ImageTypes.of(cmd.photo())
				.orElseThrow(() -> DomainException.invalid("photo", "people.visit.photo.type"));
		}
		long id = visits.insert(residentId, roomCode, address, cmd.kind(), at, visitorId, visitorName,
				cmd.findings().strip(), ResidentRules.blankToNull(cmd.followUp()), photoType == null ? null : cmd.photo(),
				photoType);
		if (residentId != null && cmd.kind() == VisitKind.CARE) {
			residents.visited(residentId, at);
		}
		audit.record("visit.record", "resident", residentId == null ? roomCode : String.valueOf(residentId),
				cmd.kind().name());
		return visits.find(id).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public List<VisitView> ofResident(GongzhiUser me, long residentId) {
		access.requireRead(me);
		residents.find(residentId).filter(r -> ResidentRegistry.sees(me, r))
			.orElseThrow(() -> DomainException.notFound("people.resident.notFound"));
		return visits.ofResident(residentId, 200);
	}

	@Override
	@Transactional(readOnly = true)
	public PageResult<VisitView> recent(GongzhiUser me, String areaCode, int page, int size) {
		access.requireRead(me);
		int s = size < 1 ? 20 : Math.min(size, 200);
		int p = Math.max(0, page);
		String prefix = narrowed(me, areaCode);
		if (prefix == null) {
			return new PageResult<>(List.of(), p, s, 0);
		}
		return new PageResult<>(visits.recentIn(prefix, p * s, s), p, s, visits.countIn(prefix));
	}

	/** The caller's scope prefix, narrowed to an area inside it; null when nothing is visible. */
	private static String narrowed(GongzhiUser me, String areaCode) {
		String prefix = PeopleAccess.prefix(me);
		if (prefix == null) {
			return null;
		}
		if (areaCode != null && !areaCode.isBlank()) {
			String a = areaCode.strip();
			if (!a.matches("\\d{6,24}")) {
				throw DomainException.invalid("areaCode", "people.area.invalid");
			}
			if (a.startsWith(prefix)) {
				return a;
			}
			return prefix.startsWith(a) ? prefix : null;
		}
		return prefix;
	}

	private static final String DUE = """
			from people.group_member m
			join people.person_group g on g.code = m.group_code and g.enabled and g.visit_cadence_days is not null
			join people.resident r on r.id = m.resident_id and r.state = 'LIVING'
			cross join lateral (select greatest(coalesce(cast(r.last_visit_at at time zone 'Asia/Shanghai' as date),
			  m.since), m.since) + g.visit_cadence_days as due_on) d
			where r.living_room_code like :scope and (g.kind = 'CARE' or g.code = any(cast(:granted as text[])))
			""";

	@Override
	@Transactional
	public PageResult<OverdueVisit> overdue(GongzhiUser me, String areaCode, int page, int size) {
		access.requireRead(me);
		int s = size < 1 ? 50 : Math.min(size, 500);
		int p = Math.max(0, page);
		String prefix = narrowed(me, areaCode);
		if (prefix == null) {
			return new PageResult<>(List.of(), p, s, 0);
		}
		LocalDate today = PeopleAccess.today();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scope", SearchTerms.startsWith(prefix));
		params.put("granted", access.grants(me).keyGroups().toArray(String[]::new));
		params.put("today", Date.valueOf(today));
		long total = jdbc.sql("select count(*) " + DUE + " and d.due_on < :today").params(params).query(Long.class)
			.single();
		params.put("limit", s);
		params.put("offset", p * s);
		List<OverdueVisit> items = jdbc.sql("""
				select r.id, r.name, r.gender, r.birth_date, r.phone_masked, r.living_room_code, r.living_address,
				  r.living_grid_code, g.code, g.name, g.kind, g.visit_cadence_days,
				  cast(r.last_visit_at at time zone 'Asia/Shanghai' as date), d.due_on
				""" + DUE + " and d.due_on < :today order by d.due_on, r.id, g.sort limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> {
				LocalDate due = rs.getObject(14, LocalDate.class);
				LocalDate birth = rs.getObject(4, LocalDate.class);
				return new OverdueVisit(rs.getLong(1), rs.getString(2), Gender.valueOf(rs.getString(3)),
						ResidentRegistry.age(birth), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
						addresses.name(rs.getString(8)), rs.getString(9), rs.getString(10),
						GroupKind.valueOf(rs.getString(11)), rs.getInt(12), rs.getObject(13, LocalDate.class), due,
						ChronoUnit.DAYS.between(due, today));
			})
			.list();
		if (items.stream().anyMatch(o -> o.kind() == GroupKind.KEY)) {
			audit.record("resident.keyGroup.worklist", "resident", null, "residents=" + String.join(",", items.stream()
				.filter(o -> o.kind() == GroupKind.KEY).map(o -> String.valueOf(o.residentId())).toList()));
		}
		return new PageResult<>(items, p, s, total);
	}

	@Override
	@Transactional(readOnly = true)
	public CareVisitReport report(GongzhiUser me, String communityCode) {
		access.requireRead(me);
		if (communityCode == null || !communityCode.matches("\\d{12}")
				|| addresses.community(communityCode).isEmpty()) {
			throw DomainException.notFound("area.community.notFound");
		}
		String prefix = narrowed(me, communityCode);
		if (prefix == null) {
			throw DomainException.notFound("area.community.notFound");
		}
		LocalDate today = PeopleAccess.today();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scope", SearchTerms.startsWith(prefix));
		params.put("granted", access.grants(me).keyGroups().toArray(String[]::new));
		params.put("today", Date.valueOf(today));
		List<CareVisitReport.Row> rows = new ArrayList<>(jdbc.sql("""
				select r.living_grid_code, g.code, g.name, g.kind, count(*),
				  count(*) filter (where d.due_on >= :today), count(*) filter (where d.due_on < :today)
				""" + DUE + " group by r.living_grid_code, g.code, g.name, g.kind, g.sort "
				+ "order by r.living_grid_code, g.sort")
			.params(params)
			.query((rs, n) -> new CareVisitReport.Row(rs.getString(1), addresses.name(rs.getString(1)), rs.getString(2),
					rs.getString(3), GroupKind.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7)))
			.list());
		int members = rows.stream().mapToInt(CareVisitReport.Row::members).sum();
		int onTime = rows.stream().mapToInt(CareVisitReport.Row::visitedOnTime).sum();
		int overdue = rows.stream().mapToInt(CareVisitReport.Row::overdue).sum();
		return new CareVisitReport(communityCode, addresses.name(communityCode), today, rows, members, onTime, overdue);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<VisitPhoto> photo(GongzhiUser me, long visitId) {
		access.requireRead(me);
		return visits.find(visitId).filter(v -> PeopleAccess.covers(me, v.roomCode())).flatMap(v -> visits.photo(v.id()));
	}

}
