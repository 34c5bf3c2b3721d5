package org.gongzhi.party.domain;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gongzhi.party.IssueStatus;
import org.gongzhi.party.LeaderContactView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The leaders' contact tables (领导联系社区): assignments, visits and issues, through hand-written SQL.
 */
@Repository
class LeaderContactRepository {

	record AssignmentRow(long id, String communityCode, Long leaderUserId, String leaderName, String leaderPost,
			LocalDate startsOn, LocalDate endsOn, LocalDate lastVisit) {

		boolean activeOn(LocalDate day) {
			return !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
		}

	}

	record IssueRow(long id, long assignmentId, String communityCode, String leaderName, Long leaderUserId,
			String title, String detail, Long caseId, String caseNo, IssueStatus status, String result, LocalDate dueOn,
			LocalDate takenOn, LocalDate closedOn) {
	}

	private static final String ASSIGNMENT_SELECT = """
			select a.id, a.community_code, a.leader_user_id, a.leader_name, a.leader_post, a.starts_on, a.ends_on,
			       (select max(v.visited_on) from party.leader_visit v where v.assignment_id = a.id) as last_visit
			from party.leader_assignment a
			""";

	private static final String ISSUE_SELECT = """
			select i.id, i.assignment_id, a.community_code, a.leader_name, a.leader_user_id, i.title, i.detail, i.case_id,
			       i.case_no, i.status, i.result, i.due_on, i.taken_on, i.closed_on
			from party.leader_issue i join party.leader_assignment a on a.id = i.assignment_id
			""";

	private final JdbcClient jdbc;

	LeaderContactRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertAssignment(String community, Long userId, String name, String post, LocalDate startsOn,
			LocalDate endsOn) {
		return jdbc.sql("""
				insert into party.leader_assignment (community_code, leader_user_id, leader_name, leader_post, starts_on,
				       ends_on)
				values (:c, :user, :name, :post, :starts, :ends) returning id
				""").param("c", community).param("user", userId).param("name", name).param("post", post)
			.param("starts", date(startsOn)).param("ends", date(endsOn)).query(Long.class).single();
	}

	int endAssignment(long id, LocalDate on) {
		return jdbc.sql("""
				update party.leader_assignment set ends_on = :on where id = :id and (ends_on is null or ends_on > :on)
				and starts_on <= :on
				""").param("on", date(on)).param("id", id).update();
	}

	Optional<AssignmentRow> assignment(long id) {
		return jdbc.sql(ASSIGNMENT_SELECT + " where a.id = :id").param("id", id)
			.query(LeaderContactRepository::assignment).optional();
	}

	/** Assignments to communities under the pattern, or of the leader anywhere, current ones first. */
	List<AssignmentRow> assignments(String communityPattern, Long leaderUserId) {
		return jdbc.sql(ASSIGNMENT_SELECT + """
				where a.community_code like :p or (:u::bigint is not null and a.leader_user_id = :u)
				order by a.community_code, (a.ends_on is null or a.ends_on >= current_date) desc, a.starts_on desc, a.id
				""").param("p", communityPattern).param("u", leaderUserId).query(LeaderContactRepository::assignment)
			.list();
	}

	List<AssignmentRow> assignmentsOf(String community) {
		return jdbc.sql(ASSIGNMENT_SELECT + """
				where a.community_code = :c
				order by (a.ends_on is null or a.ends_on >= current_date) desc, a.starts_on desc, a.id
				""").param("c", community).query(LeaderContactRepository::assignment).list();
	}

	boolean activeAssignment(String community, Long userId, String name, LocalDate on) {
		return jdbc.sql("""
				select exists (select 1 from party.leader_assignment where community_code = :c
				  and ((:u::bigint is not null and leader_user_id = :u) or (:u::bigint is null and leader_user_id is null
				       and leader_name = :name))
				  and starts_on <= :on and (ends_on is null or ends_on >= :on))
				""").param("c", community).param("u", userId).param("name", name).param("on", date(on))
			.query(Boolean.class).single();
	}

	boolean anyAssignment() {
		return jdbc.sql("select exists (select 1 from party.leader_assignment)").query(Boolean.class).single();
	}

	long insertVisit(long assignmentId, LocalDate on, String people, String discussed, Long by) {
		return jdbc.sql("""
				insert into party.leader_visit (assignment_id, visited_on, people_met, discussed, created_by)
				values (:a, :on, :people, :discussed, :by) returning id
				""").param("a", assignmentId).param("on", date(on)).param("people", people)
			.param("discussed", discussed).param("by", by).query(Long.class).single();
	}

	List<LeaderContactView.Visit> visits(String community, int limit) {
		return jdbc.sql("""
				select v.id, v.assignment_id, a.leader_name, v.visited_on, v.people_met, v.discussed
				from party.leader_visit v join party.leader_assignment a on a.id = v.assignment_id
				where a.community_code = :c order by v.visited_on desc, v.id desc limit :limit
				""").param("c", community).param("limit", limit)
			.query((rs, n) -> new LeaderContactView.Visit(rs.getLong("id"), rs.getLong("assignment_id"),
					rs.getString("leader_name"), date(rs, "visited_on"), rs.getString("people_met"),
					rs.getString("discussed")))
			.list();
	}

	long insertIssue(long assignmentId, String title, String detail, Long caseId, String caseNo, LocalDate dueOn,
			LocalDate takenOn) {
		return jdbc.sql("""
				insert into party.leader_issue (assignment_id, title, detail, case_id, case_no, due_on, taken_on)
				values (:a, :title, :detail, :caseId, :caseNo, :due, :taken) returning id
				""").param("a", assignmentId).param("title", title).param("detail", detail).param("caseId", caseId)
			.param("caseNo", caseNo).param("due", date(dueOn)).param("taken", date(takenOn)).query(Long.class)
			.single();
	}

	int closeIssue(long id, String result, LocalDate on) {
		return jdbc.sql("""
				update party.leader_issue set status = 'CLOSED', result = :result, closed_on = :on, version = version + 1
				where id = :id and status = 'OPEN'
				""").param("result", result).param("on", date(on)).param("id", id).update();
	}

	Optional<IssueRow> issue(long id) {
		return jdbc.sql(ISSUE_SELECT + " where i.id = :id").param("id", id).query(LeaderContactRepository::issue)
			.optional();
	}

	List<IssueRow> issues(String community) {
		return jdbc.sql(ISSUE_SELECT + """
				where a.community_code = :c
				order by (i.status = 'OPEN') desc, i.due_on nulls last, i.taken_on desc, i.id desc
				""").param("c", community).query(LeaderContactRepository::issue).list();
	}

	/** Open issue counts per community under the pattern: all open, and open past their due day. */
	List<Object[]> openIssueCounts(String communityPattern, LocalDate today) {
		return jdbc.sql("""
				select a.community_code, count(*) as open, count(*) filter (where i.due_on < :today) as late
				from party.leader_issue i join party.leader_assignment a on a.id = i.assignment_id
				where i.status = 'OPEN' and a.community_code like :p group by a.community_code
				""").param("p", communityPattern).param("today", date(today))
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getInt(2), rs.getInt(3) }).list();
	}

	private static AssignmentRow assignment(ResultSet rs, int n) throws SQLException {
		return new AssignmentRow(rs.getLong("id"), rs.getString("community_code"), (Long) rs.getObject("leader_user_id"),
				rs.getString("leader_name"), rs.getString("leader_post"), date(rs, "starts_on"), date(rs, "ends_on"),
				date(rs, "last_visit"));
	}

	private static IssueRow issue(ResultSet rs, int n) throws SQLException {
		return new IssueRow(rs.getLong("id"), rs.getLong("assignment_id"), rs.getString("community_code"),
				rs.getString("leader_name"), (Long) rs.getObject("leader_user_id"), rs.getString("title"),
				rs.getString("detail"), (Long) rs.getObject("case_id"), rs.getString("case_no"),
				IssueStatus.valueOf(rs.getString("status")), rs.getString("result"), date(rs, "due_on"),
				date(rs, "taken_on"), date(rs, "closed_on"));
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static Date date(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

}
