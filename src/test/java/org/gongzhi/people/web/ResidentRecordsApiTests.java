package org.gongzhi.people.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.area.Areas;
import org.gongzhi.cases.CaseApi;
import org.gongzhi.cases.CategoryView;
import org.gongzhi.cases.ReporterDirectory;
import org.gongzhi.people.PeopleFixtures;
import org.gongzhi.people.PeopleFixtures.Room;
import org.gongzhi.people.domain.NamePinyin;
import org.gongzhi.support.Api;
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

/**
 * Residents registered and changed by hand through the API (the import's rules, optimistic locking, audit), the
 * sorted resident list, and the cases a resident reported: linked at intake by the hotline phone matching exactly one
 * resident or by an explicit resident id, listed on the card newest first, with the phone never stored in clear.
 */
@GongzhiTest
class ResidentRecordsApiTests {

	static final String GRID = "110199001001001";

	/** Another grid of the community: the community's staff see its residents, the grid worker of GRID does not. */
	static final String NEIGHBOUR_GRID = "110199001001002";

	@Autowired
	ReporterDirectory reporters;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Areas areas;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseApi caseApi;

	PeopleFixtures fx;

	@BeforeEach
	void setUp() {
		fx = new PeopleFixtures(mvc, areas);
	}

	@Test
	void aResidentRegisteredByHandFollowsTheImportRulesAndChangesWithItsVersion() {
		String name = "闾丘" + rare(2);
		Room room = fx.rooms(GRID, 12).get(11);
		LocalDate birth = LocalDate.of(1975, 6, 18);
		String id = PeopleFixtures.idNumber(birth, true);
		Map<String, Object> cmd = resident(name, id, PeopleFixtures.phone(), room.code());

		cmd.put("birthDate", "1975-06-19");
		MvcTestResult mismatch = post("community", "/api/v1/residents", cmd);
		assertThat(mismatch).hasStatus(422);
		assertThat(mismatch.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(fields(json(mismatch)).get("birthDate")).contains("出生日期", "1975-06-18");
		cmd.put("birthDate", null);
		cmd.put("phone", "1381234");
		assertThat(fields(json(post("community", "/api/v1/residents", cmd)))).containsKey("phone");
		cmd.put("phone", PeopleFixtures.phone());
		cmd.put("groupCodes", List.of("NO_SUCH_GROUP"));
		assertThat(fields(json(post("community", "/api/v1/residents", cmd)))).containsKey("groupCodes");
		cmd.put("groupCodes", List.of("EMPTY_NEST_ELDER"));
		cmd.put("livingRoomCode", room.code().substring(0, 21) + "999");
		assertThat(post("community", "/api/v1/residents", cmd)).hasStatus(422);
		cmd.put("livingRoomCode", room.code());

		MvcTestResult created = post("community", "/api/v1/residents", cmd);
		assertThat(created).hasStatus(201);
		long residentId = json(created).path("id").asLong();
		assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/residents/" + residentId);
		assertThat(post("community", "/api/v1/residents", cmd)).as("the same ID number twice").hasStatus(422);

		JsonNode card = fx.get("community", "/api/v1/residents/{id}", residentId);
		assertThat(card.path("resident").path("birthDate").asString()).isEqualTo("1975-06-18");
		assertThat(card.path("resident").path("gender").asString()).isEqualTo("MALE");
		assertThat(card.path("resident").path("idNumberMasked").asString())
			.isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
		assertThat(card.path("groups").get(0).path("name").asString()).isEqualTo("空巢老人");
		assertThat(jdbc.sql("select count(*) from people.resident where position(convert_to(:id, 'UTF8') in id_cipher) > 0")
			.param("id", id).query(Long.class).single()).as("the ID number is encrypted at rest").isZero();
		JsonNode found = fx.get("community", "/api/v1/residents?q={q}&size=200", NamePinyin.of(name).initials());
		assertThat(ResidentApiTests.item(found, name)).as("found by pinyin initials").isNotNull();

		int version = card.path("version").asInt();
		String newPhone = PeopleFixtures.phone();
		cmd.put("idNumber", "");
		cmd.put("phone", newPhone);
		cmd.put("note", "子女在外地");
		MvcTestResult changed = put("community", "/api/v1/residents/" + residentId + "?version=" + version, cmd);
		assertThat(changed).hasStatusOk();
		assertThat(json(changed).path("resident").path("phoneMasked").asString())
			.isEqualTo(newPhone.substring(0, 3) + "****" + newPhone.substring(7));
		assertThat(json(changed).path("resident").path("idNumberMasked").asString())
			.as("a blank ID number keeps the stored one").isEqualTo(card.path("resident").path("idNumberMasked").asString());
		assertThat(json(changed).path("note").asString()).isEqualTo("子女在外地");
		assertThat(json(changed).path("version").asInt()).isGreaterThan(version);

		MvcTestResult stale = put("community", "/api/v1/residents/" + residentId + "?version=" + version, cmd);
		assertThat(stale).hasStatus(409);
		assertThat(stale.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(json(stale).path("detail").asString()).contains("已被他人修改");

		assertThat(jdbc.sql("select action from identity.audit_log where target_type = 'resident' and target_id = :id"
				+ " order by id").param("id", String.valueOf(residentId)).query(String.class).list())
			.contains("resident.create", "resident.update");
		assertThat(put("community", "/api/v1/residents/" + residentId + "?version=" + (version + 1),
				Map.of("name", name)).getResponse().getStatus()).as("missing required fields").isEqualTo(400);
	}

	@Test
	void theListSortsByNameAgeAndMostRecentChangeInBothDirections() {
		String prefix = "欧阳" + rare(1);
		Room room = fx.rooms(GRID, 13).get(12);
		long an = create(prefix + "安", LocalDate.of(1990, 1, 1), room);
		long chun = create(prefix + "春", LocalDate.of(1950, 1, 1), room);
		long bao = create(prefix + "宝", LocalDate.of(2001, 1, 1), room);

		assertThat(ids("q=" + prefix + "&sort=name")).containsExactly(an, bao, chun);
		assertThat(ids("q=" + prefix + "&sort=name&dir=desc")).containsExactly(chun, bao, an);
		assertThat(ids("q=" + prefix + "&sort=age")).as("youngest first").containsExactly(bao, an, chun);
		assertThat(ids("q=" + prefix + "&sort=age&dir=desc")).containsExactly(chun, an, bao);

		JsonNode card = fx.get("community", "/api/v1/residents/{id}", an);
		Map<String, Object> cmd = resident(prefix + "安", "", "", room.code());
		cmd.put("birthDate", "1990-01-01");
		cmd.put("idNumber", null);
		cmd.put("tags", List.of("已核实"));
		assertThat(put("community", "/api/v1/residents/" + an + "?version=" + card.path("version").asInt(), cmd))
			.hasStatusOk();
		assertThat(ids("q=" + prefix + "&sort=updated&dir=desc").get(0)).as("the change just made first").isEqualTo(an);
		assertThat(ids("q=" + prefix + "&sort=updated").get(2)).isEqualTo(an);

		JsonNode byAge = fx.get("grid", "/api/v1/residents?sort=age&size=100");
		List<String> births = new ArrayList<>();
		byAge.path("items").forEach(i -> births.add(i.path("birthDate").asString()));
		assertThat(births).hasSizeGreaterThan(50).isSortedAccordingTo((a, b) -> b.compareTo(a));
		JsonNode byAddress = fx.get("community", "/api/v1/residents?sort=community&dir=desc&size=100");
		List<String> rooms = new ArrayList<>();
		byAddress.path("items").forEach(i -> rooms.add(i.path("livingRoomCode").asString()));
		assertThat(rooms).hasSizeGreaterThan(50).isSortedAccordingTo((a, b) -> b.compareTo(a));

		MvcTestResult unknown = mvc.get().uri("/api/v1/residents?sort=height")
			.header(HttpHeaders.AUTHORIZATION, fx.bearer("community")).exchange();
		assertThat(unknown).hasStatus(400);
		assertThat(unknown.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(json(unknown).path("detail").asString()).contains("height");
	}

	@Test
	void aHotlineCaseIsLinkedToTheOneResidentWithThatPhoneAndTheNumberIsNeverStored() {
		String phone = PeopleFixtures.phone();
		Room room = fx.rooms(NEIGHBOUR_GRID, 14).get(13);
		long reporter = create("尉迟" + rare(2), LocalDate.of(1968, 2, 2), room, phone);
		String first = report("clerk", phone, null, "楼道灯坏了");
		String second = report("clerk", phone, null, "小区门口积水");
		String unlinked = report("clerk", PeopleFixtures.phone(), null, "噪音扰民");

		JsonNode card = fx.get("community", "/api/v1/residents/{id}", reporter);
		assertThat(card.path("reportedCasesTotal").asLong()).isEqualTo(2);
		assertThat(card.path("reportedCases")).extracting(c -> c.path("caseNo").asString())
			.as("newest first").containsExactly(second, first);
		assertThat(card.path("reportedCases").get(0).path("url").asString()).isEqualTo("/cases/" + second);
		assertThat(card.path("reportedCases").get(0).path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(card.path("reportedCases").get(0).path("categoryName").asString()).isNotBlank();
		JsonNode paged = fx.get("community", "/api/v1/residents/{id}/cases?size=1&page=1", reporter);
		assertThat(paged.path("total").asLong()).isEqualTo(2);
		assertThat(paged.path("items").get(0).path("caseNo").asString()).isEqualTo(first);
		assertThat(caseApi.find(unlinked)).isPresent();

		assertThat(jdbc.sql("select count(*) from cases.case_record where reporter_phone_masked = :p or description like :p")
			.param("p", phone).query(Long.class).single()).as("the full phone is not stored with the case").isZero();
		assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :p")
			.param("p", "%" + phone + "%").query(Long.class).single()).as("nor in a persisted event").isZero();

		MvcTestResult elsewhere = mvc.get().uri("/api/v1/residents/" + reporter + "/cases")
			.header(HttpHeaders.AUTHORIZATION, fx.bearer("grid")).exchange();
		assertThat(elsewhere).as("a grid worker of another grid does not see the resident").hasStatus(404);
	}

	@Test
	void aSharedPhoneLinksNobodyAndAnExplicitResidentIdLinksThatResident() {
		String shared = PeopleFixtures.phone();
		Room room = fx.rooms(GRID, 15).get(14);
		long parent = create("端木" + rare(2), LocalDate.of(1955, 5, 5), room, shared);
		long child = create("端木" + rare(2), LocalDate.of(1985, 5, 5), room, shared);
		report("clerk", shared, null, "电梯故障");
		assertThat(fx.get("community", "/api/v1/residents/{id}", parent).path("reportedCasesTotal").asLong()).isZero();
		assertThat(fx.get("community", "/api/v1/residents/{id}", child).path("reportedCasesTotal").asLong()).isZero();

		String named = report("clerk", shared, child, "电梯故障，孩子代为反映");
		assertThat(fx.get("community", "/api/v1/residents/{id}/cases", child).path("items").get(0).path("caseNo")
			.asString()).isEqualTo(named);

		Map<String, Object> body = caseBody(PeopleFixtures.phone(), "无此居民");
		body.put("reporterResidentId", 987_654_321L);
		MvcTestResult unknown = post("clerk", "/api/v1/cases", body);
		assertThat(unknown).hasStatus(422);
		assertThat(json(unknown).path("errors").get(0).path("field").asString()).isEqualTo("reporterResidentId");
	}

	@Test
	void callersWrittenTogetherAreMatchedInOneLookupWithTheSameRulesAsOneByOne() {
		Room room = fx.rooms(GRID, 15).get(13);
		String own = PeopleFixtures.phone();
		String shared = PeopleFixtures.phone();
		long single = create("欧阳" + rare(2), LocalDate.of(1960, 6, 6), room, own);
		create("欧阳" + rare(2), LocalDate.of(1962, 6, 6), room, shared);
		create("欧阳" + rare(2), LocalDate.of(1990, 6, 6), room, shared);
		String padded = " " + own + " ";
		String nobody = PeopleFixtures.phone();

		Map<String, Long> found = reporters.residentsWithPhones(List.of(own, padded, own, shared, nobody, "不是电话"));

		assertThat(found).as("two calls from one phone in the same group both link; a shared or unknown phone links "
				+ "nobody").containsOnly(Map.entry(own, single), Map.entry(padded, single));
		assertThat(reporters.residentWithPhone(own)).hasValue(single);
		assertThat(reporters.residentWithPhone(shared)).isEmpty();
	}

	@Test
	void theCardListsOnlyTheCasesItsReaderMaySee() {
		Room room = fx.rooms(GRID, 15).get(12);
		String phone = PeopleFixtures.phone();
		long resident = create("司马" + rare(2), LocalDate.of(1970, 7, 7), room, phone);
		String home = report("clerk", phone, resident, "本社区路灯不亮");
		// another community of the same street, whose staff do not see this one's cases but the street does
		org.gongzhi.area.AreaView elsewhere = areas.ofLevel(org.gongzhi.area.AreaLevel.COMMUNITY).stream()
			.filter(c -> c.code().startsWith(room.communityCode().substring(0, 9)))
			.filter(c -> !c.code().equals(room.communityCode())).findFirst().orElseThrow();
		Map<String, Object> body = caseBody(phone, "外社区占道经营");
		body.put("address", elsewhere.name());
		body.put("reporterResidentId", resident);
		MvcTestResult filed = post("clerk", "/api/v1/cases", body);
		assertThat(filed).hasStatus(201);
		String away = json(filed).path("caseNo").asString();
		assertThat(communityOf(home)).isEqualTo(room.communityCode());
		assertThat(communityOf(away)).isEqualTo(elsewhere.code());

		JsonNode communityCard = fx.get("community", "/api/v1/residents/{id}", resident);
		assertThat(communityCard.path("reportedCasesTotal").asLong()).as("the resident's own community").isEqualTo(1);
		assertThat(communityCard.path("reportedCases")).extracting(c -> c.path("caseNo").asString())
			.containsExactly(home);
		assertThat(fx.get("community", "/api/v1/residents/{id}/cases", resident).path("total").asLong()).isEqualTo(1);
		assertThat(fx.get("street", "/api/v1/residents/{id}", resident).path("reportedCases"))
			.as("the street sees both").extracting(c -> c.path("caseNo").asString()).containsExactly(away, home);
	}

	private String communityOf(String caseNo) {
		return jdbc.sql("select community_code from cases.case_record where case_no = :no").param("no", caseNo)
			.query(String.class).single();
	}

	@Test
	void demoHotlineCallersAreLinkedToDemoResidents() {
		List<Map<String, Object>> linked = jdbc.sql("""
				select reporter_resident_id as resident, case_no from cases.case_record
				 where reporter_resident_id is not null and channel = 'HOTLINE' and community_code = '110199001001'
				 order by received_at desc limit 1
				""").query().listOfRows();
		assertThat(linked).as("demo hotline cases with a resident").isNotEmpty();
		long resident = ((Number) linked.get(0).get("resident")).longValue();
		JsonNode card = fx.get("community", "/api/v1/residents/{id}", resident);
		assertThat(card.path("reportedCasesTotal").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(card.path("reportedCases")).extracting(c -> c.path("caseNo").asString())
			.contains((String) linked.get(0).get("case_no"));
	}

	// helpers

	private long create(String name, LocalDate birth, Room room) {
		return create(name, birth, room, PeopleFixtures.phone());
	}

	private long create(String name, LocalDate birth, Room room, String phone) {
		MvcTestResult r = post("community", "/api/v1/residents",
				resident(name, PeopleFixtures.idNumber(birth, true), phone, room.code()));
		assertThat(r).hasStatus(201);
		return json(r).path("id").asLong();
	}

	private List<Long> ids(String query) {
		List<Long> ids = new ArrayList<>();
		fx.get("community", "/api/v1/residents?" + query).path("items").forEach(i -> ids.add(i.path("id").asLong()));
		return ids;
	}

	private String report(String user, String phone, Long residentId, String description) {
		Map<String, Object> body = caseBody(phone, description);
		body.put("reporterResidentId", residentId);
		MvcTestResult r = post(user, "/api/v1/cases", body);
		assertThat(r).as("report a case").hasStatus(201);
		return json(r).path("caseNo").asString();
	}

	private Map<String, Object> caseBody(String phone, String description) {
		CategoryView category = caseApi.categories().stream().filter(c -> !c.major()).findFirst().orElseThrow();
		Map<String, Object> body = new HashMap<>();
		body.put("categoryCode", category.code());
		body.put("description", description);
		body.put("address", "福康里社区");
		body.put("reporterName", "来电居民");
		body.put("reporterPhone", phone);
		return body;
	}

	static Map<String, Object> resident(String name, String idNumber, String phone, String roomCode) {
		Map<String, Object> cmd = new HashMap<>();
		cmd.put("name", name);
		cmd.put("gender", "MALE");
		cmd.put("idType", "RESIDENT_ID");
		cmd.put("idNumber", idNumber);
		cmd.put("phone", phone);
		cmd.put("registrationStatus", "HOUSEHOLD");
		cmd.put("livingRoomCode", roomCode);
		cmd.put("registeredRoomCode", roomCode);
		return cmd;
	}

	private MvcTestResult post(String user, String uri, Object body) {
		return mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(Api.json(body))
			.header(HttpHeaders.AUTHORIZATION, fx.bearer(user)).exchange();
	}

	private MvcTestResult put(String user, String uri, Object body) {
		return mvc.put().uri(uri).contentType(MediaType.APPLICATION_JSON).content(Api.json(body))
			.header(HttpHeaders.AUTHORIZATION, fx.bearer(user)).exchange();
	}

	static Map<String, String> fields(JsonNode problem) {
		Map<String, String> fields = new HashMap<>();
		problem.path("errors").forEach(e -> fields.put(e.path("field").asString(), e.path("message").asString()));
		return fields;
	}

	static String rare(int n) {
		return PeopleFixtures.rare(n);
	}

}
