package org.gongzhi.party.domain;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads for service cards and the yearly summary: a member's records of a period, hours per member, and the ranked
 * yearly totals, all summed in PostgreSQL.
 */
@Repository
class CardRepository {

	record CardRecord(LocalDate servedOn, String postTitle, String communityCode, BigDecimal hours, String what,
			String status, LocalDate confirmedOn) {
	}

	record Totals(BigDecimal hours, int records, int pending) {
	}

	record SummaryRow(int rank, long memberId, String name, String organisationName, String employerUnit,
			BigDecimal hours, int records, int posts, int months, String reportStatus, LocalDate reportExpires,
			long total) {
	}

	/** The columns the yearly summary may be sorted by, as SQL. */
	static final Map<String, String> SORTS = Map.of("hours", "hours", "records", "records", "months", "months", "posts",
			"posts", "name", "name");

	private final JdbcClient jdbc;

	CardRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every service record of the member served between the days, oldest first. */
	List<CardRecord> records(long memberId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select s.served_on, p.title, p.community_code, s.hours, s.what, s.status, s.confirmed_at
				from party.service_record s
				join party.post_claim c on c.id = s.claim_id
				join party.service_post p on p.id = c.post_id
				where c.member_id = :m and s.served_on between :from and :to
				order by s.served_on, s.id
				""").param("m", memberId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
			.query(CardRepository::cardRecord).list();
	}

	/** The titles of the posts the member holds, with the community code, in claim order. */
	List<String[]> posts(long memberId) {
		return jdbc.sql("""
				select p.title, p.community_code from party.post_claim c join party.service_post p on p.id = c.post_id
				where c.member_id = :m order by c.claimed_at, c.id
				""").param("m", memberId)
			.query((rs, n) -> new String[] { rs.getString("title"), rs.getString("community_code") }).list();
	}

	/** Confirmed hours and records and the pending count per member served between the days. */
	Map<Long, Totals> totals(List<Long> memberIds, LocalDate from, LocalDate to) {
		Map<Long, Totals> totals = new HashMap<>();
		if (memberIds.isEmpty()) {
			return totals;
		}
		jdbc.sql("""
				select c.member_id,
				       coalesce(sum(s.hours) filter (where s.status = 'CONFIRMED'), 0) as hours,
				       count(*) filter (where s.status = 'CONFIRMED') as records,
				       count(*) filter (where s.status = 'PENDING') as pending
				from party.service_record s join party.post_claim c on c.id = s.claim_id
				where c.member_id in (:ids) and s.served_on between :from and :to
				group by c.member_id
				""").param("ids", memberIds).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
			.query((rs, n) -> totals.put(rs.getLong("member_id"),
					new Totals(rs.getBigDecimal("hours"), rs.getInt("records"), rs.getInt("pending"))))
			.list();
		return totals;
	}

	/**
	 * The yearly summary: members in service or with confirmed service in the year, whose organisation, residence
	 * or report community lies under the scope pattern, optionally of some organisations and of one community (by
	 * report or by a post they hold there); ranked by confirmed hours over the whole filtered set.
	 */
	List<SummaryRow> summary(String scopePattern, LocalDate from, LocalDate to, List<Long> organisationIds,
			String community, String sort, boolean descending, int offset, int limit) {
		String column = SORTS.getOrDefault(sort, "hours");
		String direction = descending ? "desc" : "asc";
		String order = column.equals("name") ? "name " + direction + ", id"
				: column + " " + direction + " nulls last, name, id";
		return jdbc.sql("""
				with agg as (
				  select c.member_id, sum(s.hours) as hours, count(*) as records,
				         count(distinct date_trunc('month', s.served_on)) as months
				  from party.service_record s join party.post_claim c on c.id = s.claim_id
				  where s.status = 'CONFIRMED' and s.served_on between :from and :to
				  group by c.member_id
				), held as (
				  select member_id, count(*) as posts from party.post_claim group by member_id
				), base as (
				  select m.id, m.name, o.name as org_name, m.employer_unit, coalesce(a.hours, 0) as hours,
				         coalesce(a.records, 0) as records, coalesce(a.months, 0) as months, coalesce(h.posts, 0) as posts,
				         r.status as r_status, r.expires_on as r_expires
				  from party.member m
				  join party.organisation o on o.id = m.organisation_id
				  left join agg a on a.member_id = m.id
				  left join held h on h.member_id = m.id
				  left join lateral (select d.status, d.expires_on, d.community_code from party.dual_report d
				                     where d.member_id = m.id order by d.reported_at desc, d.id desc limit 1) r on true
				  where (m.in_service or a.member_id is not null)
				    and (o.area_code like :p or m.residence_area_code like :p or r.community_code like :p)
				    and (:allOrgs or m.organisation_id in (:orgs))
				    and (:c = '' or r.community_code = :c or exists (
				          select 1 from party.post_claim pc join party.service_post sp on sp.id = pc.post_id
				          where pc.member_id = m.id and sp.community_code = :c))
				), ranked as (
				  select base.*, rank() over (order by hours desc) as rnk, count(*) over () as total from base
				)
				select * from ranked order by %s offset :offset limit :limit
				""".formatted(order)).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
			.param("p", scopePattern).param("allOrgs", organisationIds == null)
			.param("orgs", organisationIds == null || organisationIds.isEmpty() ? List.of(-1L) : organisationIds)
			.param("c", community == null ? "" : community).param("offset", offset).param("limit", limit)
			.query((rs, n) -> new SummaryRow(rs.getInt("rnk"), rs.getLong("id"), rs.getString("name"),
					rs.getString("org_name"), rs.getString("employer_unit"), rs.getBigDecimal("hours"),
					rs.getInt("records"), rs.getInt("posts"), rs.getInt("months"), rs.getString("r_status"),
					date(rs, "r_expires"), rs.getLong("total")))
			.list();
	}

	/** Organisations under the scope pattern with in-service members of their own. */
	List<Long> employerOrganisations(String scopePattern) {
		return jdbc.sql("""
				select o.id from party.organisation o where o.area_code like :p
				and exists (select 1 from party.member m where m.organisation_id = o.id and m.in_service)
				order by o.name
				""").param("p", scopePattern).query(Long.class).list();
	}

	/** Organisation ids whose committee has a secretary seat held by the given name. */
	List<Long> organisationsWithSecretary(String name) {
		return jdbc.sql("""
				select organisation_id from party.committee_member where post = 'SECRETARY' and name = :name
				""").param("name", name).query(Long.class).list();
	}

	private static CardRecord cardRecord(ResultSet rs, int n) throws SQLException {
		Timestamp confirmed = rs.getTimestamp("confirmed_at");
		return new CardRecord(date(rs, "served_on"), rs.getString("title"), rs.getString("community_code"),
				rs.getBigDecimal("hours"), rs.getString("what"), rs.getString("status"),
				confirmed == null ? null : confirmed.toInstant().atZone(PartyMembers.ZONE).toLocalDate());
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

}
