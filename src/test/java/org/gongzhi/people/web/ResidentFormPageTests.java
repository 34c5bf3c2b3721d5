package org.gongzhi.people.web;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongzhi.area.Areas;
import org.gongzhi.cases.CaseApi;
import org.gongzhi.cases.CaseView;
import org.gongzhi.cases.CategoryView;
import org.gongzhi.cases.Channel;
import org.gongzhi.cases.ReportCaseCmd;
import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.people.PeopleFixtures;
import org.gongzhi.people.PeopleFixtures.Room;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The hand-made resident pages: the new-resident form with its address picker, field errors in Chinese under the
 * import's rules, the card after registering, the edit form with its stale-version refusal, the clickable sort
 * headers of the list, and the cases a resident reported on the card with the link to the case page.
 */
@GongzhiTest
class ResidentFormPageTests {

	static final String GRID = "110199001001001";

	static final String COMMUNITY = "110199001001";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SignInService signIn;

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
	void theFormPicksTheAddressStepByStepAndIsOfferedOnlyToEditors() {
		String page = page("community", "/people/new");
		assertThat(page).contains("新增居民", "id=\"resident-form\"", "name=\"idNumber\"", "id=\"address-picker\"",
				"name=\"groupCodes\"", "独居老人");
		assertThat(page("community", "/people")).contains("id=\"people-new-link\"");

		Room room = fx.rooms(GRID, 1).get(0);
		String unit = areas.find(room.code()).orElseThrow().parentCode();
		String building = areas.find(unit).orElseThrow().parentCode();
		String buildings = body(mvc.get().uri("/people/address-picker").param("community", COMMUNITY)
			.header("HX-Request", "true").with(as("community")).exchange());
		assertThat(buildings).contains("id=\"address-picker\"", "value=\"" + building + "\"")
			.doesNotContain("<html");
		String rooms = body(mvc.get().uri("/people/address-picker").param("community", COMMUNITY)
			.param("building", building).param("unit", unit).with(as("community")).exchange());
		assertThat(rooms).contains("value=\"" + room.code() + "\"", ">" + room.room() + "<");
		String otherCommunity = body(mvc.get().uri("/people/address-picker").param("community", "110199001002")
			.param("building", building).with(as("community")).exchange());
		assertThat(otherCommunity).as("a community outside the scope offers nothing")
			.doesNotContain("value=\"" + building + "\"");

		assertThat(mvc.get().uri("/people/new").with(as("leader")).exchange()).hasStatus(403);
		assertThat(page("leader", "/people")).doesNotContain("id=\"people-new-link\"");
	}

	@Test
	void aBadFormShowsEveryErrorInChineseAndAGoodOneOpensTheCard() {
		Room room = fx.rooms(GRID, 16).get(15);
		String unit = areas.find(room.code()).orElseThrow().parentCode();
		String building = areas.find(unit).orElseThrow().parentCode();
		String name = "令狐" + ResidentRecordsApiTests.rare(2);
		String id = PeopleFixtures.idNumber(LocalDate.of(1948, 10, 1), false);
		String badId = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');

		String badPhone = body(form(name, badId, "12345", room, building, unit));
		assertThat(badPhone).contains("id=\"resident-errors\"", "联系电话应为 11 位手机号", "id=\"phone-error\"")
			.contains("value=\"" + name + "\"", "value=\"" + room.code() + "\" selected");
		String badIdPage = body(form(name, badId, "13700001234", room, building, unit));
		assertThat(badIdPage).contains("id=\"resident-errors\"", "校验码", "id=\"idNumber-error\"");
		assertThat(jdbc.sql("select count(*) from people.resident where name = :n").param("n", name)
			.query(Long.class).single()).isZero();

		MvcTestResult created = mvc.post().uri("/people/new").with(as("community")).with(csrf())
			.param("name", name).param("idType", "RESIDENT_ID").param("idNumber", id).param("phone", "13700001234")
			.param("registrationStatus", "HOUSEHOLD").param("community", COMMUNITY).param("building", building)
			.param("unit", unit).param("livingRoomCode", room.code()).param("sameAsLiving", "true")
			.param("groupCodes", "SOLITARY_ELDER").param("tags", "老党员、独居").exchange();
		assertThat(created).hasStatus3xxRedirection();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).matches("/people/\\d+");
		String card = page("community", location);
		assertThat(card).contains(name, "女", "137****1234", id.substring(0, 6) + "********" + id.substring(14),
				"独居老人", "老党员", "独居", "1948-10-01");
		assertThat(card).doesNotContain(id, "13700001234");
		Matcher living = Pattern.compile("id=\"person-living\"><span>([^<]+)<").matcher(card);
		Matcher registered = Pattern.compile("id=\"person-registered\">([^<]+)<").matcher(card);
		assertThat(living.find() && registered.find()).isTrue();
		assertThat(registered.group(1)).as("registered where they live").isEqualTo(living.group(1));
	}

	@Test
	void anEditSavesWithTheVersionReadAndAStaleOneIsRefused() {
		Room room = fx.rooms(GRID, 17).get(16);
		String name = "公孙" + ResidentRecordsApiTests.rare(2);
		long id = created(name, room);
		this.room = room;
		String form = page("community", "/people/" + id + "/edit");
		assertThat(form).contains("编辑居民信息", "value=\"" + name + "\"", "name=\"version\"");
		String version = value(form, "version");

		MvcTestResult saved = edit(id, name, version, "13655556666", "改为低保户");
		assertThat(saved).hasStatus3xxRedirection();
		assertThat(saved.getMvcResult().getFlashMap().get("notice")).isEqualTo("people.form.updated");
		assertThat(page("community", "/people/" + id)).contains("136****6666", "改为低保户");

		String stale = body(edit(id, name, version, "13655557777", "过期的修改"));
		assertThat(stale).contains("已被他人修改", "id=\"resident-reload\"");
		assertThat(page("community", "/people/" + id)).contains("136****6666").doesNotContain("过期的修改");
		assertThat(page("community", "/people/" + id)).contains("id=\"person-edit-link\"");
	}

	@Test
	void theListHeadersSortAndReverse() {
		String page = page("community", "/people?sort=name&dir=asc");
		assertThat(page).contains("aria-sort=\"ascending\"", "id=\"sort-name\"");
		Matcher link = Pattern.compile("id=\"sort-name\"\\s+href=\"([^\"]+)\"").matcher(page);
		assertThat(link.find()).isTrue();
		assertThat(link.group(1)).contains("sort=name", "dir=desc");
		String reversed = page("community", "/people?sort=name&dir=desc");
		assertThat(reversed).contains("aria-sort=\"descending\"");
		assertThat(reversed).containsPattern("<option value=\"name\" selected");
		String byAge = page("community", "/people?sort=age");
		Matcher age = Pattern.compile("id=\"sort-age\"\\s+href=\"([^\"]+)\"").matcher(byAge);
		assertThat(age.find()).isTrue();
		assertThat(age.group(1)).contains("dir=desc");
	}

	@Test
	void theCardListsTheCasesTheResidentReportedWithLinks() {
		Room room = fx.rooms(GRID, 18).get(17);
		String name = "慕容" + ResidentRecordsApiTests.rare(2);
		long id = created(name, room);
		assertThat(page("community", "/people/" + id)).contains("id=\"person-cases-empty\"");
		CategoryView category = caseApi.categories().stream().filter(c -> !c.major()).findFirst().orElseThrow();
		CaseView last = null;
		for (int i = 0; i < 6; i++) {
			last = caseApi.report(new ReportCaseCmd(category.code(), null, "第 " + i + " 次反映", null, null, "福康里社区",
					name, null, List.of(), Channel.API, null, id), "test", null);
		}
		String card = page("community", "/people/" + id);
		assertThat(card).contains("诉求记录", "共 6 件", "href=\"/cases/" + last.caseNo() + "\"", "已受理",
				category.name(), "id=\"person-cases-more\"");
		assertThat(Pattern.compile("class=\"list-group-item px-0 person-case\"").matcher(card).results().count())
			.isEqualTo(5);
		String all = page("community", "/people/" + id + "/cases");
		assertThat(Pattern.compile("person-case-link").matcher(all).results().count()).isEqualTo(6);
	}

	// helpers

	private long created(String name, Room room) {
		String unit = areas.find(room.code()).orElseThrow().parentCode();
		MvcTestResult r = mvc.post().uri("/people/new").with(as("community")).with(csrf()).param("name", name)
			.param("idType", "RESIDENT_ID").param("idNumber", PeopleFixtures.idNumber(LocalDate.of(1970, 3, 3), true))
			.param("registrationStatus", "HOUSEHOLD").param("community", COMMUNITY)
			.param("building", areas.find(unit).orElseThrow().parentCode()).param("unit", unit)
			.param("livingRoomCode", room.code()).param("sameAsLiving", "true").exchange();
		assertThat(r).hasStatus3xxRedirection();
		return Long.parseLong(r.getResponse().getRedirectedUrl().replace("/people/", ""));
	}

	private Room room;

	private MvcTestResult form(String name, String idNumber, String phone, Room room, String building, String unit) {
		return mvc.post().uri("/people/new").with(as("community")).with(csrf()).param("name", name)
			.param("idType", "RESIDENT_ID").param("idNumber", idNumber).param("phone", phone)
			.param("registrationStatus", "HOUSEHOLD").param("community", COMMUNITY).param("building", building)
			.param("unit", unit).param("livingRoomCode", room.code()).param("sameAsLiving", "true")
			.param("groupCodes", "SOLITARY_ELDER").exchange();
	}

	private MvcTestResult edit(long id, String name, String version, String phone, String note) {
		String unit = areas.find(room.code()).orElseThrow().parentCode();
		return mvc.post().uri("/people/" + id + "/edit").with(as("community")).with(csrf()).param("name", name)
			.param("community", COMMUNITY).param("building", areas.find(unit).orElseThrow().parentCode())
			.param("unit", unit).param("livingRoomCode", room.code())
			.param("gender", "MALE").param("idType", "RESIDENT_ID").param("idNumber", "").param("phone", phone)
			.param("registrationStatus", "HOUSEHOLD").param("sameAsLiving", "true").param("note", note)
			.param("version", version).exchange();
	}

	private static String value(String html, String field) {
		Matcher m = Pattern.compile("name=\"" + field + "\" value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"" + field
				+ "\"").matcher(html);
		assertThat(m.find()).as("field %s", field).isTrue();
		return m.group(1) != null ? m.group(1) : m.group(2);
	}

	private String page(String username, String uri) {
		MvcTestResult result = mvc.get().uri(uri).with(as(username)).exchange();
		assertThat(result).as("GET %s as %s", uri, username).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
		return body(result);
	}

	private RequestPostProcessor as(String username) {
		return user(signIn.loadUserByUsername(username));
	}

	private static String body(MvcTestResult result) {
		return PeoplePageTests.body(result);
	}

}
