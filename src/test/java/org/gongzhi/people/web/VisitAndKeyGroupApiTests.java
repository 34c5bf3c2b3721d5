package org.gongzhi.people.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.gongzhi.area.Areas;
import org.gongzhi.people.PeopleFixtures;
import org.gongzhi.people.PeopleFixtures.Room;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongzhi.people.PeopleFixtures.json;
import static org.gongzhi.people.PeopleFixtures.row;

/**
 * Care visits and key groups through the API: the grid worker's overdue worklist empties when a visit is recorded,
 * the community report counts it, key group members are visible only with the grant and every view is audit-logged,
 * and a background import reports its progress until it is done.
 */
@GongzhiTest
class VisitAndKeyGroupApiTests {

	static final String GRID = "110199001001001";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Areas areas;

	@Autowired
	JdbcClient jdbc;

	PeopleFixtures fx;

	@BeforeEach
	void setUp() {
		fx = new PeopleFixtures(mvc, areas);
	}

	@Test
	void anOverdueCareMemberLeavesTheWorklistWhenVisited() {
		Room room = fx.rooms(GRID, 12).get(11);
		String phone = PeopleFixtures.phone();
		assertThat(fx.upload("community", PeopleFixtures.workbook(List.<String[]>of(row("祝融夫人", "女", null,
				PeopleFixtures.idNumber(LocalDate.of(1938, 2, 2), false), phone, "户籍", room, "户主", "独居老人"))), ""))
			.hasStatusOk();
		long id = ResidentApiTests.item(fx.get("grid", "/api/v1/residents?q=" + phone), "祝融夫人").path("id").asLong();
		assertThat(worklist("grid")).doesNotContain(id);
		jdbc.sql("update people.group_member set since = current_date - 30 where resident_id = :id").param("id", id)
			.update();

		assertThat(worklist("grid")).contains(id);
		assertThat(worklist("gw002001")).doesNotContain(id);
		JsonNode report = fx.get("community", "/api/v1/visits/report?community=110199001001");
		assertThat(report.path("overdue").asInt()).isPositive();

		MvcTestResult visit = mvc.post().uri("/api/v1/visits").contentType(MediaType.APPLICATION_JSON)
			.content("{\"residentId\":" + id + ",\"kind\":\"CARE\",\"findings\":\"身体尚好，冰箱有菜\","
					+ "\"followUp\":\"下周送药\"}")
			.header(HttpHeaders.AUTHORIZATION, fx.bearer("grid")).exchange();
		assertThat(visit).hasStatus(201);
		assertThat(json(visit).path("visitorName").asString()).contains("张伟");

		assertThat(worklist("grid")).doesNotContain(id);
		JsonNode card = fx.get("grid", "/api/v1/residents/" + id);
		assertThat(card.path("visits").get(0).path("findings").asString()).isEqualTo("身体尚好，冰箱有菜");
		assertThat(card.path("groups").get(0).path("overdue").asBoolean()).isFalse();
		JsonNode after = fx.get("community", "/api/v1/visits/report?community=110199001001");
		assertThat(after.path("overdue").asInt()).isEqualTo(report.path("overdue").asInt() - 1);

		MvcTestResult empty = mvc.post().uri("/api/v1/visits").contentType(MediaType.APPLICATION_JSON)
			.content("{\"residentId\":" + id + ",\"kind\":\"CARE\",\"findings\":\"\"}")
			.header(HttpHeaders.AUTHORIZATION, fx.bearer("grid")).exchange();
		assertThat(empty).hasStatus(400);
		assertThat(json(empty).path("errors").get(0).path("message").asString()).isEqualTo("请填写走访情况");
	}

	@Test
	void keyGroupMembersAreSeenOnlyWithTheGrantAndEveryViewIsAudited() {
		Room room = fx.rooms(GRID, 13).get(12);
		String phone = PeopleFixtures.phone();
		String[] keyRow = row("孟获南中", "男", null, PeopleFixtures.idNumber(LocalDate.of(1980, 3, 3), true), phone,
				"户籍", room, "户主", "社区矫正");
		MvcTestResult refused = fx.upload("community", PeopleFixtures.workbook(List.<String[]>of(keyRow)), "");
		assertThat(refused).hasStatus(422);
		assertThat(json(refused).path("errors").get(0).path("column").asString()).isEqualTo("关爱类别");

		grant("secretary", "COMMUNITY_CORRECTION");
		grant("admin", "COMMUNITY_CORRECTION");
		assertThat(fx.upload("admin", PeopleFixtures.workbook(List.<String[]>of(keyRow)), "")).hasStatusOk();
		long id = ResidentApiTests.item(fx.get("community", "/api/v1/residents?q=" + phone), "孟获南中").path("id")
			.asLong();

		JsonNode plain = fx.get("community", "/api/v1/residents/" + id);
		assertThat(plain.toString()).doesNotContain("社区矫正").doesNotContain("COMMUNITY_CORRECTION");
		assertThat(mvc.get().uri("/api/v1/residents?group=COMMUNITY_CORRECTION")
			.header(HttpHeaders.AUTHORIZATION, fx.bearer("community")).exchange()).hasStatus(403);
		assertThat(fx.get("community", "/api/v1/person-groups").toString()).contains("独居老人")
			.doesNotContain("社区矫正");

		JsonNode granted = fx.get("secretary", "/api/v1/residents/" + id);
		assertThat(granted.path("resident").path("groups").toString()).contains("社区矫正");
		assertThat(ResidentApiTests.item(fx.get("secretary", "/api/v1/residents?group=COMMUNITY_CORRECTION"), "孟获南中"))
			.isNotNull();
		assertThat(audits("secretary", "resident.keyGroup.view", id)).isEqualTo(1);
		assertThat(audits("community", "resident.keyGroup.view", id)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from identity.audit_log where actor = 'secretary' "
				+ "and action = 'resident.keyGroup.list' and detail like :d").param("d", "%" + id + "%")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void aBackgroundImportReportsProgressUntilDone() {
		List<Room> rooms = fx.rooms(GRID, 20);
		List<String[]> rows = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			rows.add(row("夏侯" + "甲乙丙丁戊".charAt(i) + "渊", "男", null,
					PeopleFixtures.idNumber(LocalDate.of(1970 + i, 1, 1), true), null, "流动", rooms.get(14 + i), null,
					null));
		}
		MvcTestResult started = fx.upload("community", PeopleFixtures.workbook(rows), "?async=true");
		assertThat(started).hasStatus(202);
		String location = started.getResponse().getHeader(HttpHeaders.LOCATION);
		assertThat(location).startsWith("/api/v1/residents/import/jobs/");

		await().atMost(Duration.ofMinutes(2)).until(() -> fx.get("community", location).path("state").asString(),
				s -> s.equals("DONE") || s.equals("REJECTED") || s.equals("FAILED"));
		JsonNode job = fx.get("community", location);
		assertThat(job.path("state").asString()).isEqualTo("DONE");
		assertThat(job.path("percent").asInt()).isEqualTo(100);
		assertThat(job.path("report").path("imported").asInt()).isEqualTo(5);
		assertThat(mvc.get().uri(location).header(HttpHeaders.AUTHORIZATION, fx.bearer("street")).exchange())
			.hasStatus(404);
	}

	private void grant(String user, String group) {
		assertThat(mvc.post().uri("/api/v1/people-grants").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + user + "\",\"kind\":\"KEY_GROUP\",\"groupCode\":\"" + group + "\"}")
			.header(HttpHeaders.AUTHORIZATION, fx.bearer("admin")).exchange()).hasStatusOk();
	}

	private long audits(String actor, String action, long id) {
		return jdbc.sql("select count(*) from identity.audit_log where actor = :a and action = :x and target_id = :id")
			.param("a", actor).param("x", action).param("id", String.valueOf(id)).query(Long.class).single();
	}

	private List<Long> worklist(String user) {
		JsonNode page = fx.get(user, "/api/v1/visits/overdue?size=500");
		List<Long> ids = new java.util.ArrayList<>();
		page.path("items").forEach(i -> ids.add(i.path("residentId").asLong()));
		return ids;
	}

}
