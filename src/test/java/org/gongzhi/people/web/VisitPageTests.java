package org.gongzhi.people.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.people.OverdueVisit;
import org.gongzhi.people.ResidentQuery;
import org.gongzhi.people.Residents;
import org.gongzhi.people.Visits;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Care visits as a grid worker records them: the overdue worklist, the record-visit form with its errors in Chinese
 * (nothing recorded), a valid visit with a photo that shows on the card and takes the member off the worklist, and the
 * community's overdue report.
 */
@GongzhiTest
class VisitPageTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** A minimal valid PNG (1×1). */
	static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SignInService signIn;

	@Autowired
	Visits visits;

	@Autowired
	Residents residents;

	@Autowired
	MessageSource messages;

	@Test
	void theWorklistListsOverdueCareMembersOfTheGridWorkersGrid() {
		String page = page("grid", "/people/visits");
		assertThat(page).contains("待走访（已逾期）", "最近走访");
		var overdue = visits.overdue(me("grid"), null, 0, 20);
		assertThat(page).contains("id=\"visits-overdue-count\">" + overdue.total() + "<");
		if (overdue.items().isEmpty()) {
			assertThat(page).contains("没有逾期未走访的关爱对象");
		}
		else {
			OverdueVisit first = overdue.items().get(0);
			assertThat(first.gridCode()).isEqualTo("110199001001001");
			assertThat(page).contains("id=\"visits-worklist\"", "data-resident=\"" + first.residentId() + "\"",
					first.name(), "visit-record");
		}
	}

	@Test
	void anIncompleteVisitShowsChineseErrorsAndRecordsNothing() {
		Member member = careMember();
		int before = visits.ofResident(me("grid"), member.id()).size();

		String form = page("grid", "/people/visits/new?residentId=" + member.id());
		assertThat(form).contains("记录走访", member.name(), "name=\"findings\"", "type=\"datetime-local\"",
				"name=\"photo\"", "value=\"CARE\"");

		String empty = body(post(member.id(), now(), " ", null));
		String required = messages.getMessage("people.visit.findings.required", null, Locale.SIMPLIFIED_CHINESE);
		assertThat(required).containsPattern("[\\u4e00-\\u9fa5]");
		assertThat(empty).contains("请修正以下问题后再提交", required, "id=\"findings-error\"");

		String future = body(post(member.id(), now().plusDays(2), "上门看望，身体很好", null));
		assertThat(future).contains("走访时间不能晚于现在", "上门看望，身体很好");

		MockMultipartFile notAnImage = new MockMultipartFile("photo", "note.png", "image/png",
				"这不是图片".getBytes(StandardCharsets.UTF_8));
		assertThat(body(post(member.id(), now(), "上门看望", notAnImage)))
			.contains("照片须为 JPEG、PNG 或 WebP 图片");

		assertThat(visits.ofResident(me("grid"), member.id())).hasSize(before);
	}

	@Test
	void aRecordedVisitShowsOnTheCardAndLeavesTheWorklist() {
		Member member = careMember();

		MvcTestResult saved = post(member.id(), now().minusHours(1), "老人身体状况良好，家中燃气安全",
				new MockMultipartFile("photo", "visit.png", "image/png", PNG));
		assertThat(saved).hasStatus3xxRedirection();
		assertThat(saved.getResponse().getRedirectedUrl()).startsWith("/people/" + member.id());

		String card = page("grid", "/people/" + member.id());
		assertThat(card).contains("老人身体状况良好，家中燃气安全", "张伟（网格员）", "/photo");
		assertThat(card).doesNotContain("list-group-item-danger");
		assertThat(visits.overdue(me("grid"), null, 0, 500).items()).noneMatch(o -> o.residentId() == member.id());
		long visitId = visits.ofResident(me("grid"), member.id()).get(0).id();
		MvcTestResult photo = mvc.get().uri("/people/visits/" + visitId + "/photo").with(as("grid")).exchange();
		assertThat(photo).hasStatusOk().hasContentType("image/png");
		assertThat(mvc.get().uri("/people/visits/" + visitId + "/photo").with(as("resident")).exchange())
			.hasStatus(403);
	}

	@Test
	void theCommunityReportCountsMembersOnTimeAndOverdue() {
		String report = page("community", "/people/visits/report");
		assertThat(report).contains("走访统计", "关爱对象", "按期走访", "逾期未走访", "id=\"report-table\"", "独居老人");
		assertThat(mvc.get().uri("/people/visits/report").with(as("resident")).exchange()).hasStatus(403);
	}

	/** A care group member of the grid worker's grid: the most overdue one if any is overdue. */
	private Member careMember() {
		var overdue = visits.overdue(me("grid"), null, 0, 1).items();
		if (!overdue.isEmpty()) {
			return new Member(overdue.get(0).residentId(), overdue.get(0).name());
		}
		for (String group : new String[] { "SOLITARY_ELDER", "EMPTY_NEST_ELDER", "DISABLED", "SUBSISTENCE" }) {
			var found = residents.search(me("grid"), new ResidentQuery(null, null, null, null, group, null, null, 0, 1))
				.items();
			if (!found.isEmpty()) {
				return new Member(found.get(0).id(), found.get(0).name());
			}
		}
		throw new IllegalStateException("no care group member in the grid worker's grid");
	}

	/** A resident to visit. */
	record Member(long id, String name) {
	}

	private MvcTestResult post(long residentId, LocalDateTime at, String findings, MockMultipartFile photo) {
		var request = mvc.post().uri("/people/visits").multipart();
		if (photo != null) {
			request = request.file(photo);
		}
		return request.param("residentId", Long.toString(residentId)).param("kind", "CARE")
			.param("visitedAt", at.toString()).param("findings", findings).param("followUp", "")
			.with(as("grid")).with(csrf()).exchange();
	}

	private static LocalDateTime now() {
		return LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES);
	}

	private GongzhiUser me(String username) {
		return signIn.loadUserByUsername(username);
	}

	private String page(String username, String uri) {
		MvcTestResult result = mvc.get().uri(uri).with(as(username)).exchange();
		assertThat(result).as("GET %s as %s", uri, username).hasStatusOk();
		return body(result);
	}

	private RequestPostProcessor as(String username) {
		return user(signIn.loadUserByUsername(username));
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
