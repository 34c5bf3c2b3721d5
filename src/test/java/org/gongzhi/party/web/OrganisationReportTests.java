package org.gongzhi.party.web;

import java.util.Map;

import org.gongzhi.party.OrgKind;
import org.gongzhi.party.OrganisationCmd;
import org.gongzhi.party.PartyAdministration;
import org.gongzhi.support.Api;
import org.gongzhi.support.GongzhiTest;
import org.gongzhi.support.Pages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * 单位党组织报到: the street reports an employer unit's organisation to a community, the community refuses without a
 * reason in vain and then accepts, the acceptance carries an expiry date, a second report while one waits is refused,
 * and a community worker cannot report an organisation outside their scope.
 */
@GongzhiTest
class OrganisationReportTests {

	static final String COMMUNITY = "110199001001";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	PartyAdministration party;

	@Test
	void anOrganisationReportsAndTheCommunityAcceptsIt() {
		long org = party.createOrganisation(new OrganisationCmd(OrgKind.COMMITTEE, "报到测试单位机关党委", null, "110199001",
				null, null, java.util.List.of(), null));
		Map<String, Object> body = Map.of("organisationId", org, "communityCode", COMMUNITY, "contactName", "王联络",
				"commitment", "每季度进社区义诊一次");
		JsonNode created = PartyApiTests.json(post("street", "/api/v1/party/org-reports", body), 201);
		assertThat(created.path("status").asString()).isEqualTo("PENDING");
		assertThat(created.path("communityName").asString()).isNotBlank();
		long id = created.path("id").asLong();

		assertThat(post("street", "/api/v1/party/org-reports", body)).hasStatus(409);
		assertThat(post("community", "/api/v1/party/org-reports", body)).hasStatus(403);
		JsonNode invalid = PartyApiTests.json(post("street", "/api/v1/party/org-reports",
				Map.of("organisationId", org, "communityCode", COMMUNITY, "contactName", "")), 400);
		assertThat(invalid.toString()).contains("请填写联系人").contains("请填写共建承诺");

		assertThat(post("community", "/api/v1/party/org-reports/" + id + "/review", Map.of("accept", false)))
			.hasStatus(422);
		JsonNode inbox = PartyApiTests.json(get("community", "/api/v1/party/org-reports?status=PENDING"), 200);
		assertThat(inbox.toString()).contains("报到测试单位机关党委");

		JsonNode accepted = PartyApiTests.json(post("community", "/api/v1/party/org-reports/" + id + "/review",
				Map.of("accept", true)), 200);
		assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.path("expiresOn").asString()).isNotBlank();
		assertThat(post("community", "/api/v1/party/org-reports/" + id + "/review", Map.of("accept", true)))
			.hasStatus(409);
		assertThat(post("street", "/api/v1/party/org-reports", body)).as("still valid, not yet renewable")
			.hasStatus(409);
	}

	@Test
	void theInboxPageRegistersAndReviewsOrganisationReports() {
		long org = party.createOrganisation(new OrganisationCmd(OrgKind.COMMITTEE, "页面报到测试单位党委", null, "110199001",
				null, null, java.util.List.of(), null));
		MvcTestResult missing = mvc.post().uri("/party/org-reports").with(as("street")).with(csrf())
			.param("organisationId", String.valueOf(org)).param("communityCode", COMMUNITY).param("contactName", "李联络")
			.param("commitment", " ").exchange();
		assertThat(missing.getMvcResult().getFlashMap().get("error")).isEqualTo("party.orgReport.commitment.required");
		MvcTestResult registered = mvc.post().uri("/party/org-reports").with(as("street")).with(csrf())
			.param("organisationId", String.valueOf(org)).param("communityCode", COMMUNITY).param("contactName", "李联络")
			.param("commitment", "开放单位食堂给社区老人").exchange();
		assertThat(registered).hasStatus3xxRedirection();
		assertThat(registered.getMvcResult().getFlashMap().get("notice")).isEqualTo("party.page.saved");

		String page = page("community", "/party/reports");
		assertThat(page).contains("单位党组织报到").contains("页面报到测试单位党委").contains("开放单位食堂给社区老人")
			.contains("org-review-form");
		long id = PartyApiTests.json(get("community", "/api/v1/party/org-reports?status=PENDING"), 200).findValues("id")
			.stream().filter(n -> true).map(JsonNode::asLong).max(Long::compare).orElseThrow();
		MvcTestResult refused = mvc.post().uri("/party/org-reports/" + id + "/review").with(as("community")).with(csrf())
			.param("accept", "false").param("reason", "请先与社区党委对接结对事项").exchange();
		assertThat(refused.getMvcResult().getFlashMap().get("notice")).isEqualTo("party.page.saved");
		assertThat(page("community", "/party/reports?status=REFUSED")).contains("请先与社区党委对接结对事项");
	}

	private MvcTestResult post(String username, String uri, Object body) {
		return mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, username)))
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(body)).exchange();
	}

	private MvcTestResult get(String username, String uri) {
		return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, username))).exchange();
	}

	private RequestPostProcessor as(String username) {
		return Pages.as(signIn, username);
	}

	private String page(String username, String uri) {
		return Pages.html(mvc, signIn, username, uri);
	}

}
