package org.gongzhi.demo;

import java.util.List;

import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo street's Party building as a newcomer finds it: a street working committee, one organisation per community,
 * about 300 members with in-service members in every 双报到 state, and posts with claims and service records.
 */
@GongzhiTest
class DemoPartyLoaderTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoStreetHasItsPartyBuilding() {
		assertThat(count("select count(*) from party.organisation where kind = 'WORKING_COMMITTEE'")).isEqualTo(1);
		assertThat(count("select count(*) from party.organisation where length(area_code) = 12")).isEqualTo(6);
		assertThat(count("select count(*) from party.organisation where kind = 'ALLIANCE'")).isPositive();
		assertThat(count("select count(*) from party.member where name not like '%测试%'")).as("about 800 members")
			.isBetween(700L, 900L);
		assertThat(count("""
				select count(distinct r.member_id) from party.dual_report r join party.member m on m.id = r.member_id
				 where m.in_service and r.status = 'ACCEPTED' and r.expires_on >= current_date
				""")).as("about 300 in service and reported").isBetween(240L, 360L);
		assertThat(count("select count(*) from party.organisation_report where status = 'ACCEPTED'"))
			.as("employer organisations reported to communities").isPositive();
		List<String> states = jdbc.sql("select distinct status from party.dual_report").query(String.class).list();
		assertThat(states).contains("PENDING", "ACCEPTED", "REFUSED");
		assertThat(count("select count(*) from party.dual_report where status = 'ACCEPTED' and expires_on < current_date"))
			.as("expired reports to renew").isPositive();
		assertThat(count("select count(*) from party.service_post where description = '每月至少服务 4 小时，服务后在平台记录，由社区确认'"))
			.as("five demo posts per community").isEqualTo(30);
		assertThat(count("select count(*) from party.post_claim")).isPositive();
		assertThat(count("select count(*) from party.service_record where status = 'PENDING'")).isPositive();
		assertThat(count("select count(*) from party.service_record where status = 'CONFIRMED'")).isPositive();
		assertThat(count("select count(*) from party.member where phone_masked !~ '^\\d{3}\\*{4}\\d{4}$'")).isZero();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
