package org.gongzhi.party.domain;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gongzhi.party.CommitteePost;
import org.gongzhi.party.MemberCmd;
import org.gongzhi.party.MemberStatus;
import org.gongzhi.party.OrgKind;
import org.gongzhi.party.OrganisationCmd;
import org.gongzhi.party.OrganisationView.CommitteeSeat;
import org.gongzhi.party.OrganisationView.MemberUnit;
import org.gongzhi.party.PostCmd;
import org.gongzhi.party.PostKind;
import org.gongzhi.party.PostView;
import org.gongzhi.shared.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The party schema's tables through hand-written SQL; rows come back as the package's row records, which the services
 * turn into views with area names and today's report status.
 */
@Repository
class PartyRepository {

	record OrgRow(long id, Long parentId, OrgKind kind, String name, String areaCode, LocalDate termStart,
			LocalDate termEnd, long memberCount) {
	}

	record MemberRow(long id, long organisationId, String organisationName, String organisationArea, String name,
			LocalDate joinDate, MemberStatus status, boolean inService, String employerUnit, String residenceAddress,
			String residenceAreaCode, String phoneMasked, Long userId, String badgePost, String badgePromise,
			String reportStatus, LocalDate reportExpiresOn, String reportCommunity) {
	}

	record ReportRow(long id, long memberId, String memberName, String employerUnit, String organisationName,
			String organisationArea, String residenceAreaCode, String communityCode, String status,
			Instant reportedAt, Instant reviewedAt, String reason, LocalDate expiresOn) {
	}

	record PostRow(long id, String communityCode, PostKind kind, String title, String skills, int headcount,
			String description, boolean open) {
	}

	record RecordRow(long id, long claimId, long postId, String postTitle, String communityCode, long memberId,
			String memberName, Long memberUserId, LocalDate servedOn, BigDecimal hours, String what, String status) {
	}

	record ClaimRow(long id, long postId, long memberId, String memberName, Long memberUserId, String communityCode) {
	}

	private static final String MEMBER_SELECT = """
			select m.id, m.organisation_id, o.name as org_name, o.area_code as org_area, m.name, m.join_date, m.status,
			       m.in_service, m.employer_unit, m.residence_address, m.residence_area_code, m.phone_masked, m.user_id,
			       m.badge_post, m.badge_promise, r.status as r_status, r.expires_on as r_expires,
			       r.community_code as r_community
			from party.member m
			join party.organisation o on o.id = m.organisation_id
			left join lateral (select d.status, d.expires_on, d.community_code from party.dual_report d
			                   where d.member_id = m.id order by d.reported_at desc, d.id desc limit 1) r on true
			""";

	private static final String REPORT_SELECT = """
			select d.id, d.member_id, m.name as member_name, m.employer_unit, o.name as org_name, o.area_code as org_area,
			       m.residence_area_code, d.community_code, d.status, d.reported_at, d.reviewed_at, d.reason, d.expires_on
			from party.dual_report d
			join party.member m on m.id = d.member_id
			join party.organisation o on o.id = m.organisation_id
			""";

	private static final String RECORD_SELECT = """
			select s.id, s.claim_id, p.id as post_id, p.title, p.community_code, m.id as member_id, m.name as member_name,
			       m.user_id, s.served_on, s.hours, s.what, s.status
			from party.service_record s
			join party.post_claim c on c.id = s.claim_id
			join party.service_post p on p.id = c.post_id
			join party.member m on m.id = c.member_id
			""";

	private final JdbcClient jdbc;

	PartyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// organisations

	long insertOrganisation(OrganisationCmd cmd) {
		long id = jdbc.sql("""
				insert into party.organisation (parent_id, kind, name, area_code, term_start, term_end)
				values (:parent, :kind, :name, :area, :start, :end) returning id
				""").param("parent", cmd.parentId()).param("kind", cmd.kind().name()).param("name", cmd.name().strip())
			.param("area", cmd.areaCode()).param("start", date(cmd.termStart())).param("end", date(cmd.termEnd()))
			.query(Long.class).single();
		replaceCommittee(id, cmd);
		return id;
	}

	boolean updateOrganisation(long id, OrganisationCmd cmd) {
		int n = jdbc.sql("""
				update party.organisation set parent_id = :parent, kind = :kind, name = :name, area_code = :area,
				       term_start = :start, term_end = :end, version = version + 1 where id = :id
				""").param("parent", cmd.parentId()).param("kind", cmd.kind().name()).param("name", cmd.name().strip())
			.param("area", cmd.areaCode()).param("start", date(cmd.termStart())).param("end", date(cmd.termEnd()))
			.param("id", id).update();
		if (n == 0) {
			return false;
		}
		replaceCommittee(id, cmd);
		return true;
	}

	private void replaceCommittee(long id, OrganisationCmd cmd) {
		if (cmd.committee() != null) {
			jdbc.sql("delete from party.committee_member where organisation_id = :id").param("id", id).update();
			int sort = 0;
			for (OrganisationCmd.Seat seat : cmd.committee()) {
				jdbc.sql("""
						insert into party.committee_member (organisation_id, post, name, unit_name, sort)
						values (:org, :post, :name, :unit, :sort)
						""").param("org", id).param("post", seat.post().name()).param("name", seat.name().strip())
					.param("unit", blank(seat.unitName())).param("sort", sort++).update();
			}
		}
		if (cmd.memberUnits() != null) {
			jdbc.sql("delete from party.member_unit where organisation_id = :id").param("id", id).update();
			for (OrganisationCmd.Unit unit : cmd.memberUnits()) {
				jdbc.sql("insert into party.member_unit (organisation_id, name, unit_kind) values (:org, :name, :kind)")
					.param("org", id).param("name", unit.name().strip()).param("kind", unit.unitKind().strip()).update();
			}
		}
	}

	/** Organisations whose area lies under the pattern, parents before children. */
	List<OrgRow> organisations(String areaPattern) {
		return jdbc.sql("""
				select o.id, o.parent_id, o.kind, o.name, o.area_code, o.term_start, o.term_end,
				       (select count(*) from party.member m where m.organisation_id = o.id) as members
				from party.organisation o where o.area_code like :p order by length(o.area_code), o.area_code, o.id
				""").param("p", areaPattern).query(PartyRepository::org).list();
	}

	Optional<OrgRow> organisation(long id) {
		return jdbc.sql("""
				select o.id, o.parent_id, o.kind, o.name, o.area_code, o.term_start, o.term_end,
				       (select count(*) from party.member m where m.organisation_id = o.id) as members
				from party.organisation o where o.id = :id
				""").param("id", id).query(PartyRepository::org).optional();
	}

	/** The ids of the organisation and every organisation below it. */
	List<Long> subtree(long id) {
		return jdbc.sql("""
				with recursive t(id) as (select :id::bigint union all
				  select o.id from party.organisation o join t on o.parent_id = t.id)
				select id from t
				""").param("id", id).query(Long.class).list();
	}

	List<CommitteeSeat> committee(long orgId) {
		return jdbc.sql("select id, post, name, unit_name from party.committee_member where organisation_id = :id order by sort, id")
			.param("id", orgId)
			.query((rs, n) -> new CommitteeSeat(rs.getLong("id"), CommitteePost.valueOf(rs.getString("post")),
					rs.getString("name"), rs.getString("unit_name")))
			.list();
	}

	List<MemberUnit> memberUnits(long orgId) {
		return jdbc.sql("select id, name, unit_kind from party.member_unit where organisation_id = :id order by id")
			.param("id", orgId)
			.query((rs, n) -> new MemberUnit(rs.getLong("id"), rs.getString("name"), rs.getString("unit_kind")))
			.list();
	}

	List<String> organisationAreas(String areaPattern) {
		return jdbc.sql("select distinct area_code from party.organisation where area_code like :p")
			.param("p", areaPattern).query(String.class).list();
	}

	boolean anyOrganisation() {
		return jdbc.sql("select exists (select 1 from party.organisation)").query(Boolean.class).single();
	}

	// members

	long insertMember(MemberCmd cmd) {
		return jdbc.sql("""
				insert into party.member (organisation_id, name, join_date, status, in_service, employer_unit,
				       residence_address, residence_area_code, phone_masked, user_id, badge_post, badge_promise)
				values (:org, :name, :join, :status, :inService, :employer, :address, :area, :phone, :user, :post, :promise)
				returning id
				""").params(memberParams(cmd)).query(Long.class).single();
	}

	boolean updateMember(long id, MemberCmd cmd) {
		java.util.Map<String, Object> params = memberParams(cmd);
		params.put("id", id);
		return jdbc.sql("""
				update party.member set organisation_id = :org, name = :name, join_date = :join, status = :status,
				       in_service = :inService, employer_unit = :employer, residence_address = :address,
				       residence_area_code = :area, phone_masked = coalesce(:phone, phone_masked), user_id = :user,
				       badge_post = :post, badge_promise = :promise, version = version + 1
				where id = :id
				""").params(params).update() > 0;
	}

	private static java.util.Map<String, Object> memberParams(MemberCmd cmd) {
		java.util.Map<String, Object> p = new java.util.HashMap<>();
		p.put("org", cmd.organisationId());
		p.put("name", cmd.name().strip());
		p.put("join", date(cmd.joinDate()));
		p.put("status", cmd.status().name());
		p.put("inService", cmd.inService());
		p.put("employer", blank(cmd.employerUnit()));
		p.put("address", blank(cmd.residenceAddress()));
		p.put("area", blank(cmd.residenceAreaCode()));
		String phone = blank(cmd.phone());
		p.put("phone", phone == null ? null : phone.contains("*") ? phone : Masking.phone(phone));
		p.put("user", cmd.userId());
		p.put("post", blank(cmd.badgePost()));
		p.put("promise", blank(cmd.badgePromise()));
		return p;
	}

	/** Members whose organisation or residence lies under the pattern, filtered by a name fragment. */
	List<MemberRow> members(String areaPattern, String q, Long organisationId, int offset, int limit) {
		return jdbc.sql(MEMBER_SELECT + """
				where (o.area_code like :p or m.residence_area_code like :p)
				  and (:q = '' or m.name like '%' || :q || '%' or m.employer_unit like '%' || :q || '%')
				  and (:org::bigint is null or m.organisation_id = :org)
				order by m.name, m.id offset :offset limit :limit
				""").param("p", areaPattern).param("q", q == null ? "" : q.strip()).param("org", organisationId)
			.param("offset", offset).param("limit", limit).query(PartyRepository::member).list();
	}

	long countMembers(String areaPattern, String q, Long organisationId) {
		return jdbc.sql("""
				select count(*) from party.member m join party.organisation o on o.id = m.organisation_id
				where (o.area_code like :p or m.residence_area_code like :p)
				  and (:q = '' or m.name like '%' || :q || '%' or m.employer_unit like '%' || :q || '%')
				  and (:org::bigint is null or m.organisation_id = :org)
				""").param("p", areaPattern).param("q", q == null ? "" : q.strip()).param("org", organisationId)
			.query(Long.class).single();
	}

	Optional<MemberRow> member(long id) {
		return jdbc.sql(MEMBER_SELECT + " where m.id = :id").param("id", id).query(PartyRepository::member).optional();
	}

	Optional<MemberRow> memberOfUser(long userId) {
		return jdbc.sql(MEMBER_SELECT + " where m.user_id = :id").param("id", userId).query(PartyRepository::member)
			.optional();
	}

	/** In-service members of these organisations, with their latest report. */
	List<MemberRow> inServiceMembers(List<Long> organisationIds) {
		return jdbc.sql(MEMBER_SELECT + " where m.in_service and m.organisation_id in (:ids) order by o.name, m.name")
			.param("ids", organisationIds).query(PartyRepository::member).list();
	}

	/** Members with a badge whose residence or organisation lies under the pattern. */
	List<MemberRow> badges(String areaPattern) {
		return jdbc.sql(MEMBER_SELECT + """
				where (m.badge_post is not null or m.badge_promise is not null)
				  and (m.residence_area_code like :p or o.area_code like :p)
				order by m.residence_area_code nulls last, m.name limit 500
				""").param("p", areaPattern).query(PartyRepository::member).list();
	}

	// 双报到

	long insertReport(long memberId, String community, String status, Instant reportedAt, Instant reviewedAt,
			Long reviewedBy, String reason, LocalDate expiresOn) {
		return jdbc.sql("""
				insert into party.dual_report (member_id, community_code, status, reported_at, reviewed_at, reviewed_by,
				       reason, expires_on)
				values (:member, :community, :status, :at, :reviewedAt, :by, :reason, :expires) returning id
				""").param("member", memberId).param("community", community).param("status", status)
			.param("at", Timestamp.from(reportedAt)).param("reviewedAt", ts(reviewedAt)).param("by", reviewedBy)
			.param("reason", reason).param("expires", date(expiresOn)).query(Long.class).single();
	}

	Optional<ReportRow> reportForUpdate(long id) {
		return jdbc.sql(REPORT_SELECT + " where d.id = :id for update of d").param("id", id)
			.query(PartyRepository::report).optional();
	}

	int review(long id, String status, Instant at, long by, String reason, LocalDate expiresOn) {
		return jdbc.sql("""
				update party.dual_report set status = :status, reviewed_at = :at, reviewed_by = :by, reason = :reason,
				       expires_on = :expires where id = :id and status = 'PENDING'
				""").param("status", status).param("at", Timestamp.from(at)).param("by", by).param("reason", reason)
			.param("expires", date(expiresOn)).param("id", id).update();
	}

	boolean hasPending(long memberId) {
		return jdbc.sql("select exists (select 1 from party.dual_report where member_id = :m and status = 'PENDING')")
			.param("m", memberId).query(Boolean.class).single();
	}

	/** Reports to communities under the pattern, optionally of one stored status, pending first then newest. */
	List<ReportRow> reports(String communityPattern, String status, int limit) {
		return jdbc.sql(REPORT_SELECT + """
				where d.community_code like :p and (:status = '' or d.status = :status)
				order by (d.status = 'PENDING') desc, d.reported_at desc, d.id desc limit :limit
				""").param("p", communityPattern).param("status", status == null ? "" : status).param("limit", limit)
			.query(PartyRepository::report).list();
	}

	List<ReportRow> reportsOf(long memberId) {
		return jdbc.sql(REPORT_SELECT + " where d.member_id = :m order by d.reported_at desc, d.id desc")
			.param("m", memberId).query(PartyRepository::report).list();
	}

	/** Whether the member holds an accepted report to the community valid on the day. */
	boolean reportedTo(long memberId, String community, LocalDate on) {
		return jdbc.sql("""
				select exists (select 1 from party.dual_report where member_id = :m and community_code = :c
				               and status = 'ACCEPTED' and expires_on >= :on)
				""").param("m", memberId).param("c", community).param("on", date(on)).query(Boolean.class).single();
	}

	/** Communities the member is validly reported to on the day. */
	List<String> reportedCommunities(long memberId, LocalDate on) {
		return jdbc.sql("""
				select distinct community_code from party.dual_report where member_id = :m and status = 'ACCEPTED'
				and expires_on >= :on
				""").param("m", memberId).param("on", date(on)).query(String.class).list();
	}

	/** The valid accepted report of the member to the community on the day with the latest end, if any. */
	Optional<LocalDate> validUntil(long memberId, LocalDate on) {
		return jdbc.sql("""
				select max(expires_on) from party.dual_report where member_id = :m and status = 'ACCEPTED'
				and expires_on >= :on
				""").param("m", memberId).param("on", date(on)).query((rs, n) -> localDate(rs, 1)).optional()
			.filter(d -> d != null);
	}

	/** Members validly reported to the community who hold no post of it. */
	List<MemberRow> reportedWithoutPost(String community, LocalDate on) {
		return jdbc.sql(MEMBER_SELECT + """
				where exists (select 1 from party.dual_report d where d.member_id = m.id and d.community_code = :c
				              and d.status = 'ACCEPTED' and d.expires_on >= :on)
				  and not exists (select 1 from party.post_claim c join party.service_post p on p.id = c.post_id
				                  where c.member_id = m.id and p.community_code = :c)
				order by m.name
				""").param("c", community).param("on", date(on)).query(PartyRepository::member).list();
	}

	// posts

	long insertPost(PostCmd cmd) {
		return jdbc.sql("""
				insert into party.service_post (community_code, kind, title, skills, headcount, description)
				values (:c, :kind, :title, :skills, :headcount, :description) returning id
				""").param("c", cmd.communityCode()).param("kind", cmd.kind().name()).param("title", cmd.title().strip())
			.param("skills", blank(cmd.skills())).param("headcount", cmd.headcount())
			.param("description", blank(cmd.description())).query(Long.class).single();
	}

	Optional<PostRow> postForUpdate(long id) {
		return jdbc.sql("""
				select id, community_code, kind, title, skills, headcount, description, open
				from party.service_post where id = :id for update
				""").param("id", id).query(PartyRepository::post).optional();
	}

	List<PostRow> posts(List<String> communityPatterns) {
		if (communityPatterns.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id, community_code, kind, title, skills, headcount, description, open
				from party.service_post where community_code like any (:p::text[]) order by community_code, kind, id
				""").param("p", communityPatterns.toArray(String[]::new)).query(PartyRepository::post).list();
	}

	List<PostView.Claim> claimsOf(long postId) {
		return jdbc.sql("""
				select c.id, c.member_id, m.name from party.post_claim c join party.member m on m.id = c.member_id
				where c.post_id = :p order by c.claimed_at, c.id
				""").param("p", postId)
			.query((rs, n) -> new PostView.Claim(rs.getLong("id"), rs.getLong("member_id"), rs.getString("name")))
			.list();
	}

	boolean claimed(long postId, long memberId) {
		return jdbc.sql("select exists (select 1 from party.post_claim where post_id = :p and member_id = :m)")
			.param("p", postId).param("m", memberId).query(Boolean.class).single();
	}

	long insertClaim(long postId, long memberId) {
		return jdbc.sql("insert into party.post_claim (post_id, member_id) values (:p, :m) returning id")
			.param("p", postId).param("m", memberId).query(Long.class).single();
	}

	Optional<ClaimRow> claim(long id) {
		return jdbc.sql("""
				select c.id, c.post_id, c.member_id, m.name, m.user_id, p.community_code
				from party.post_claim c join party.member m on m.id = c.member_id
				join party.service_post p on p.id = c.post_id where c.id = :id
				""").param("id", id)
			.query((rs, n) -> new ClaimRow(rs.getLong("id"), rs.getLong("post_id"), rs.getLong("member_id"),
					rs.getString("name"), (Long) rs.getObject("user_id"), rs.getString("community_code")))
			.optional();
	}

	// service records

	long insertRecord(long claimId, LocalDate servedOn, BigDecimal hours, String what, String status, Long by,
			Instant at) {
		return jdbc.sql("""
				insert into party.service_record (claim_id, served_on, hours, what, status, confirmed_by, confirmed_at)
				values (:claim, :on, :hours, :what, :status, :by, :at) returning id
				""").param("claim", claimId).param("on", date(servedOn)).param("hours", hours).param("what", what.strip())
			.param("status", status).param("by", by).param("at", ts(at)).query(Long.class).single();
	}

	Optional<RecordRow> record(long id) {
		return jdbc.sql(RECORD_SELECT + " where s.id = :id").param("id", id).query(PartyRepository::record).optional();
	}

	int confirm(long id, String status, long by, Instant at) {
		return jdbc.sql("""
				update party.service_record set status = :status, confirmed_by = :by, confirmed_at = :at
				where id = :id and status = 'PENDING'
				""").param("status", status).param("by", by).param("at", Timestamp.from(at)).param("id", id).update();
	}

	List<RecordRow> records(String communityPattern, Long memberId, String status, int limit) {
		return jdbc.sql(RECORD_SELECT + """
				where p.community_code like :p and (:m::bigint is null or m.id = :m)
				  and (:status = '' or s.status = :status)
				order by (s.status = 'PENDING') desc, s.served_on desc, s.id desc limit :limit
				""").param("p", communityPattern).param("m", memberId).param("status", status == null ? "" : status)
			.param("limit", limit).query(PartyRepository::record).list();
	}

	// rows

	private static OrgRow org(ResultSet rs, int n) throws SQLException {
		return new OrgRow(rs.getLong("id"), (Long) rs.getObject("parent_id"), OrgKind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getString("area_code"), localDate(rs, "term_start"),
				localDate(rs, "term_end"), rs.getLong("members"));
	}

	private static MemberRow member(ResultSet rs, int n) throws SQLException {
		return new MemberRow(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("org_name"),
				rs.getString("org_area"), rs.getString("name"), localDate(rs, "join_date"),
				MemberStatus.valueOf(rs.getString("status")), rs.getBoolean("in_service"),
				rs.getString("employer_unit"), rs.getString("residence_address"), rs.getString("residence_area_code"),
				rs.getString("phone_masked"), (Long) rs.getObject("user_id"), rs.getString("badge_post"),
				rs.getString("badge_promise"), rs.getString("r_status"), localDate(rs, "r_expires"),
				rs.getString("r_community"));
	}

	private static ReportRow report(ResultSet rs, int n) throws SQLException {
		return new ReportRow(rs.getLong("id"), rs.getLong("member_id"), rs.getString("member_name"),
				rs.getString("employer_unit"), rs.getString("org_name"), rs.getString("org_area"),
				rs.getString("residence_area_code"), rs.getString("community_code"), rs.getString("status"),
				rs.getTimestamp("reported_at").toInstant(), instant(rs.getTimestamp("reviewed_at")),
				rs.getString("reason"), localDate(rs, "expires_on"));
	}

	private static PostRow post(ResultSet rs, int n) throws SQLException {
		return new PostRow(rs.getLong("id"), rs.getString("community_code"), PostKind.valueOf(rs.getString("kind")),
				rs.getString("title"), rs.getString("skills"), rs.getInt("headcount"), rs.getString("description"),
				rs.getBoolean("open"));
	}

	private static RecordRow record(ResultSet rs, int n) throws SQLException {
		return new RecordRow(rs.getLong("id"), rs.getLong("claim_id"), rs.getLong("post_id"), rs.getString("title"),
				rs.getString("community_code"), rs.getLong("member_id"), rs.getString("member_name"),
				(Long) rs.getObject("user_id"), localDate(rs, "served_on"), rs.getBigDecimal("hours"),
				rs.getString("what"), rs.getString("status"));
	}

	private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	private static Date date(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
