package org.gongzhi.cases.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.gongzhi.identity.UserDirectory;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.cases.api.CaseClient.COMMUNITY;
import static org.gongzhi.cases.api.CaseClient.GRID;
import static org.gongzhi.cases.api.CaseClient.caseAt;
import static org.gongzhi.cases.api.CaseClient.caseNos;

/**
 * {@code GET /api/v1/cases}: every caller sees only the cases their role and scope reach (a resident the cases they
 * follow, community staff their community's, a department its own and those it was whistled to), and the filters and
 * paging do what they say. The demo street's historical cases make the lists long enough to page through.
 */
@GongzhiTest
class CaseListApiTests {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDirectory users;

	CaseClient cases;

	@BeforeEach
	void client() {
		cases = new CaseClient(mvc);
	}

	/** Every case of every page the user gets for the query. */
	List<JsonNode> all(String user, String query) {
		List<JsonNode> items = new ArrayList<>();
		for (int page = 0; page < 100; page++) {
			JsonNode result = cases.list(user, query + (query.isEmpty() ? "" : "&") + "size=200&page=" + page);
			result.path("items").forEach(items::add);
			if (result.path("items").size() < 200) {
				assertThat(items).hasSize(result.path("total").asInt());
				return items;
			}
		}
		throw new AssertionError("too many pages");
	}

	static String area(JsonNode c) {
		for (String field : List.of("gridCode", "communityCode", "streetCode")) {
			if (!c.path(field).isNull() && !c.path(field).asString().isEmpty()) {
				return c.path(field).asString();
			}
		}
		return "";
	}

	@Test
	void aResidentSeesExactlyTheCasesTheyFollow() {
		String mine = cases.reportNo("resident", caseAt("0504", cases.pointIn(GRID), "共享单车堆满人行道"));
		String notMine = cases.reportNo("clerk", caseAt("0504", cases.pointIn(GRID), "共享单车乱停（热线）"));
		long resident = users.findByUsername("resident").orElseThrow().id();
		Set<String> followed = new HashSet<>(jdbc.sql("""
				select r.case_no from cases.case_record r join cases.case_follower f on f.case_id = r.id
				 where f.user_id = :u""").param("u", resident).query(String.class).list());

		List<String> listed = all("resident", "").stream().map(c -> c.path("caseNo").asString()).toList();

		assertThat(listed).contains(mine).doesNotContain(notMine);
		assertThat(new HashSet<>(listed)).isEqualTo(followed);
		assertThat(cases.get("resident", "/api/v1/cases/" + notMine).getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void communityStaffSeeOnlyTheirCommunity() {
		String inside = cases.reportNo("clerk", caseAt("0102", cases.pointIn(GRID), "本社区案件"));
		String outside = cases.reportNo("clerk", caseAt("0102", cases.pointIn("110199001002001"), "外社区案件"));

		List<JsonNode> listed = all("community", "");

		assertThat(listed).isNotEmpty().allSatisfy(c -> assertThat(area(c)).startsWith(COMMUNITY));
		assertThat(listed).extracting(c -> c.path("caseNo").asString()).contains(inside).doesNotContain(outside);
		assertThat(cases.get("community", "/api/v1/cases/" + outside).getResponse().getStatus()).isEqualTo(404);
		assertThat(all("grid", "")).isNotEmpty().allSatisfy(c -> assertThat(area(c)).startsWith(GRID));
	}

	@Test
	void aDepartmentSeesItsOwnCasesAndThoseItWasWhistledTo() {
		String own = cases.reportNo("clerk", caseAt("0101", cases.pointIn("110199001002001"), "违建（部门案件）"));
		String otherDepartment = cases.reportNo("clerk", caseAt("0302", cases.pointIn(GRID), "工地扬尘"));
		String whistled = cases.reportNo("clerk", caseAt("0102", cases.pointIn(GRID), "需要执法队到场"));
		cases.act("street", whistled, "register");
		cases.act("street", whistled, "whistle", Map.of("departments", List.of("CGZF")));
		Set<String> whistledToCgzf = new HashSet<>(jdbc.sql("""
				select r.case_no from cases.case_record r join cases.whistle w on w.case_id = r.id
				 where w.department_code = 'CGZF'""").query(String.class).list());

		List<JsonNode> listed = all("dept", "");

		assertThat(listed).extracting(c -> c.path("caseNo").asString()).contains(own, whistled)
			.doesNotContain(otherDepartment);
		assertThat(listed).allSatisfy(c -> assertThat(
				("DEPARTMENT".equals(c.path("unitType").asString()) && "CGZF".equals(c.path("unitCode").asString()))
						|| whistledToCgzf.contains(c.path("caseNo").asString()))
			.as("%s is CGZF's", c.path("caseNo").asString()).isTrue());
		assertThat(cases.get("dept", "/api/v1/cases/" + otherDepartment).getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void filtersNarrowTheList() {
		eachItem("status=CLOSED", c -> assertThat(c.path("status").asString()).isEqualTo("CLOSED"));
		eachItem("category=0102", c -> assertThat(c.path("categoryCode").asString()).isEqualTo("0102"));
		eachItem("category=05", c -> assertThat(c.path("categoryCode").asString()).as("a major takes its minors")
			.startsWith("05").hasSize(4));
		eachItem("area=110199001002", c -> assertThat(area(c)).startsWith("110199001002"));
		eachItem("overdue=true", c -> assertThat(c.path("overdue").asBoolean()).isTrue());
		LocalDate from = LocalDate.now(BEIJING).minusDays(40);
		LocalDate to = LocalDate.now(BEIJING).minusDays(20);
		eachItem("from=" + from + "&to=" + to, c -> assertThat(Instant.parse(c.path("receivedAt").asString()))
			.isBetween(from.atStartOfDay(BEIJING).toInstant(), to.plusDays(1).atStartOfDay(BEIJING).toInstant()));
		eachItem("status=CLOSED&area=" + COMMUNITY, c -> {
			assertThat(c.path("status").asString()).isEqualTo("CLOSED");
			assertThat(area(c)).startsWith(COMMUNITY);
		});

		String no = cases.reportNo("clerk", caseAt("0106", cases.pointIn(GRID), "旧床垫丢弃在绿化带 独一无二的描述"));
		assertThat(caseNos(cases.list("street", "q=" + no))).containsExactly(no);
		assertThat(caseNos(cases.list("street", "q=独一无二的描述"))).containsExactly(no);
		assertThat(caseNos(cases.list("street", "q=" + no + "&status=CLOSED"))).isEmpty();

		List<JsonNode> todo = all("grid", "todo=true");
		assertThat(todo).allSatisfy(c -> assertThat(
				("GRID".equals(c.path("unitType").asString())
						&& List.of("DISPATCHED", "SIGNED", "HANDLED").contains(c.path("status").asString()))
						|| "CLOSED".equals(c.path("status").asString()))
			.isTrue());
	}

	private void eachItem(String query, Consumer<JsonNode> check) {
		JsonNode page = cases.list("street", query + "&size=200");
		assertThat(page.path("items")).as(query).allSatisfy(check::accept);
		long unfiltered = cases.list("street", "size=1").path("total").asLong();
		assertThat(page.path("total").asLong()).as("%s filters", query).isLessThan(unfiltered);
	}

	@Test
	void pagesDoNotOverlapAndAreNewestFirst() {
		JsonNode first = cases.list("street", "size=5&page=0");
		JsonNode second = cases.list("street", "size=5&page=1");

		assertThat(first.path("total").asLong()).isEqualTo(second.path("total").asLong()).isGreaterThan(10);
		assertThat(first.path("size").asInt()).isEqualTo(5);
		assertThat(second.path("page").asInt()).isEqualTo(1);
		assertThat(caseNos(first)).hasSize(5).doesNotContainAnyElementsOf(caseNos(second));
		List<Instant> received = new ArrayList<>();
		first.path("items").forEach(c -> received.add(Instant.parse(c.path("receivedAt").asString())));
		second.path("items").forEach(c -> received.add(Instant.parse(c.path("receivedAt").asString())));
		assertThat(received).isSortedAccordingTo((a, b) -> b.compareTo(a));

		List<Instant> oldest = new ArrayList<>();
		cases.list("street", "size=20&sort=oldest").path("items")
			.forEach(c -> oldest.add(Instant.parse(c.path("receivedAt").asString())));
		assertThat(oldest).hasSize(20).isSorted();

		long total = first.path("total").asLong();
		assertThat(cases.list("street", "size=5&page=" + (total / 5 + 1)).path("items").size()).isZero();
		assertThat(cases.list("street", "size=5000").path("size").asInt()).isEqualTo(200);
		assertThat(cases.get("street", "/api/v1/cases?status=NOPE").getResponse().getStatus()).isEqualTo(400);
		assertThat(cases.get("street", "/api/v1/cases?from=yesterday").getResponse().getStatus()).isEqualTo(400);
	}

}
