package org.gongzhi.people.web;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
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
import static org.gongzhi.people.PeopleFixtures.json;
import static org.gongzhi.people.PeopleFixtures.row;

/**
 * The resident registry through its API: the Excel template and import (all or nothing, every error with its row
 * and column), the one search box (pinyin initials, phone tail), masked numbers, revealing with a grant, data scope
 * and 人户分离, moving with history, and the export.
 */
@GongzhiTest
class ResidentApiTests {

	static final String COMMUNITY = "110199001001";

	static final String GRID = "110199001001001";

	static final String NEIGHBOUR_GRID = "110199001002001";

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
	void theTemplateHasExactlyTheHeadersOfTheIssue() throws Exception {
		MvcTestResult r = mvc.get().uri("/api/v1/residents/import/template")
			.header(HttpHeaders.AUTHORIZATION, fx.bearer("community")).exchange();
		assertThat(r).hasStatusOk();
		assertThat(r.getResponse().getContentType()).startsWith("application/vnd.openxmlformats");
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()));
				Stream<Row> rows = wb.getFirstSheet().openStream()) {
			List<Row> all = rows.toList();
			List<String> headers = new ArrayList<>();
			all.get(0).forEach(c -> headers.add(c.getText()));
			assertThat(String.join(", ", headers)).isEqualTo(PeopleFixtures.HEADERS);
			assertThat(all.stream().skip(1).filter(row -> row.stream().anyMatch(c -> c != null && !c.getText().isBlank())))
				.isEmpty();
		}
	}

	@Test
	void aValidFileImportsEveryRowAndThePeopleAreFoundByInitialsAndPhoneTail() {
		List<Room> rooms = fx.rooms(GRID, 2);
		String id1 = PeopleFixtures.idNumber(LocalDate.of(1942, 3, 4), true);
		String id2 = PeopleFixtures.idNumber(LocalDate.of(1945, 6, 7), false);
		String id3 = PeopleFixtures.idNumber(LocalDate.of(1990, 1, 2), true);
		String phone1 = PeopleFixtures.phone();
		byte[] file = PeopleFixtures.workbook(List.of(
				row("诸葛云亮", "男", "1942-03-04", id1, phone1, "户籍", rooms.get(0), "户主", "独居老人、残疾人"),
				row("黄月英", "女", null, id2, null, "户籍", rooms.get(0), "配偶", null),
				row("马谡", "男", "1990-01-02", id3, PeopleFixtures.phone(), "流动", rooms.get(1), "租户", null)));

		MvcTestResult r = fx.upload("community", file, "");

		assertThat(r).hasStatusOk();
		assertThat(r).bodyJson().isEqualTo("{\"imported\":3,\"rejected\":0,\"errors\":[]}");

		JsonNode byInitials = fx.get("community", "/api/v1/residents?q=zgyl");
		JsonNode zhuge = item(byInitials, "诸葛云亮");
		assertThat(zhuge).isNotNull();
		assertThat(byInitials.path("total").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(zhuge.path("idNumberMasked").asString()).isEqualTo(id1.substring(0, 6) + "********" + id1.substring(14));
		assertThat(zhuge.path("phoneMasked").asString()).isEqualTo(phone1.substring(0, 3) + "****" + phone1.substring(7));
		assertThat(zhuge.path("groups").toString()).contains("独居老人", "残疾人");
		assertThat(byInitials.toString()).doesNotContain(id1).doesNotContain(phone1);

		JsonNode byTail = fx.get("community", "/api/v1/residents?q=" + phone1.substring(7));
		assertThat(item(byTail, "诸葛云亮")).isNotNull();
		JsonNode byIdTail = fx.get("community", "/api/v1/residents?q=" + id2.substring(14));
		assertThat(item(byIdTail, "黄月英")).isNotNull();
		assertThat(item(fx.get("community", "/api/v1/residents?q=" + id3), "马谡")).isNotNull();
		assertThat(item(fx.get("community", "/api/v1/residents?q={q}", "诸葛"), "诸葛云亮")).isNotNull();
		String address = rooms.get(1).building() + rooms.get(1).unit() + rooms.get(1).room();
		assertThat(item(fx.get("community", "/api/v1/residents?q={q}", address), "马谡")).isNotNull();

		JsonNode card = fx.get("grid", "/api/v1/residents/" + zhuge.path("id").asLong());
		assertThat(card.path("household").path("members")).hasSize(2);
		assertThat(card.path("household").path("headName").asString()).isEqualTo("诸葛云亮");
		assertThat(card.path("canReveal").asBoolean()).isFalse();
		JsonNode house = fx.get("community", "/api/v1/houses/" + rooms.get(1).code());
		assertThat(house.path("use").asString()).isEqualTo("RENTED");
		assertThat(house.path("occupants").get(0).path("tenant").asBoolean()).isTrue();
	}

	@Test
	void aFileWithBadRowsImportsNothingAndListsEveryError() {
		List<Room> rooms = fx.rooms(GRID, 3);
		Room room = rooms.get(2);
		String registered = PeopleFixtures.idNumber(LocalDate.of(1970, 1, 1), true);
		assertThat(fx.upload("community", PeopleFixtures.workbook(List.<String[]>of(row("庞统士元", "男", null, registered,
				null, "户籍", room, "户主", null))), "")).hasStatusOk();

		String good = PeopleFixtures.idNumber(LocalDate.of(1980, 5, 1), true);
		String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
		String twice = PeopleFixtures.idNumber(LocalDate.of(1985, 2, 2), false);
		Room unknownBuilding = new Room(COMMUNITY, "999号楼", room.unit(), room.room(), null);
		List<String[]> rows = List.of(
				row("甘宁兴霸", "男", "1980-05-01", good, null, "户籍", room, null, null),
				row(null, "男", null, PeopleFixtures.idNumber(LocalDate.of(1981, 1, 1), true), null, "户籍", room, null, null),
				row("甘宁二号", "男", null, badCheck, null, "户籍", room, null, null),
				row("甘宁三号", "男", "1980-05-02", PeopleFixtures.idNumber(LocalDate.of(1982, 5, 1), true), null, "户籍",
						room, null, null),
				row("甘宁四号", "男", null, PeopleFixtures.idNumber(LocalDate.of(1983, 5, 1), true), "12345", "户籍", room,
						null, null),
				row("甘宁五号", "男", null, PeopleFixtures.idNumber(LocalDate.of(1984, 5, 1), true), null, "户籍",
						unknownBuilding, null, null),
				row("甘宁六号", "男", null, PeopleFixtures.idNumber(LocalDate.of(1986, 5, 1), true), null, "户籍", room,
						null, "外星人"),
				row("甘宁七号", "女", null, twice, null, "户籍", room, null, null),
				row("甘宁八号", "女", null, twice, null, "户籍", room, null, null),
				row("甘宁九号", "男", null, registered, null, "户籍", room, null, null));

		MvcTestResult r = fx.upload("community", PeopleFixtures.workbook(rows), "");

		assertThat(r).hasStatus(422);
		assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
		JsonNode body = json(r);
		assertThat(body.path("imported").asInt()).isZero();
		assertThat(body.path("rejected").asInt()).isEqualTo(8);
		assertThat(errors(body)).contains("3|姓名", "4|证件号码", "5|出生日期", "6|联系电话", "7|楼栋", "8|关爱类别",
			"10|证件号码", "11|证件号码");
		assertThat(errors(body)).doesNotContain("2|证件号码", "9|证件号码");
		assertThat(message(body, 4)).contains("校验码");
		assertThat(message(body, 10)).contains("第 9 行");
		assertThat(fx.get("community", "/api/v1/residents?q=gnxb").path("items").toString()).doesNotContain("甘宁兴霸");
		assertThat(fx.get("community", "/api/v1/residents?q={q}", "甘宁").path("total").asLong()).isZero();
	}

	@Test
	void theUpdateModeUpdatesARegisteredResidentInsteadOfRefusingIt() {
		Room room = fx.rooms(GRID, 4).get(3);
		String id = PeopleFixtures.idNumber(LocalDate.of(1975, 7, 7), false);
		assertThat(fx.upload("community", PeopleFixtures.workbook(List.<String[]>of(row("孙尚香", "女", null, id, null,
				"户籍", room, "户主", null))), "")).hasStatusOk();
		String phone = PeopleFixtures.phone();
		byte[] again = PeopleFixtures.workbook(List.<String[]>of(row("孙尚香", "女", null, id, phone, "户籍", room, "户主",
				"低保")));
		assertThat(fx.upload("community", again, "")).hasStatus(422);
		assertThat(fx.upload("community", again, "?mode=UPDATE_EXISTING")).hasStatusOk();
		JsonNode found = item(fx.get("community", "/api/v1/residents?q=" + phone), "孙尚香");
		assertThat(found.path("groups").toString()).contains("低保");
	}

	@Test
	void aCommunityOrGridSeesOnlyItsOwnResidentsAndCannotImportElsewhere() {
		Room mine = fx.rooms(GRID, 5).get(4);
		Room neighbours = fx.rooms(NEIGHBOUR_GRID, 1).get(0);
		String phone = PeopleFixtures.phone();
		assertThat(fx.upload("street", PeopleFixtures.workbook(List.<String[]>of(
				row("太史子义", "男", null, PeopleFixtures.idNumber(LocalDate.of(1966, 6, 6), true), phone, "户籍",
						neighbours, "户主", null))), "")).hasStatusOk();
		long id = item(fx.get("street", "/api/v1/residents?q=" + phone), "太史子义").path("id").asLong();

		assertThat(item(fx.get("community", "/api/v1/residents?q=" + phone), "太史子义")).isNull();
		assertThat(mvc.get().uri("/api/v1/residents/" + id).header(HttpHeaders.AUTHORIZATION, fx.bearer("community"))
			.exchange()).hasStatus(404);
		assertThat(item(fx.get("gw002001", "/api/v1/residents?q=" + phone), "太史子义")).isNotNull();
		assertThat(item(fx.get("grid", "/api/v1/residents?q=" + phone), "太史子义")).isNull();
		assertThat(mvc.get().uri("/api/v1/residents?q=tszy").header(HttpHeaders.AUTHORIZATION, fx.bearer("clerk"))
			.exchange()).hasStatus(403);

		MvcTestResult refused = fx.upload("community", PeopleFixtures.workbook(List.<String[]>of(row("太史慈二", "男", null,
				PeopleFixtures.idNumber(LocalDate.of(1967, 6, 6), true), null, "户籍", neighbours, null, null))), "");
		assertThat(refused).hasStatus(422);
		assertThat(errors(json(refused))).containsExactly("2|社区编码");

		String registeredHere = mine.building() + mine.unit() + mine.room();
		String communityName = areas.find(COMMUNITY).orElseThrow().name();
		String[] separated = row("太史享", "男", null, PeopleFixtures.idNumber(LocalDate.of(1990, 6, 6), true),
				PeopleFixtures.phone(), "户籍", neighbours, "户主", null);
		separated[8] = communityName + registeredHere;
		assertThat(fx.upload("street", PeopleFixtures.workbook(List.<String[]>of(separated)), "")).hasStatusOk();
		JsonNode seenByHome = item(fx.get("community", "/api/v1/residents?separated=true&q=tsx"), "太史享");
		assertThat(seenByHome).isNotNull();
		assertThat(seenByHome.path("separated").asBoolean()).isTrue();
		assertThat(seenByHome.path("registeredCommunityCode").asString()).isEqualTo(COMMUNITY);
		assertThat(item(fx.get("gw002001", "/api/v1/residents?q=tsx"), "太史享").path("separated").asBoolean()).isTrue();
	}

	@Test
	void revealingNeedsAGrantAndIsAuditLogged() {
		Room room = fx.rooms(GRID, 6).get(5);
		String id = PeopleFixtures.idNumber(LocalDate.of(1955, 5, 5), true);
		String phone = PeopleFixtures.phone();
		assertThat(fx.upload("community", PeopleFixtures.workbook(List.<String[]>of(row("程普德谋", "男", null, id, phone,
				"户籍", room, "户主", null))), "")).hasStatusOk();
		long residentId = item(fx.get("community", "/api/v1/residents?q=" + phone), "程普德谋").path("id").asLong();
		String reveal = "/api/v1/residents/" + residentId + "/reveal";

		assertThat(mvc.post().uri(reveal).header(HttpHeaders.AUTHORIZATION, fx.bearer("secretary")).exchange())
			.hasStatus(403);
		assertThat(mvc.post().uri("/api/v1/people-grants").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"secretary\",\"kind\":\"REVEAL_NUMBERS\"}")
			.header(HttpHeaders.AUTHORIZATION, fx.bearer("community")).exchange()).hasStatus(403);
		assertThat(mvc.post().uri("/api/v1/people-grants").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"secretary\",\"kind\":\"REVEAL_NUMBERS\"}")
			.header(HttpHeaders.AUTHORIZATION, fx.bearer("admin")).exchange()).hasStatusOk();

		MvcTestResult revealed = mvc.post().uri(reveal).header(HttpHeaders.AUTHORIZATION, fx.bearer("secretary"))
			.exchange();
		assertThat(revealed).hasStatusOk();
		assertThat(json(revealed).path("idNumber").asString()).isEqualTo(id);
		assertThat(json(revealed).path("phone").asString()).isEqualTo(phone);
		assertThat(jdbc.sql("select count(*) from identity.audit_log where actor = 'secretary' "
				+ "and action = 'resident.reveal' and target_id = :id").param("id", String.valueOf(residentId))
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from identity.audit_log where action = 'people.grant' and actor = 'admin'")
			.query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select count(*) from people.resident where position(convert_to(:id, 'UTF8') in id_cipher) > 0")
			.param("id", id).query(Long.class).single()).isZero();
	}

	@Test
	void aBadIdNumberInTheFormIsAFieldErrorInChinese() {
		Room room = fx.rooms(GRID, 7).get(6);
		String body = PeopleFixtures.JSON.writeValueAsString(Map.of("name", "鲁肃", "gender", "MALE", "idType",
				"RESIDENT_ID", "idNumber", "110101199003071235", "registrationStatus", "HOUSEHOLD", "livingRoomCode",
				room.code()));
		MvcTestResult r = mvc.post().uri("/api/v1/residents").contentType(MediaType.APPLICATION_JSON).content(body)
			.header(HttpHeaders.AUTHORIZATION, fx.bearer("community")).exchange();
		assertThat(r).hasStatus(422);
		assertThat(json(r).path("errors").get(0).path("field").asString()).isEqualTo("idNumber");
		assertThat(json(r).path("errors").get(0).path("message").asString()).contains("校验码");
	}

	@Test
	void movingKeepsTheHistoryAndExportsAreMasked() throws Exception {
		List<Room> rooms = fx.rooms(GRID, 10);
		String phone = PeopleFixtures.phone();
		String id = PeopleFixtures.idNumber(LocalDate.of(1960, 8, 8), false);
		Map<String, Object> cmd = new java.util.HashMap<>(Map.of("name", "大乔", "gender", "FEMALE", "idType",
				"RESIDENT_ID", "idNumber", id, "phone", phone, "registrationStatus", "HOUSEHOLD", "livingRoomCode",
				rooms.get(8).code()));
		MvcTestResult created = mvc.post().uri("/api/v1/residents").contentType(MediaType.APPLICATION_JSON)
			.content(PeopleFixtures.JSON.writeValueAsString(cmd)).header(HttpHeaders.AUTHORIZATION, fx.bearer("grid"))
			.exchange();
		assertThat(created).hasStatus(201);
		long residentId = json(created).path("id").asLong();

		MvcTestResult moved = mvc.post().uri("/api/v1/residents/" + residentId + "/move")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"LIVING\",\"toRoomCode\":\"" + rooms.get(9).code() + "\",\"note\":\"换房\"}")
			.header(HttpHeaders.AUTHORIZATION, fx.bearer("grid")).exchange();
		assertThat(moved).hasStatusOk();
		JsonNode history = json(moved).path("addressHistory");
		assertThat(history).hasSize(2);
		assertThat(history.get(0).path("roomCode").asString()).isEqualTo(rooms.get(9).code());
		assertThat(history.get(0).path("to").isNull()).isTrue();
		assertThat(history.get(1).path("roomCode").asString()).isEqualTo(rooms.get(8).code());
		assertThat(history.get(1).path("to").asString()).isNotEmpty();

		MvcTestResult export = mvc.get().uri("/api/v1/residents/export?q=" + phone)
			.header(HttpHeaders.AUTHORIZATION, fx.bearer("community")).exchange();
		assertThat(export).hasStatusOk();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(
				export.getResponse().getContentAsByteArray())); Stream<Row> rows = wb.getFirstSheet().openStream()) {
			List<Row> all = rows.toList();
			assertThat(all).hasSize(2);
			assertThat(all.get(1).getCellText(0)).isEqualTo("大乔");
			assertThat(all.get(1).getCellText(5)).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
			assertThat(all.get(1).getCellText(6)).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		}
		assertThat(mvc.get().uri("/api/v1/residents/export?unmasked=true&q=" + phone)
			.header(HttpHeaders.AUTHORIZATION, fx.bearer("grid")).exchange()).hasStatus(403);
	}

	@Test
	void theApiIsDescribedInOpenApi() throws Exception {
		MvcTestResult r = mvc.get().uri("/api/v1/openapi").exchange();
		assertThat(r).hasStatusOk();
		assertThat(r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains(
				"/api/v1/residents", "/api/v1/residents/import", "/api/v1/residents/import/jobs/{id}",
				"/api/v1/households/{id}", "/api/v1/houses", "/api/v1/units", "/api/v1/visits/overdue",
				"/api/v1/person-groups", "/api/v1/people-grants");
	}

	static JsonNode item(JsonNode page, String name) {
		for (JsonNode item : page.path("items")) {
			if (name.equals(item.path("name").asString())) {
				return item;
			}
		}
		return null;
	}

	static List<String> errors(JsonNode body) {
		List<String> list = new ArrayList<>();
		body.path("errors").forEach(e -> list.add(e.path("row").asInt() + "|" + e.path("column").asString()));
		return list;
	}

	static String message(JsonNode body, int row) {
		for (JsonNode e : body.path("errors")) {
			if (e.path("row").asInt() == row) {
				return e.path("message").asString();
			}
		}
		return null;
	}

}
