package org.gongzhi.cases.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.cases.CaseFilter;
import org.gongzhi.cases.CaseQuery;
import org.gongzhi.cases.CaseView;
import org.gongzhi.cases.CategoryView;
import org.gongzhi.identity.DataScope;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who sees which case and the scoped case lists. A staff user sees the cases in their area scope; a department handler
 * the cases dispatched or whistled to their department; a resident the cases they follow.
 */
@Component
public class CaseQueries {

	private final JdbcClient jdbc;

	private final CategoryRepository categories;

	private final ZoneId zone;

	CaseQueries(JdbcClient jdbc, CategoryRepository categories, CalendarProvider calendars) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.zone = calendars.zone();
	}

	boolean covers(GongzhiUser me, CaseFile c) {
		DataScope scope = me.scope();
		if (scope.all()) {
			return true;
		}
		String area = c.areaCode();
		return area != null && scope.covers(area) && areaStaff(me);
	}

	/**
	 * Whether the user's area scope reaches cases: staff of an area do, a department handler alone does not (the
	 * area of a department handler is where the department serves; they see only their department's cases).
	 */
	static boolean areaStaff(GongzhiUser me) {
		return me.roles().stream().anyMatch(r -> r.staff() && r != Role.DEPARTMENT_HANDLER);
	}

	boolean follows(GongzhiUser me, CaseFile c) {
		return (c.reporterUserId != null && c.reporterUserId == me.id()) || jdbc.sql(
				"select exists (select 1 from cases.case_follower where case_id = :c and user_id = :u)")
			.param("c", c.id).param("u", me.id()).query(Boolean.class).single();
	}

	boolean departmentInvolved(GongzhiUser me, CaseFile c) {
		String dept = me.scope().departmentCode();
		if (dept == null || !me.has(Role.DEPARTMENT_HANDLER)) {
			return false;
		}
		if (c.unitType == org.gongzhi.cases.UnitType.DEPARTMENT && dept.equals(c.unitCode)) {
			return true;
		}
		return jdbc.sql("select exists (select 1 from cases.whistle where case_id = :c and department_code = :d)")
			.param("c", c.id).param("d", dept).query(Boolean.class).single();
	}

	boolean sees(GongzhiUser me, CaseFile c) {
		return covers(me, c) || departmentInvolved(me, c) || follows(me, c);
	}

	boolean dispatcher(GongzhiUser me, CaseFile c) {
		return me.hasAny(Role.STREET_ADMIN, Role.COMMUNITY_STAFF, Role.SYSTEM_ADMIN) && covers(me, c);
	}

	boolean unitMember(GongzhiUser me, CaseFile c) {
		if (c.unitType == null || c.unitCode == null) {
			return false;
		}
		DataScope scope = me.scope();
		return switch (c.unitType) {
			case GRID -> me.has(Role.GRID_WORKER) && scope.covers(c.unitCode);
			case COMMUNITY -> me.has(Role.COMMUNITY_STAFF) && scope.covers(c.unitCode);
			case STREET -> me.has(Role.STREET_ADMIN) && scope.covers(c.unitCode);
			case DEPARTMENT -> me.has(Role.DEPARTMENT_HANDLER) && c.unitCode.equals(scope.departmentCode());
		};
	}

	CaseView view(CaseFile c) {
		String categoryName = categories.cached(c.categoryCode).map(CategoryView::name).orElse(c.categoryCode);
		Instant updated = jdbc.sql("select max(at) from cases.case_event where case_id = :id").param("id", c.id)
			.query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).optional()
			.orElse(c.receivedAt);
		return view(c, categoryName, updated == null ? c.receivedAt : updated);
	}

	/** Views of several cases with one query for their latest steps (instead of one per case). */
	List<CaseView> views(List<CaseFile> list) {
		if (list.isEmpty()) {
			return List.of();
		}
		Map<Long, Instant> updated = new HashMap<>();
		jdbc.sql("select case_id, max(at) from cases.case_event where case_id = any(:ids) group by case_id")
			.param("ids", list.stream().map(c -> c.id).toArray(Long[]::new))
			.query((rs, n) -> updated.put(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
		return list.stream().map(c -> view(c, categories.cached(c.categoryCode).map(CategoryView::name)
			.orElse(c.categoryCode), updated.getOrDefault(c.id, c.receivedAt))).toList();
	}

	static CaseView view(CaseFile c, String categoryName, Instant updatedAt) {
		return new CaseView(c.id, c.caseNo, c.status, c.requestKind, c.categoryCode, categoryName, c.description,
				c.address, c.lng, c.lat, c.gridCode, c.communityCode, c.streetCode, c.channel, c.reporterName,
				c.reporterPhoneMasked, c.unitType, c.unitCode, c.unitName, c.routeNote, c.receivedAt, c.deadline,
				c.closedAt, updatedAt, c.satisfaction, c.supervision, c.overdueAt(Instant.now()), c.selfHandled,
				c.mergedInto, c.version);
	}

	private static final String LIST = """
			select r.*, c.name as category_name,
			       coalesce((select max(e.at) from cases.case_event e where e.case_id = r.id), r.received_at) as updated_at
			  from cases.case_record r join cases.category c on c.code = r.category_code
			""";

	PageResult<CaseView> search(GongzhiUser me, CaseQuery q) {
		StringBuilder where = new StringBuilder(" where ");
		Map<String, Object> p = new HashMap<>();
		scope(me, where, p);
		if (q.status() != null) {
			where.append(" and r.status = :status");
			p.put("status", q.status().name());
		}
		if (q.categoryCode() != null && !q.categoryCode().isBlank()) {
			where.append(" and (r.category_code = :cat or c.parent_code = :cat)");
			p.put("cat", q.categoryCode());
		}
		if (q.areaCode() != null && !q.areaCode().isBlank()) {
			where.append(" and starts_with(coalesce(r.grid_code, r.community_code, r.street_code, ''), :area)");
			p.put("area", q.areaCode());
		}
		if (Boolean.TRUE.equals(q.overdue())) {
			where.append(" and r.status not in ('ACCEPTED','CLOSED','VOID','MERGED','SUSPENDED') and r.deadline < now()");
		}
		if (q.from() != null) {
			where.append(" and r.received_at >= :from");
			p.put("from", Timestamp.from(q.from().atStartOfDay(zone).toInstant()));
		}
		if (q.to() != null) {
			where.append(" and r.received_at < :to");
			p.put("to", Timestamp.from(q.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		if (q.q() != null && !q.q().isBlank()) {
			where.append(" and (r.case_no = :qExact or r.description ilike :qLike or r.address ilike :qLike)");
			p.put("qExact", q.q().strip());
			p.put("qLike", "%" + q.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (Boolean.TRUE.equals(q.todo())) {
			todo(me, where, p);
		}
		String order = switch (q.sort() == null ? "" : q.sort()) {
			case "deadline" -> " order by r.deadline nulls last, r.id";
			case "oldest" -> " order by r.received_at, r.id";
			default -> " order by r.received_at desc, r.id desc";
		};
		long total = jdbc.sql("select count(*) from cases.case_record r join cases.category c on c.code = r.category_code"
				+ where).params(p).query(Long.class).single();
		p.put("offset", q.page() * q.size());
		p.put("limit", q.size());
		List<CaseView> items = jdbc.sql(LIST + where + order + " offset :offset limit :limit").params(p)
			.query((rs, n) -> view(CaseRepository.map(rs, n), rs.getString("category_name"),
					rs.getTimestamp("updated_at").toInstant()))
			.list();
		return new PageResult<>(items, q.page(), q.size(), total);
	}

	/** The cases linked to one resident as their reporter, newest first. */
	PageResult<CaseView> reportedBy(GongzhiUser viewer, long residentId, int page, int size) {
		StringBuilder where = new StringBuilder(" where r.reporter_resident_id = :res and ");
		Map<String, Object> p = new HashMap<>();
		p.put("res", residentId);
		scope(viewer, where, p);
		long total = jdbc.sql("select count(*) from cases.case_record r" + where).params(p).query(Long.class).single();
		if (total == 0) {
			return new PageResult<>(List.of(), page, size, 0);
		}
		p.put("offset", page * size);
		p.put("limit", size);
		List<CaseView> items = jdbc.sql(LIST + where + " order by r.received_at desc, r.id desc offset :offset limit :limit")
			.params(p)
			.query((rs, n) -> view(CaseRepository.map(rs, n), rs.getString("category_name"),
					rs.getTimestamp("updated_at").toInstant()))
			.list();
		return new PageResult<>(items, page, size, total);
	}

	static void scope(GongzhiUser me, StringBuilder where, Map<String, Object> p) {
		List<String> any = new ArrayList<>();
		DataScope scope = me.scope();
		if (scope.all()) {
			any.add("true");
		}
		else if (scope.areaCode() != null && areaStaff(me)) {
			any.add("starts_with(coalesce(r.grid_code, r.community_code, r.street_code, ''), :scopeArea)");
			p.put("scopeArea", scope.areaCode());
		}
		if (me.has(Role.DEPARTMENT_HANDLER) && scope.departmentCode() != null) {
			any.add("(r.unit_type = 'DEPARTMENT' and r.unit_code = :dept)");
			any.add("exists (select 1 from cases.whistle w where w.case_id = r.id and w.department_code = :dept)");
			p.put("dept", scope.departmentCode());
		}
		any.add("exists (select 1 from cases.case_follower f where f.case_id = r.id and f.user_id = :me)");
		p.put("me", me.id());
		where.append("(").append(String.join(" or ", any)).append(")");
	}

	/** Cases waiting for the user: their unit's cases to sign/handle/report, or a dispatcher's queue. */
	private static void todo(GongzhiUser me, StringBuilder where, Map<String, Object> p) {
		List<String> any = new ArrayList<>();
		DataScope scope = me.scope();
		String area = scope.all() ? "" : scope.areaCode();
		if (area != null) {
			p.put("todoArea", area);
			if (me.has(Role.GRID_WORKER)) {
				any.add("(r.unit_type = 'GRID' and starts_with(r.unit_code, :todoArea) and r.status in ('DISPATCHED','SIGNED','HANDLED'))");
			}
			if (me.has(Role.COMMUNITY_STAFF)) {
				any.add("(r.unit_type = 'COMMUNITY' and starts_with(r.unit_code, :todoArea) and r.status in ('DISPATCHED','SIGNED','HANDLED'))");
			}
			if (me.has(Role.STREET_ADMIN)) {
				any.add("(r.unit_type = 'STREET' and starts_with(r.unit_code, :todoArea) and r.status in ('DISPATCHED','SIGNED','HANDLED'))");
			}
			if (me.hasAny(Role.STREET_ADMIN, Role.COMMUNITY_STAFF, Role.SYSTEM_ADMIN)) {
				any.add("(r.status in ('ACCEPTED','REGISTERED','FED_BACK','VERIFIED') or r.extension_requested_hours is not null)");
			}
			if (me.has(Role.HOTLINE_CLERK)) {
				any.add("r.status = 'ACCEPTED'");
			}
		}
		if (me.has(Role.DEPARTMENT_HANDLER) && scope.departmentCode() != null) {
			p.put("todoDept", scope.departmentCode());
			any.add("(r.unit_type = 'DEPARTMENT' and r.unit_code = :todoDept and r.status in ('DISPATCHED','SIGNED','HANDLED'))");
			any.add("exists (select 1 from cases.whistle w where w.case_id = r.id and w.department_code = :todoDept and (w.signed_at is null or w.arrived_at is null))");
		}
		any.add("(r.status = 'CLOSED' and r.satisfaction is null and exists (select 1 from cases.case_follower f where f.case_id = r.id and f.user_id = :me))");
		where.append(" and (").append(String.join(" or ", any)).append(")");
	}

	List<CaseView> filter(CaseFilter f) {
		StringBuilder where = new StringBuilder(" where r.status <> 'MERGED'");
		Map<String, Object> p = new HashMap<>();
		if (f.caseNos() != null && !f.caseNos().isEmpty()) {
			where.append(" and r.case_no in (:nos)");
			p.put("nos", f.caseNos());
		}
		if (f.categoryCodes() != null && !f.categoryCodes().isEmpty()) {
			where.append(" and r.category_code in (:cats)");
			p.put("cats", f.categoryCodes());
		}
		if (f.from() != null) {
			where.append(" and r.received_at >= :from");
			p.put("from", Timestamp.from(f.from()));
		}
		if (f.to() != null) {
			where.append(" and r.received_at <= :to");
			p.put("to", Timestamp.from(f.to()));
		}
		if (f.open() != null) {
			where.append(f.open() ? " and r.status not in ('CLOSED','VOID')" : " and r.status in ('CLOSED','VOID')");
		}
		p.put("limit", Math.max(1, f.limit()));
		return jdbc.sql(LIST + where + " order by r.received_at desc, r.id desc limit :limit").params(p)
			.query((rs, n) -> view(CaseRepository.map(rs, n), rs.getString("category_name"),
					rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

}
