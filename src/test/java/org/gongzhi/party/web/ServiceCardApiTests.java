package org.gongzhi.party.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.gongzhi.identity.NewUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.UserAccounts;
import org.gongzhi.party.MemberCmd;
import org.gongzhi.party.MemberStatus;
import org.gongzhi.party.OrgKind;
import org.gongzhi.party.OrganisationCmd;
import org.gongzhi.party.PartyAdministration;
import org.gongzhi.party.PostCmd;
import org.gongzhi.party.PostKind;
import org.gongzhi.party.ReportStatus;
import org.gongzhi.party.domain.PdfText;
import org.gongzhi.support.Api;
import org.gongzhi.support.GongzhiTest;
import org.gongzhi.support.Sheets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service cards and the yearly summary through the API as the employer organisation, the member and others use them:
 * the PDF shows the member's name and confirmed hours, the workbooks have one row per record or member, a badly
 * written quarter is a 400 problem, another member is refused, and the summary ranks members by confirmed hours.
 */
@GongzhiTest
class ServiceCardApiTests {

	static final String COMMUNITY = "110199001001";

	static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PartyAdministration party;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePdfCardShowsTheMembersNameAndConfirmedHours() throws IOException {
		long member = memberWithService("卡片", null, "2.5", "3");
		MvcTestResult result = get("street", "/api/v1/party/members/" + member + "/service-card?quarter=2026Q3&format=pdf");
		assertThat(result).hasStatus(200);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
		String disposition = result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION);
		assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''");
		assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
			.isEqualTo("服务卡-" + name(member) + "-2026Q3.pdf");
		String text = PdfText.of(result.getResponse().getContentAsByteArray());
		assertThat(text).contains(name(member)).contains("示范区城管执法局").contains("合计：服务 2 次，共 5.5 小时")
			.contains("清理楼道第1次").contains("待确认 1 条").doesNotContain("清理楼道第3次");
		assertThat(jdbc.sql("select count(*) from identity.audit_log where action = 'party.card.export' and target_id = :id")
			.param("id", String.valueOf(member)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theWorkbooksHaveOneRowPerRecordAndPerMember() throws IOException {
		long org = organisation("卡片单位");
		long first = memberWithService("表一", org, "4", "2");
		long second = memberWithService("表二", org, "1.5");
		MvcTestResult card = get("street", "/api/v1/party/members/" + first + "/service-card?quarter=2026q3&format=xlsx");
		assertThat(card).hasStatus(200);
		assertThat(card.getResponse().getContentType()).isEqualTo(CardDownloads.XLSX.toString());
		List<List<String>> rows = Sheets.rows(card.getResponse().getContentAsByteArray(), 0);
		int head = Sheets.indexOf(rows, "服务日期");
		assertThat(rows.get(head + 1)).startsWith("2026-07-11", "楼道清洁员");
		assertThat(rows.get(head + 2)).startsWith("2026-07-12", "楼道清洁员");
		assertThat(rows.get(head + 3).get(0)).isEqualTo("合计");
		assertThat(rows.get(head + 3).get(3)).isEqualTo("6.0");

		MvcTestResult all = get("street", "/api/v1/party/organisations/" + org + "/service-cards.xlsx?quarter=2026Q3");
		assertThat(all).hasStatus(200);
		List<List<String>> list = Sheets.rows(all.getResponse().getContentAsByteArray(), 0);
		assertThat(list.get(4).get(0)).contains("只统计社区已确认的服务记录");
		assertThat(list.get(1)).startsWith(name(first)).contains("6.0");
		assertThat(list.get(2)).startsWith(name(second)).contains("1.5");
		List<List<String>> records = Sheets.rows(all.getResponse().getContentAsByteArray(), 1);
		assertThat(records).hasSize(4);
		JsonNode json = PartyApiTests.json(get("street", "/api/v1/party/organisations/" + org + "/service-cards?quarter=2026Q3"), 200);
		assertThat(json.size()).isEqualTo(2);
		assertThat(json.get(0).path("hours").decimalValue()).isEqualByComparingTo("6");
	}

	@Test
	void aBadlyWrittenQuarterIsA400Problem() {
		long member = memberWithService("季度", null, "1");
		for (String quarter : List.of("2026Q5", "2026-3", "Q3", "")) {
			MvcTestResult result = get("street", "/api/v1/party/members/" + member + "/service-card?quarter=" + quarter);
			JsonNode problem = PartyApiTests.json(result, 400);
			assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
			assertThat(problem.path("detail").asString()).contains("2026Q3");
			assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("quarter");
		}
		JsonNode format = PartyApiTests.json(get("street", "/api/v1/party/members/" + member
				+ "/service-card?quarter=2026Q3&format=doc"), 400);
		assertThat(format.path("detail").asString()).contains("pdf").contains("xlsx");
	}

	@Test
	void theMemberReadsTheirOwnCardAnotherMemberIsRefused() {
		String username = "cardself" + SEQ.incrementAndGet() + System.nanoTime() % 100000;
		long user = accounts.create(new NewUser(username, "自取卡（党员）", Api.DEMO_PASSWORD, Set.of(Role.PARTY_MEMBER), null,
				false, null, null));
		long member = memberWithService("自取", null, user, "2");
		String own = Api.token(mvc, username, Api.DEMO_PASSWORD);
		assertThat(mvc.get().uri("/api/v1/party/members/" + member + "/service-card?quarter=2026Q3")
			.header(HttpHeaders.AUTHORIZATION, Api.bearer(own)).exchange()).hasStatus(200);
		JsonNode refused = PartyApiTests.json(get("member", "/api/v1/party/members/" + member
				+ "/service-card?quarter=2026Q3&format=pdf"), 403);
		assertThat(refused.path("detail").asString()).contains("党员本人");
		assertThat(get("resident", "/api/v1/party/members/" + member + "/service-card?quarter=2026Q3")).hasStatus(403);
		assertThat(get("resident", "/api/v1/party/service-summary?year=2026")).hasStatus(403);
	}

	@Test
	void theYearlySummaryRanksMembersByConfirmedHours() throws IOException {
		long org = organisation("汇总单位");
		long low = memberWithService("汇总低", org, "10");
		long high = memberWithService("汇总高", org, "12", "12", "6");
		long middle = memberWithService("汇总中", org, "8", "8", "4");
		JsonNode page = PartyApiTests.json(get("street", "/api/v1/party/service-summary?year=2026&organisationId=" + org), 200);
		assertThat(page.path("total").asLong()).isEqualTo(3);
		JsonNode items = page.path("items");
		assertThat(items.valueStream().map(i -> i.path("memberId").asLong()).toList()).containsExactly(high, middle, low);
		assertThat(items.valueStream().map(i -> i.path("rank").asInt()).toList()).containsExactly(1, 2, 3);
		assertThat(items.get(0).path("hours").decimalValue()).isEqualByComparingTo("30");
		assertThat(items.get(0).path("reachesThreshold").asBoolean()).isTrue();
		assertThat(items.get(1).path("reachesThreshold").asBoolean()).isFalse();
		assertThat(items.get(0).path("months").asInt()).isEqualTo(1);
		assertThat(items.get(0).path("records").asInt()).isEqualTo(3);
		assertThat(items.get(0).path("reportStatus").asString()).isEqualTo("ACCEPTED");

		JsonNode ascending = PartyApiTests.json(get("street", "/api/v1/party/service-summary?year=2026&organisationId="
				+ org + "&sort=hours&dir=asc&size=2"), 200);
		assertThat(ascending.path("items").valueStream().map(i -> i.path("memberId").asLong()).toList())
			.containsExactly(low, middle);
		assertThat(ascending.path("items").get(0).path("rank").asInt()).isEqualTo(3);
		assertThat(ascending.path("total").asLong()).isEqualTo(3);
		assertThat(PartyApiTests.json(get("street", "/api/v1/party/service-summary?year=2025&organisationId=" + org), 200)
			.path("items").valueStream().allMatch(i -> i.path("hours").decimalValue().signum() == 0)).isTrue();

		MvcTestResult xlsx = get("street", "/api/v1/party/service-summary.xlsx?year=2026&organisationId=" + org);
		assertThat(xlsx).hasStatus(200);
		List<List<String>> rows = Sheets.rows(xlsx.getResponse().getContentAsByteArray(), 0);
		assertThat(rows.get(1)).startsWith("1", name(high));
		assertThat(rows.get(3)).startsWith("3", name(low));
	}

	/** A new organisation under the street working committee, for one test. */
	private long organisation(String prefix) {
		long working = jdbc.sql("select id from party.organisation where kind = 'WORKING_COMMITTEE' order by id limit 1")
			.query(Long.class).single();
		return party.createOrganisation(new OrganisationCmd(OrgKind.BRANCH, prefix + SEQ.incrementAndGet() + "党支部",
				working, "110199001", LocalDate.of(2025, 1, 1), null, List.of(), null));
	}

	private long memberWithService(String prefix, Long org, String... hours) {
		return memberWithService(prefix, org, null, hours);
	}

	/**
	 * An in-service member reported to the community with a post there; every hour figure is one confirmed record
	 * in July 2026, and one pending and one rejected record are added.
	 */
	private long memberWithService(String prefix, Long org, Long user, String... hours) {
		long organisation = org != null ? org
				: jdbc.sql("select id from party.organisation where name like '示范区城管执法局%' order by id limit 1")
					.query(Long.class).single();
		String name = prefix + SEQ.incrementAndGet() + "号" + System.nanoTime() % 1000;
		long member = party.createMember(new MemberCmd(organisation, name, LocalDate.of(2010, 7, 1), MemberStatus.FULL,
				true, "示范区城管执法局", "福康里1号楼", COMMUNITY + "001", null, user, null, null));
		Instant reported = Instant.now().minusSeconds(86_400 * 3);
		party.importReport(member, COMMUNITY, ReportStatus.ACCEPTED, reported, reported.plusSeconds(3600), null);
		long post = party.createPost(new PostCmd(COMMUNITY, PostKind.ENVIRONMENT, "楼道清洁员", null, 50, null));
		long claim = party.claim(post, member);
		for (int i = 0; i < hours.length; i++) {
			party.importService(claim, LocalDate.of(2026, 7, 11 + i), new BigDecimal(hours[i]), "清理楼道第" + (i + 1) + "次",
					true);
		}
		party.importService(claim, LocalDate.of(2026, 8, 1), new BigDecimal("2"), "清理楼道第" + (hours.length + 1) + "次",
				false);
		long rejected = party.importService(claim, LocalDate.of(2026, 8, 2), new BigDecimal("2"), "未通过的记录", false);
		jdbc.sql("update party.service_record set status = 'REJECTED' where id = :id").param("id", rejected).update();
		return member;
	}

	private String name(long member) {
		return jdbc.sql("select name from party.member where id = :id").param("id", member).query(String.class).single();
	}

	private MvcTestResult get(String user, String uri) {
		return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, user))).exchange();
	}

}
