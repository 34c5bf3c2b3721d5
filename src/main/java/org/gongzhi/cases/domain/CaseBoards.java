package org.gongzhi.cases.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.cases.CaseStatus;
import org.gongzhi.cases.CaseView;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read models of the case pages beyond the plain list: the cases a user follows (我的反映), the whistle board (吹哨报到
 * 看板) with each department's response times, and whether a user may see a case (for its photos). Always cut to the
 * caller's data scope.
 */
@Service
@Transactional(readOnly = true)
public class CaseBoards {

	private static final String LIST = """
			select r.*, c.name as category_name,
			       coalesce((select max(e.at) from cases.case_event e where e.case_id = r.id), r.received_at) as updated_at
			  from cases.case_record r join cases.category c on c.code = r.category_code
			""";

	private final JdbcClient jdbc;

	private final CaseRepository cases;

	private final CaseQueries queries;

	private final UserDirectory users;

	CaseBoards(JdbcClient jdbc, CaseRepository cases, CaseQueries queries, UserDirectory users) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.queries = queries;
		this.users = users;
	}

	/** One 吹哨 call still waiting for the department to sign or report arrival. */
	public record OpenWhistle(String caseNo, CaseStatus caseStatus, String categoryName, String description,
			String departmentCode, String departmentName, Instant blownAt, String blownBy, Instant signDeadline,
			Instant signedAt, boolean late) {
	}

	/**
	 * How one department answers whistles: how many, how many signed (and late), the mean minutes to sign and to
	 * report arrival.
	 */
	public record DepartmentResponse(String departmentCode, String departmentName, long whistles, long signed,
			long late, Double meanSignMinutes, long arrived, Double meanArrivalMinutes) {
	}

	/** The cases the user follows (reported, or merged into a case they reported), newest first. */
	public PageResult<CaseView> followed(GongzhiUser me, int page, int size) {
		String where = " where exists (select 1 from cases.case_follower f where f.case_id = r.id and f.user_id = :me)";
		long total = jdbc.sql("select count(*) from cases.case_record r" + where).param("me", me.id())
			.query(Long.class).single();
		List<CaseView> items = jdbc.sql(LIST + where + " order by r.received_at desc, r.id desc offset :o limit :l")
			.param("me", me.id()).param("o", page * size).param("l", size)
			.query((rs, n) -> CaseQueries.view(CaseRepository.map(rs, n), rs.getString("category_name"),
					rs.getTimestamp("updated_at").toInstant()))
			.list();
		return new PageResult<>(items, page, size, total);
	}

	/** Whistles in the user's scope not yet answered by arrival, on open cases, soonest sign deadline first. */
	public List<OpenWhistle> openWhistles(GongzhiUser me, int limit) {
		Map<String, Object> p = new HashMap<>();
		StringBuilder where = new StringBuilder(" where ");
		CaseQueries.scope(me, where, p);
		where.append(" and w.arrived_at is null and r.status not in ('CLOSED','VOID','MERGED')");
		p.put("limit", Math.max(1, limit));
		Map<String, String> departments = users.departmentNames();
		Instant now = Instant.now();
		return jdbc.sql("""
				select r.case_no, r.status, c.name as category_name, r.description, w.department_code, w.blown_at,
				       w.blown_by, w.sign_deadline, w.signed_at
				  from cases.whistle w join cases.case_record r on r.id = w.case_id
				  join cases.category c on c.code = r.category_code
				""" + where + " order by w.sign_deadline, r.case_no limit :limit").params(p)
			.query((rs, n) -> openWhistle(rs, departments, now)).list();
	}

	private static OpenWhistle openWhistle(ResultSet rs, Map<String, String> departments, Instant now)
			throws SQLException {
		Instant deadline = CaseRepository.inst(rs.getTimestamp("sign_deadline"));
		Instant signed = CaseRepository.inst(rs.getTimestamp("signed_at"));
		String dept = rs.getString("department_code");
		return new OpenWhistle(rs.getString("case_no"), CaseStatus.valueOf(rs.getString("status")),
				rs.getString("category_name"), rs.getString("description"), dept, departments.getOrDefault(dept, dept),
				CaseRepository.inst(rs.getTimestamp("blown_at")), rs.getString("blown_by"), deadline, signed,
				signed == null ? now.isAfter(deadline) : signed.isAfter(deadline));
	}

	/** Response times of every department whistled to on cases in the user's scope, fastest signer first. */
	public List<DepartmentResponse> responseTimes(GongzhiUser me) {
		Map<String, Object> p = new HashMap<>();
		StringBuilder where = new StringBuilder(" where ");
		CaseQueries.scope(me, where, p);
		Map<String, String> departments = users.departmentNames();
		return jdbc.sql("""
				select w.department_code, count(*) as whistles, count(w.signed_at) as signed,
				       count(*) filter (where coalesce(w.signed_at, now()) > w.sign_deadline) as late,
				       (avg(extract(epoch from (w.signed_at - w.blown_at)) / 60))::float8 as mean_sign,
				       count(w.arrived_at) as arrived,
				       (avg(extract(epoch from (w.arrived_at - w.blown_at)) / 60))::float8 as mean_arrival
				  from cases.whistle w join cases.case_record r on r.id = w.case_id
				""" + where + " group by w.department_code order by mean_sign nulls last, w.department_code")
			.params(p)
			.query((rs, n) -> new DepartmentResponse(rs.getString(1),
					departments.getOrDefault(rs.getString(1), rs.getString(1)), rs.getLong(2), rs.getLong(3),
					rs.getLong(4), rs.getObject(5, Double.class), rs.getLong(6),
					rs.getObject(7, Double.class)))
			.list();
	}

	/** Whether the user may see the case (its page, its photos). */
	public boolean sees(GongzhiUser me, String caseNo) {
		return cases.find(caseNo).filter(c -> queries.sees(me, c)).isPresent();
	}

}
