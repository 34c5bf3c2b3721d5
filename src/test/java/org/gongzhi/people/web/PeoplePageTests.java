package org.gongzhi.people.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.people.GroupKind;
import org.gongzhi.people.IdType;
import org.gongzhi.people.PeopleGroups;
import org.gongzhi.people.PersonGroupView;
import org.gongzhi.people.ResidentQuery;
import org.gongzhi.people.ResidentSummary;
import org.gongzhi.people.Residents;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The resident, house and unit pages on the demo people: a community's staff see their own residents only (and the
 * 人户分离 residents registered with them), numbers are masked everywhere and revealed only with the grant, key groups
 * only to users granted them, filters and the htmx fragment, the export, and the navigation by role.
 */
@GongzhiTest
class PeoplePageTests {

	static final String COMMUNITY = "110199001001";

	static final String OTHER_COMMUNITY = "110199001002";

	static final Pattern FULL_ID = Pattern.compile("(?<![\\d*])110199\\d{11}[\\dX](?![\\d*])");

	static final Pattern FULL_PHONE = Pattern.compile("(?<![\\d*])1[3-9]\\d{9}(?![\\d*])");

	static final Pattern MASKED_ID = Pattern.compile("110199\\*{8}\\d{3}[\\dX]");

	static final Pattern MASKED_PHONE = Pattern.compile("1\\d{2}\\*{4}\\d{4}");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SignInService signIn;

	@Autowired
	Residents residents;

	@Autowired
	PeopleGroups groups;

	@Test
	void communityStaffListTheirResidentsWithMaskedNumbers() {
		String page = page("community", "/people");
		assertThat(page).contains("实有人口", "id=\"people-table\"", "people-row", "id=\"people-export\"",
				"id=\"people-import-link\"");
		assertThat(MASKED_ID.matcher(page).find()).isTrue();
		assertThat(MASKED_PHONE.matcher(page).find()).isTrue();
		assertThat(FULL_ID.matcher(page).find()).as("a full ID number on the list").isFalse();
		assertThat(FULL_PHONE.matcher(page).find()).as("a full phone number on the list").isFalse();

		String fragment = body(mvc.get().uri("/people").param("status", "FLOATING").header("HX-Request", "true")
			.with(as("community")).exchange());
		assertThat(fragment).contains("id=\"people-results\"", "流动").doesNotContain("<html", "id=\"people-filters\"");
	}

	@Test
	void aCommunitySeesNoResidentOfAnotherCommunity() {
		ResidentSummary elsewhere = residents.search(admin(),
				new ResidentQuery(null, OTHER_COMMUNITY, null, null, null, false, null, 0, 100)).items().stream()
			.filter(r -> !COMMUNITY.equals(r.registeredCommunityCode()))
			.filter(r -> residents.search(admin(), ResidentQuery.search(r.name())).total() == 1)
			.findFirst().orElseThrow();

		assertThat(mvc.get().uri("/people/" + elsewhere.id()).with(as("community")).exchange()).hasStatus(404);
		String search = search("community", "/people", "q", elsewhere.name());
		assertThat(search).doesNotContain("/people/" + elsewhere.id() + "\"");
		assertThat(search("street", "/people", "q", elsewhere.name())).contains("/people/" + elsewhere.id() + "\"");
		assertThat(page("street", "/people/" + elsewhere.id())).contains(elsewhere.name());

		String filtered = page("community", "/people?community=" + OTHER_COMMUNITY + "&separated=false");
		assertThat(filtered).doesNotContain("/people/" + elsewhere.id() + "\"");
	}

	@Test
	void separatedResidentsAreSeenAndMarkedByBothCommunities() {
		ResidentSummary separated = null;
		for (int page = 0; separated == null; page++) {
			var result = residents.search(admin(),
					new ResidentQuery(null, null, null, null, null, true, null, page, 100));
			separated = result.items().stream()
				.filter(r -> COMMUNITY.equals(r.registeredCommunityCode()) && r.communityCode() != null
						&& !COMMUNITY.equals(r.communityCode()))
				.findFirst().orElse(null);
			assertThat(separated != null || result.hasNext()).as("a resident registered in %s living elsewhere", COMMUNITY)
				.isTrue();
		}

		String card = page("community", "/people/" + separated.id());
		assertThat(card).contains(separated.name(), "人户分离", "people-separated");
		String gridWorker = "gw" + separated.gridCode().substring(9);
		assertThat(page(gridWorker, "/people/" + separated.id())).contains(separated.name(), "人户分离");
		assertThat(page("community", "/people?separated=true")).contains("people-separated");
	}

	@Test
	void fullNumbersAreShownOnlyWithTheGrantAndAfterAsking() {
		ResidentSummary r = residents.search(admin(),
				new ResidentQuery(null, null, "110199001001001", null, null, null, null, 0, 20)).items().stream()
			.filter(s -> s.phoneMasked() != null && s.idType() == IdType.RESIDENT_ID).findFirst().orElseThrow();

		String card = page("community", "/people/" + r.id());
		assertThat(card).contains(r.idNumberMasked(), r.phoneMasked(), "id=\"person-reveal\"", "hx-confirm=");
		assertThat(FULL_ID.matcher(card).find()).isFalse();

		MvcTestResult revealed = mvc.post().uri("/people/" + r.id() + "/reveal").header("HX-Request", "true")
			.with(as("community")).with(csrf()).exchange();
		assertThat(revealed).hasStatusOk();
		String numbers = body(revealed);
		assertThat(numbers).contains("id=\"person-numbers\"", "已记入审计日志").doesNotContain("<html");
		assertThat(FULL_PHONE.matcher(numbers).find()).isTrue();
		String id = FULL_ID.matcher(numbers).results().findFirst().orElseThrow().group();
		assertThat(id).startsWith(r.idNumberMasked().substring(0, 6)).endsWith(r.idNumberMasked().substring(14));

		String gridCard = page("grid", "/people/" + r.id());
		assertThat(gridCard).contains(r.idNumberMasked()).doesNotContain("id=\"person-reveal\"");
		MvcTestResult refused = mvc.post().uri("/people/" + r.id() + "/reveal").with(as("grid")).with(csrf())
			.exchange();
		assertThat(refused).hasStatus(403);
		assertThat(FULL_ID.matcher(body(refused)).find()).isFalse();
	}

	@Test
	void keyGroupsAreShownOnlyToUsersGrantedThem() {
		PersonGroupView key = groups.groups(signIn.loadUserByUsername("street")).stream()
			.filter(g -> g.kind() == GroupKind.KEY).findFirst().orElseThrow();
		ResidentSummary member = residents.search(signIn.loadUserByUsername("street"),
				new ResidentQuery(null, null, null, null, key.code(), null, null, 0, 1)).items().get(0);

		assertThat(page("street", "/people/" + member.id())).contains(key.name(), "people-key-group");
		assertThat(page("street", "/people")).contains("value=\"" + key.code() + "\"");

		assertThat(page("admin", "/people/" + member.id())).contains(member.name()).doesNotContain(key.name());
		assertThat(page("admin", "/people")).doesNotContain("value=\"" + key.code() + "\"");
		assertThat(mvc.get().uri("/people").param("group", key.code()).with(as("admin")).exchange()).hasStatus(403);
	}

	@Test
	void filtersCombineAndEmptyResultsSaySo() {
		String care = page("community", "/people?group=SOLITARY_ELDER");
		assertThat(care).contains("独居老人");
		String nothing = search("community", "/people", "q", "查无此人甲乙丙丁");
		assertThat(nothing).contains("id=\"people-empty\"", "没有符合条件的记录", "清除筛选");
		String grid = page("grid", "/people");
		assertThat(grid).contains("people-row");
	}

	@Test
	void theExportIsAScopedMaskedWorkbook() throws Exception {
		MvcTestResult export = mvc.get().uri("/people/export").param("grid", "110199001001001").with(as("community"))
			.exchange();
		assertThat(export).hasStatusOk().hasContentType(ResidentPages.XLSX);
		assertThat(export.getResponse().getHeader("Content-Disposition")).contains("attachment", ".xlsx");
		byte[] xlsx = export.getResponse().getContentAsByteArray();
		assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

		assertThat(mvc.get().uri("/people/export").with(as("resident")).exchange()).hasStatus(403);
	}

	@Test
	void housesAndUnitsAreListedWithinTheScope() {
		String houses = page("community", "/people/houses");
		assertThat(houses).contains("实有房屋", "house-row", "自住");
		String rented = body(mvc.get().uri("/people/houses").param("use", "RENTED").header("HX-Request", "true")
			.with(as("community")).exchange());
		assertThat(rented).contains("出租", "house-link").doesNotContain("<html", ">自住<");
		Matcher link = Pattern.compile("href=\"(/people/houses/\\d{24})\"").matcher(rented);
		assertThat(link.find()).isTrue();
		String house = page("community", link.group(1));
		assertThat(house).contains("出租", "租户", "id=\"house-occupants\"");
		assertThat(FULL_PHONE.matcher(house).find()).isFalse();
		assertThat(FULL_PHONE.matcher(houses).find()).isFalse();

		String units = page("community", "/people/units");
		assertThat(units).contains("实有单位", "unit-row", "物业");
		assertThat(FULL_PHONE.matcher(units).find()).isFalse();
		assertThat(search("community", "/people/units?kind=SCHOOL", "q", "查无此单位")).contains("id=\"unit-empty\"");
	}

	@Test
	void theNavigationOffersTheRegistryToTheRolesThatUseIt() {
		assertThat(page("community", "/")).contains("href=\"/people\"");
		assertThat(page("grid", "/")).contains("href=\"/people/visits\"");
		assertThat(page("resident", "/")).doesNotContain("href=\"/people\"", "href=\"/people/visits\"");
		assertThat(mvc.get().uri("/people").with(as("resident")).exchange()).hasStatus(403);
		assertThat(mvc.get().uri("/people").with(as("dept")).exchange()).hasStatus(403);
	}

	private GongzhiUser admin() {
		return signIn.loadUserByUsername("admin");
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

	/** A page with one parameter sent as the browser's form would (not through the URI template). */
	private String search(String username, String uri, String name, String value) {
		MvcTestResult result = mvc.get().uri(uri).param(name, value).with(as(username)).exchange();
		assertThat(result).as("GET %s with %s=%s as %s", uri, name, value, username).hasStatusOk();
		String page = body(result);
		assertThat(page).contains("value=\"" + value + "\"");
		return page;
	}

	static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
