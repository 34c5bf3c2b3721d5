package org.gongzhi.party.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.PartyOverviewView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts for the Party-building overview page, all inside the caller's data scope: members by their organisation or
 * residence, 双报到 and posts by community, service hours by the post's community. A 双报到 counts as active while
 * it is accepted and not past its expiry date.
 */
@Service
public class PartyOverview {

	private final JdbcClient jdbc;

	private final Areas areas;

	private final Organisations organisations;

	PartyOverview(JdbcClient jdbc, Areas areas, Organisations organisations) {
		this.jdbc = jdbc;
		this.areas = areas;
		this.organisations = organisations;
	}

	@Transactional(readOnly = true)
	public PartyOverviewView overview(GongzhiUser me) {
		PartyAccess.requireStaff(me);
		String p = PartyAccess.prefix(me);
		LocalDate today = LocalDate.now(PartyMembers.ZONE);
		LocalDate yearStart = today.withDayOfYear(1);
		Map<String, Object> m = jdbc.sql("""
				select (select count(*) from party.organisation where area_code like :p) as orgs,
				       count(*) as members,
				       count(*) filter (where status = 'PROBATIONARY') as probationary,
				       count(*) filter (where in_service) as in_service,
				       count(*) filter (where in_service and not exists (
				           select 1 from party.dual_report r where r.member_id = m.id and r.status = 'ACCEPTED'
				              and r.expires_on >= :today)) as not_reported
				  from party.member m join party.organisation o on o.id = m.organisation_id
				 where o.area_code like :p or m.residence_area_code like :p
				""").param("p", p).param("today", today).query().singleRow();
		Map<String, Object> r = jdbc.sql("""
				select count(distinct member_id) filter (where status = 'ACCEPTED' and expires_on >= :today) as active,
				       count(*) filter (where status = 'PENDING') as pending,
				       count(distinct member_id) filter (where status = 'ACCEPTED' and expires_on >= :today
				                                          and expires_on < :soon) as expiring
				  from party.dual_report where community_code like :p
				""").param("p", p).param("today", today).param("soon", today.plusDays(30)).query().singleRow();
		Map<String, Object> posts = jdbc.sql("""
				select count(*) as open_posts, coalesce(sum(headcount), 0) as headcount,
				       coalesce(sum(least(headcount, (select count(*) from party.post_claim c where c.post_id = s.id))), 0)
				           as filled
				  from party.service_post s where s.open and s.community_code like :p
				""").param("p", p).query().singleRow();
		long withoutPost = jdbc.sql("""
				select count(distinct r.member_id) from party.dual_report r
				 where r.status = 'ACCEPTED' and r.expires_on >= :today and r.community_code like :p
				   and not exists (select 1 from party.post_claim c join party.service_post s on s.id = c.post_id
				                    where c.member_id = r.member_id and s.community_code like :p)
				""").param("p", p).param("today", today).query(Long.class).single();
		Map<String, Object> service = jdbc.sql("""
				select coalesce(sum(sr.hours) filter (where sr.status = 'CONFIRMED' and sr.served_on >= :from), 0) as hours,
				       count(*) filter (where sr.status = 'CONFIRMED' and sr.served_on >= :from) as records,
				       count(*) filter (where sr.status = 'PENDING') as pending
				  from party.service_record sr join party.post_claim c on c.id = sr.claim_id
				  join party.service_post s on s.id = c.post_id
				 where s.community_code like :p
				""").param("p", p).param("from", yearStart).query().singleRow();
		Map<String, Object> lists = jdbc.sql("""
				select (select count(*) from party.need where status = 'OPEN' and community_code like :p) as needs_open,
				       count(*) filter (where status = 'ACTIVE') as active,
				       count(*) filter (where status = 'DONE') as done,
				       count(*) filter (where status = 'DONE' and finished_at >= :from) as done_year
				  from party.project where community_code like :p
				""").param("p", p).param("from", java.sql.Timestamp.from(yearStart.atStartOfDay(PartyMembers.ZONE)
					.toInstant())).query().singleRow();
		YearMonth first = YearMonth.from(today).minusMonths(11);
		Map<String, Object[]> byMonth = new HashMap<>();
		jdbc.sql("""
				select to_char(sr.served_on, 'YYYY-MM') as month, sum(sr.hours) as hours, count(*) as records
				  from party.service_record sr join party.post_claim c on c.id = sr.claim_id
				  join party.service_post s on s.id = c.post_id
				 where s.community_code like :p and sr.status = 'CONFIRMED' and sr.served_on >= :from
				 group by 1
				""").param("p", p).param("from", first.atDay(1)).query((rs, n) -> byMonth.put(rs.getString(1),
						new Object[] { rs.getBigDecimal(2), rs.getLong(3) })).list();
		List<PartyOverviewView.Month> months = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String key = first.plusMonths(i).toString();
			Object[] v = byMonth.get(key);
			months.add(new PartyOverviewView.Month(key, v == null ? BigDecimal.ZERO : (BigDecimal) v[0],
					v == null ? 0 : (Long) v[1]));
		}
		return new PartyOverviewView(today.getYear(), num(m, "orgs"), organisations.coverage(me, null).size(),
				num(m, "members"), num(m, "probationary"), num(m, "in_service"), num(r, "active"), num(r, "pending"),
				num(r, "expiring"), num(m, "not_reported"), num(posts, "open_posts"), num(posts, "headcount"),
				num(posts, "filled"), withoutPost, (BigDecimal) service.get("hours"), num(service, "records"),
				num(service, "pending"), num(lists, "needs_open"), num(lists, "active"), num(lists, "done"),
				num(lists, "done_year"), months, communities(me, today, yearStart));
	}

	private List<PartyOverviewView.Community> communities(GongzhiUser me, LocalDate today, LocalDate yearStart) {
		List<PartyOverviewView.Community> rows = new ArrayList<>();
		for (AreaView c : areas.ofLevel(AreaLevel.COMMUNITY)) {
			if (!me.scope().covers(c.code())) {
				continue;
			}
			String p = c.code() + "%";
			Map<String, Object> row = jdbc.sql("""
					select (select count(distinct member_id) from party.dual_report
					         where community_code like :p and status = 'ACCEPTED' and expires_on >= :today) as active,
					       (select coalesce(sum(headcount), 0) from party.service_post
					         where open and community_code like :p) as headcount,
					       (select coalesce(sum(least(s.headcount, (select count(*) from party.post_claim pc
					                                                  where pc.post_id = s.id))), 0)
					          from party.service_post s where s.open and s.community_code like :p) as filled,
					       (select coalesce(sum(sr.hours), 0) from party.service_record sr
					          join party.post_claim pc on pc.id = sr.claim_id join party.service_post s on s.id = pc.post_id
					         where s.community_code like :p and sr.status = 'CONFIRMED' and sr.served_on >= :from) as hours,
					       (select count(*) from party.project where community_code like :p and status = 'DONE') as done
					""").param("p", p).param("today", today).param("from", yearStart).query().singleRow();
			rows.add(new PartyOverviewView.Community(c.code(), c.name(), num(row, "active"), num(row, "headcount"),
					num(row, "filled"), (BigDecimal) row.get("hours"), num(row, "done")));
		}
		return rows;
	}

	private static long num(Map<String, Object> row, String key) {
		Object v = row.get(key);
		return v == null ? 0 : ((Number) v).longValue();
	}

}
