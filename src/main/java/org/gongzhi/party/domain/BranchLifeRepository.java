package org.gongzhi.party.domain;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.party.MeetingCmd;
import org.gongzhi.party.MeetingKind;
import org.gongzhi.party.MeetingView;
import org.gongzhi.party.RatingResultView;
import org.gongzhi.party.RatingSheet;
import org.gongzhi.party.RatingSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The branch-life and star-rating tables of the party schema (meetings, absences, criteria, scores, results)
 * through hand-written SQL.
 */
@Repository
class BranchLifeRepository {

	/** A branch or general branch that holds branch life: since is the day its cadence is counted from. */
	record BranchRow(long id, String name, String areaCode, LocalDate since, boolean hasGroups) {
	}

	record ResultRow(long organisationId, Integer adjustedStars, String adjustReason, BigDecimal total,
			Integer suggestedStars, Integer stars) {
	}

	private static final String MEETING_SELECT = """
			select m.id, m.organisation_id, o.name as org_name, o.area_code, m.kind, m.held_on, m.place, m.topic,
			       m.expected, m.present, m.minutes, m.recorded_by, m.created_at
			from party.meeting m join party.organisation o on o.id = m.organisation_id
			""";

	private final JdbcClient jdbc;

	BranchLifeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// meetings

	long insertMeeting(MeetingCmd cmd, String recordedBy, Long userId) {
		long id = jdbc.sql("""
				insert into party.meeting (organisation_id, kind, held_on, place, topic, expected, present, minutes,
				                           recorded_by, recorded_by_user)
				values (:org, :kind, :day, :place, :topic, :expected, :present, :minutes, :by, :user) returning id
				""").param("org", cmd.organisationId()).param("kind", cmd.kind().name())
			.param("day", Date.valueOf(cmd.heldOn())).param("place", blank(cmd.place()))
			.param("topic", cmd.topic().strip()).param("expected", cmd.expected()).param("present", cmd.present())
			.param("minutes", blank(cmd.minutes())).param("by", recordedBy).param("user", userId)
			.query(Long.class).single();
		insertAbsences(id, cmd);
		return id;
	}

	void updateMeeting(long id, MeetingCmd cmd) {
		jdbc.sql("""
				update party.meeting set organisation_id = :org, kind = :kind, held_on = :day, place = :place,
				       topic = :topic, expected = :expected, present = :present, minutes = :minutes,
				       version = version + 1 where id = :id
				""").param("org", cmd.organisationId()).param("kind", cmd.kind().name())
			.param("day", Date.valueOf(cmd.heldOn())).param("place", blank(cmd.place()))
			.param("topic", cmd.topic().strip()).param("expected", cmd.expected()).param("present", cmd.present())
			.param("minutes", blank(cmd.minutes())).param("id", id).update();
		jdbc.sql("delete from party.meeting_absence where meeting_id = :id").param("id", id).update();
		insertAbsences(id, cmd);
	}

	private void insertAbsences(long id, MeetingCmd cmd) {
		if (cmd.absentees() == null) {
			return;
		}
		for (MeetingCmd.Absentee a : cmd.absentees()) {
			jdbc.sql("insert into party.meeting_absence (meeting_id, name, reason) values (:m, :name, :reason)")
				.param("m", id).param("name", a.name().strip()).param("reason", blank(a.reason())).update();
		}
	}

	void deleteMeeting(long id) {
		jdbc.sql("delete from party.meeting where id = :id").param("id", id).update();
	}

	Optional<MeetingView> meeting(long id) {
		return jdbc.sql(MEETING_SELECT + " where m.id = :id").param("id", id).query((rs, n) -> meeting(rs)).optional()
			.map(m -> withAbsentees(List.of(m)).get(0));
	}

	/** Meetings of organisations in the area prefix, newest first, optionally of one organisation, kind and days. */
	List<MeetingView> meetings(String prefix, Long org, MeetingKind kind, LocalDate from, LocalDate to, int offset,
			int limit) {
		return withAbsentees(jdbc.sql(MEETING_SELECT + " where " + filter(org, kind, from, to)
				+ " order by m.held_on desc, m.id desc offset :offset limit :limit")
			.params(filterParams(prefix, org, kind, from, to)).param("offset", offset).param("limit", limit)
			.query((rs, n) -> meeting(rs)).list());
	}

	long countMeetings(String prefix, Long org, MeetingKind kind, LocalDate from, LocalDate to) {
		return jdbc.sql("select count(*) from party.meeting m join party.organisation o on o.id = m.organisation_id where "
				+ filter(org, kind, from, to)).params(filterParams(prefix, org, kind, from, to)).query(Long.class).single();
	}

	private static String filter(Long org, MeetingKind kind, LocalDate from, LocalDate to) {
		return "o.area_code like :prefix" + (org != null ? " and m.organisation_id = :org" : "")
				+ (kind != null ? " and m.kind = :kind" : "") + (from != null ? " and m.held_on >= :from" : "")
				+ (to != null ? " and m.held_on <= :to" : "");
	}

	private static Map<String, Object> filterParams(String prefix, Long org, MeetingKind kind, LocalDate from,
			LocalDate to) {
		Map<String, Object> p = new HashMap<>();
		p.put("prefix", prefix);
		if (org != null) {
			p.put("org", org);
		}
		if (kind != null) {
			p.put("kind", kind.name());
		}
		if (from != null) {
			p.put("from", Date.valueOf(from));
		}
		if (to != null) {
			p.put("to", Date.valueOf(to));
		}
		return p;
	}

	private List<MeetingView> withAbsentees(List<MeetingView> meetings) {
		if (meetings.isEmpty()) {
			return meetings;
		}
		Map<Long, List<MeetingCmd.Absentee>> byMeeting = new HashMap<>();
		jdbc.sql("select meeting_id, name, reason from party.meeting_absence where meeting_id in (:ids) order by id")
			.param("ids", meetings.stream().map(MeetingView::id).toList())
			.query((rs, n) -> byMeeting.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new MeetingCmd.Absentee(rs.getString(2), rs.getString(3))))
			.list();
		return meetings.stream().map(m -> new MeetingView(m.id(), m.organisationId(), m.organisationName(),
				m.areaCode(), m.kind(), m.heldOn(), m.place(), m.topic(), m.expected(), m.present(),
				List.copyOf(byMeeting.getOrDefault(m.id(), List.of())), m.minutes(), m.recordedBy(), m.recordedAt()))
			.toList();
	}

	private static MeetingView meeting(ResultSet rs) throws SQLException {
		Timestamp at = rs.getTimestamp("created_at");
		return new MeetingView(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("org_name"),
				rs.getString("area_code"), MeetingKind.valueOf(rs.getString("kind")),
				rs.getDate("held_on").toLocalDate(), rs.getString("place"), rs.getString("topic"),
				rs.getInt("expected"), rs.getInt("present"), List.of(), rs.getString("minutes"),
				rs.getString("recorded_by"), at == null ? null : at.toInstant());
	}

	/** Meetings (kind and day) of each branch in the area prefix on or after the day. */
	Map<Long, List<CadenceRules.Held>> held(String prefix, LocalDate from) {
		Map<Long, List<CadenceRules.Held>> held = new HashMap<>();
		jdbc.sql("""
				select m.organisation_id, m.kind, m.held_on from party.meeting m
				join party.organisation o on o.id = m.organisation_id
				where o.area_code like :prefix and m.held_on >= :from
				""").param("prefix", prefix).param("from", Date.valueOf(from))
			.query((rs, n) -> held.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new CadenceRules.Held(MeetingKind.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate())))
			.list();
		return held;
	}

	boolean anyMeeting() {
		return jdbc.sql("select exists (select 1 from party.meeting)").query(Boolean.class).single();
	}

	// branches

	/** Branches and general branches in the area prefix, by area and name. */
	List<BranchRow> branches(String prefix) {
		return jdbc.sql("""
				select o.id, o.name, o.area_code, least(coalesce(o.term_start, o.created_at::date), o.created_at::date) as since,
				       exists (select 1 from party.organisation g where g.parent_id = o.id and g.kind = 'GROUP') as groups
				from party.organisation o
				where o.kind in ('BRANCH','GENERAL_BRANCH') and o.area_code like :prefix
				order by o.area_code, o.name, o.id
				""").param("prefix", prefix)
			.query((rs, n) -> new BranchRow(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getDate(4).toLocalDate(), rs.getBoolean(5)))
			.list();
	}

	Optional<BranchRow> branch(long id) {
		return jdbc.sql("""
				select o.id, o.name, o.area_code, least(coalesce(o.term_start, o.created_at::date), o.created_at::date) as since,
				       exists (select 1 from party.organisation g where g.parent_id = o.id and g.kind = 'GROUP') as groups
				from party.organisation o where o.id = :id and o.kind in ('BRANCH','GENERAL_BRANCH')
				""").param("id", id)
			.query((rs, n) -> new BranchRow(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getDate(4).toLocalDate(), rs.getBoolean(5)))
			.optional();
	}

	// rating

	List<RatingSheet.Criterion> criteria(int year) {
		return jdbc.sql("select id, code, name, weight, source from party.rating_criterion where year = :y order by sort, id")
			.param("y", year)
			.query((rs, n) -> new RatingSheet.Criterion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					RatingSource.valueOf(rs.getString(5))))
			.list();
	}

	void insertCriterion(int year, String code, String name, int weight, RatingSource source, int sort) {
		jdbc.sql("""
				insert into party.rating_criterion (year, code, name, weight, source, sort)
				values (:y, :code, :name, :weight, :source, :sort) on conflict (year, code) do nothing
				""").param("y", year).param("code", code).param("name", name).param("weight", weight)
			.param("source", source.name()).param("sort", sort).update();
	}

	void updateCriterion(long id, String name, int weight, int sort) {
		jdbc.sql("update party.rating_criterion set name = :name, weight = :weight, sort = :sort where id = :id")
			.param("name", name).param("weight", weight).param("sort", sort).param("id", id).update();
	}

	void deleteCriterion(long id) {
		jdbc.sql("delete from party.rating_criterion where id = :id").param("id", id).update();
	}

	/** Entered scores of the year: organisation id to criterion code to score. */
	Map<Long, Map<String, BigDecimal>> scores(int year) {
		Map<Long, Map<String, BigDecimal>> scores = new HashMap<>();
		jdbc.sql("""
				select s.organisation_id, c.code, s.score from party.rating_score s
				join party.rating_criterion c on c.id = s.criterion_id where c.year = :y
				""").param("y", year)
			.query((rs, n) -> scores.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
				.put(rs.getString(2), rs.getBigDecimal(3)))
			.list();
		return scores;
	}

	void putScore(long criterionId, long org, BigDecimal score, String by) {
		jdbc.sql("""
				insert into party.rating_score (criterion_id, organisation_id, score, entered_by) values (:c, :o, :s, :by)
				on conflict (criterion_id, organisation_id) do update set score = excluded.score,
				       entered_by = excluded.entered_by, entered_at = now()
				""").param("c", criterionId).param("o", org).param("s", score).param("by", by).update();
	}

	void removeScore(long criterionId, long org) {
		jdbc.sql("delete from party.rating_score where criterion_id = :c and organisation_id = :o")
			.param("c", criterionId).param("o", org).update();
	}

	Map<Long, ResultRow> results(int year) {
		Map<Long, ResultRow> results = new HashMap<>();
		jdbc.sql("""
				select organisation_id, adjusted_stars, adjust_reason, total, suggested_stars, stars
				from party.rating_result where year = :y
				""").param("y", year)
			.query((rs, n) -> results.put(rs.getLong(1), new ResultRow(rs.getLong(1), integer(rs, 2), rs.getString(3),
					rs.getBigDecimal(4), integer(rs, 5), integer(rs, 6))))
			.list();
		return results;
	}

	void adjust(int year, long org, Integer stars, String reason) {
		jdbc.sql("""
				insert into party.rating_result (year, organisation_id, adjusted_stars, adjust_reason)
				values (:y, :o, :stars, :reason) on conflict (year, organisation_id) do update
				set adjusted_stars = excluded.adjusted_stars, adjust_reason = excluded.adjust_reason
				""").param("y", year).param("o", org).param("stars", stars).param("reason", reason).update();
	}

	void freeze(int year, long org, BigDecimal total, int suggested, int stars) {
		jdbc.sql("""
				insert into party.rating_result (year, organisation_id, total, suggested_stars, stars)
				values (:y, :o, :total, :suggested, :stars) on conflict (year, organisation_id) do update
				set total = excluded.total, suggested_stars = excluded.suggested_stars, stars = excluded.stars
				""").param("y", year).param("o", org).param("total", total).param("suggested", suggested)
			.param("stars", stars).update();
	}

	/** When and by whom the year was finalised, or nothing while it is open. */
	Optional<Object[]> finalised(int year) {
		return jdbc.sql("select finalised_at, finalised_by from party.rating_year where year = :y and finalised_at is not null")
			.param("y", year).query((rs, n) -> new Object[] { rs.getTimestamp(1).toInstant(), rs.getString(2) })
			.optional();
	}

	/** Marks the year finalised; false when another rater finalised it first. */
	boolean finalise(int year, String by, Instant at) {
		return jdbc.sql("""
				insert into party.rating_year (year, finalised_at, finalised_by) values (:y, :at, :by)
				on conflict (year) do update set finalised_at = excluded.finalised_at, finalised_by = excluded.finalised_by
				where party.rating_year.finalised_at is null
				""").param("y", year).param("at", Timestamp.from(at)).param("by", by).update() > 0;
	}

	/** Locks the year's row so that concurrent raters of one year take turns. */
	void lockYear(int year) {
		jdbc.sql("insert into party.rating_year (year) values (:y) on conflict (year) do nothing").param("y", year).update();
		jdbc.sql("select year from party.rating_year where year = :y for update").param("y", year).query(Integer.class)
			.single();
	}

	List<RatingResultView> history(String prefix, Long org, Integer year, int offset, int limit) {
		return jdbc.sql("""
				select r.year, r.organisation_id, o.name, r.total, r.suggested_stars, r.stars, r.adjust_reason
				from party.rating_result r join party.organisation o on o.id = r.organisation_id
				join party.rating_year y on y.year = r.year and y.finalised_at is not null
				where o.area_code like :prefix and r.stars is not null
				""" + (org != null ? " and r.organisation_id = :org" : "") + (year != null ? " and r.year = :year" : "")
				+ " order by r.year desc, r.stars desc, r.total desc, o.name offset :offset limit :limit")
			.params(historyParams(prefix, org, year)).param("offset", offset).param("limit", limit)
			.query((rs, n) -> new RatingResultView(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
					rs.getInt(5), rs.getInt(6), rs.getString(7)))
			.list();
	}

	long countHistory(String prefix, Long org, Integer year) {
		return jdbc.sql("""
				select count(*) from party.rating_result r join party.organisation o on o.id = r.organisation_id
				join party.rating_year y on y.year = r.year and y.finalised_at is not null
				where o.area_code like :prefix and r.stars is not null
				""" + (org != null ? " and r.organisation_id = :org" : "") + (year != null ? " and r.year = :year" : ""))
			.params(historyParams(prefix, org, year)).query(Long.class).single();
	}

	private static Map<String, Object> historyParams(String prefix, Long org, Integer year) {
		Map<String, Object> p = new HashMap<>();
		p.put("prefix", prefix);
		if (org != null) {
			p.put("org", org);
		}
		if (year != null) {
			p.put("year", year);
		}
		return p;
	}

	private static Integer integer(ResultSet rs, int column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
