package org.gongzhi.cases.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.cases.CaseActionCmd;
import org.gongzhi.cases.CaseDetail;
import org.gongzhi.cases.CaseStatus;
import org.gongzhi.cases.CaseView;
import org.gongzhi.cases.Channel;
import org.gongzhi.cases.ReportCaseCmd;
import org.gongzhi.cases.RequestKind;
import org.gongzhi.cases.UnitType;
import org.gongzhi.cases.domain.CaseDesk;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.NewUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.UserAccounts;
import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.support.Api;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The case pages as residents, grid workers, community and street staff, departments and hotline clerks use them:
 * reporting with field errors in Chinese, the case page offering only the actions the user may take, refusals shown
 * as messages, scope (404 outside it), photos, lists with their htmx fragment, the whistle board and the category
 * catalogue.
 */
@GongzhiTest
class CasePageTests {

	static final String GRID = "110199001001001";

	static final String COMMUNITY = "110199001001";

	/** A minimal valid PNG (1×1). */
	static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SignInService signIn;

	@Autowired
	CaseDesk desk;

	@Autowired
	Areas areas;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	double[] point;

	@BeforeEach
	void point() {
		if (point == null) {
			point = GridPoints.inside(mvc, GRID);
		}
	}

	// the report form

	@Test
	void theReportFormOffersEachUserWhatTheirRoleNeeds() {
		String resident = page("resident", "/cases/report");
		assertThat(resident).contains("我要反映", "id=\"categoryCode\"", "暴露垃圾", "id=\"case-map\"", "name=\"idempotencyKey\"",
				"id=\"photos\"", "使用当前位置", "/js/case-map.js");
		assertThat(resident).doesNotContain("name=\"selfHandle\"", "name=\"reporterPhone\"");

		assertThat(page("grid", "/cases/report")).contains("name=\"selfHandle\"", "现场已处置（自处理）")
			.doesNotContain("name=\"reporterPhone\"");
		assertThat(page("clerk", "/cases/report")).contains("热线登记", "name=\"reporterName\"", "name=\"reporterPhone\"")
			.doesNotContain("name=\"selfHandle\"");
		assertThat(idempotencyKey(resident)).isNotEqualTo(idempotencyKey(page("resident", "/cases/report")));
	}

	@Test
	void anIncompleteReportShowsChineseErrorsByItsFieldsAndFilesNothing() {
		long before = casesOf("resident");

		MvcTestResult empty = report("resident", Map.of("categoryCode", "", "description", " "));
		assertThat(empty).hasStatusOk();
		String page = body(empty);
		assertThat(page).contains("请修正以下问题后再提交", "请选择问题类别", "请描述问题", "id=\"categoryCode-error\"",
				"id=\"description-error\"");

		String noPlace = body(report("resident", Map.of("categoryCode", "0102", "description", "楼下垃圾没人清")));
		assertThat(noPlace).contains("请在地图上标出位置或填写地址", "id=\"lng-error\"", "楼下垃圾没人清");

		String major = body(report("resident", Map.of("categoryCode", "01", "description", "垃圾", "address", "福康里")));
		assertThat(major).contains("请选择具体的小类");

		String badNumber = body(report("resident", Map.of("categoryCode", "0102", "description", "垃圾", "lng", "东经",
				"lat", "39.9")));
		assertThat(badNumber).contains("经度须为数字");

		String badPhone = body(report("clerk", Map.of("categoryCode", "0102", "description", "来电反映垃圾", "address",
				"福康里", "reporterPhone", "12345")));
		assertThat(badPhone).contains("请输入正确的手机号或固定电话", "id=\"reporterPhone-error\"");

		assertThat(casesOf("resident")).isEqualTo(before);
	}

	@Test
	void aValidReportFilesTheCaseRoutesItAndSaysWhere() {
		String key = UUID.randomUUID().toString();
		MvcTestResult result = mvc.post().uri("/cases/report").multipart()
			.file(new MockMultipartFile("photos", "rubbish.png", "image/png", PNG))
			.param("categoryCode", "0102").param("requestKind", "COMPLAINT").param("description", "楼下堆了很多垃圾")
			.param("lng", Double.toString(point[0])).param("lat", Double.toString(point[1]))
			.param("idempotencyKey", key).with(as("resident")).with(csrf()).exchange();

		assertThat(result).hasStatus3xxRedirection();
		String caseNo = caseNoOf(result);
		CaseView c = desk.find(caseNo).orElseThrow();
		assertThat(c.gridCode()).isEqualTo(GRID);
		assertThat(c.unitType()).isEqualTo(UnitType.GRID);
		assertThat(c.channel()).isEqualTo(Channel.RESIDENT);

		String page = follow(result, "resident");
		String gridName = areas.find(GRID).map(AreaView::name).orElseThrow();
		assertThat(page).contains("您的反映已提交，案件编号 " + caseNo, "已分派至 " + gridName + "（网格）办理",
				"楼下堆了很多垃圾", "id=\"case-timeline\"", "受理");

		String photo = desk.timeline(caseNo).get(0).photos().get(0);
		assertThat(photo).startsWith("/cases/photos/");
		assertThat(page).contains(photo);
		assertThat(mvc.get().uri(photo).with(as("resident")).exchange()).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.IMAGE_PNG);
		assertThat(mvc.get().uri(photo).with(as("community")).exchange()).hasStatusOk();
		assertThat(mvc.get().uri(photo).with(as(otherResident())).exchange()).hasStatus(404);

		MvcTestResult again = mvc.post().uri("/cases/report").multipart()
			.param("categoryCode", "0102").param("requestKind", "COMPLAINT").param("description", "楼下堆了很多垃圾")
			.param("lng", Double.toString(point[0])).param("lat", Double.toString(point[1]))
			.param("idempotencyKey", key).with(as("resident")).with(csrf()).exchange();
		assertThat(caseNoOf(again)).as("a double submit of the same form files one case").isEqualTo(caseNo);
	}

	@Test
	void onlyImagesOfAtMostThreeAreAccepted() {
		MvcTestResult text = mvc.post().uri("/cases/report").multipart()
			.file(new MockMultipartFile("photos", "note.png", "image/png", "不是图片".getBytes(StandardCharsets.UTF_8)))
			.param("categoryCode", "0102").param("description", "垃圾").param("address", "福康里")
			.with(as("resident")).with(csrf()).exchange();
		assertThat(body(text)).contains("只能上传图片（JPG、PNG、GIF 或 WebP）", "id=\"photos-error\"");

		var four = mvc.post().uri("/cases/report").multipart();
		for (int i = 0; i < 4; i++) {
			four.file(new MockMultipartFile("photos", "p" + i + ".png", "image/png", PNG));
		}
		MvcTestResult tooMany = four.param("categoryCode", "0102").param("description", "垃圾")
			.param("address", "福康里").with(as("resident")).with(csrf()).exchange();
		assertThat(body(tooMany)).contains("最多上传 3 张照片");
	}

	@Test
	void aGridWorkerReportsAndHandlesOnTheSpot() {
		MvcTestResult result = report("grid", Map.of("categoryCode", "0201", "description", "电线杆小广告已清理", "lng",
				Double.toString(point[0]), "lat", Double.toString(point[1]), "selfHandle", "true"));
		String caseNo = caseNoOf(result);
		CaseView c = desk.find(caseNo).orElseThrow();
		assertThat(c.status()).isEqualTo(CaseStatus.FED_BACK);
		assertThat(c.selfHandled()).isTrue();
		assertThat(c.channel()).isEqualTo(Channel.PATROL);
		assertThat(follow(result, "grid")).contains("已现场处置，等待核查", "现场自处理");
	}

	@Test
	void aHotlineClerkRecordsTheCaller() {
		MvcTestResult result = report("clerk", Map.of("categoryCode", "0601", "description", "夜间施工噪声", "address",
				"福康里社区", "reporterName", "孙先生", "reporterPhone", "13912345678"));
		CaseView c = desk.find(caseNoOf(result)).orElseThrow();
		assertThat(c.channel()).isEqualTo(Channel.HOTLINE);
		assertThat(c.reporterName()).isEqualTo("孙先生");
		assertThat(c.reporterPhoneMasked()).isEqualTo("139****5678");
	}

	// the case page and its actions

	@Test
	void theCasePageOffersEachRoleOnlyTheActionsAllowedNow() {
		String caseNo = residentCase("井盖旁边有垃圾");

		assertThat(page("resident", "/cases/" + caseNo)).contains("当前没有您可以执行的操作", "id=\"case-timeline\"")
			.doesNotContain("id=\"action-register\"", "id=\"action-dispatch\"");
		assertThat(page("community", "/cases/" + caseNo)).contains("id=\"action-register\"", "id=\"action-void\"",
				"id=\"action-merge\"", "name=\"version\"").doesNotContain("id=\"action-sign\"", "id=\"action-dispatch\"");
		assertThat(page("grid", "/cases/" + caseNo)).doesNotContain("id=\"action-register\"", "id=\"action-sign\"");

		act("community", caseNo, "register", Map.of());
		String dispatchable = page("community", "/cases/" + caseNo);
		assertThat(dispatchable).contains("id=\"action-dispatch\"", "name=\"unit\"", "GRID:" + GRID, "DEPARTMENT:CGZF",
				"城管执法队").doesNotContain("id=\"action-register\"");
		assertThat(dispatchable).containsPattern("value=\"GRID:" + GRID + "\"[^>]*selected");

		act("community", caseNo, "dispatch", Map.of("unit", "GRID:" + GRID));
		assertThat(page("grid", "/cases/" + caseNo)).contains("id=\"action-sign\"", "id=\"action-send-back\"",
				"id=\"action-extend\"").doesNotContain("id=\"action-dispatch\"", "id=\"action-verify\"");
		assertThat(page("community", "/cases/" + caseNo)).contains("id=\"action-whistle\"", "id=\"action-suspend\"",
				"id=\"action-void\"", "data-confirm=").doesNotContain("id=\"action-sign\"");
		assertThat(page("street", "/cases/" + caseNo)).contains("id=\"action-whistle\"");
		assertThat(page("dept", "/cases/" + caseNo)).as("a department not called does not see the case").isNull();
	}

	@Test
	void anActionByTheWrongRoleIsRefusedWithItsMessageAndChangesNothing() {
		String caseNo = residentCase("路边垃圾桶满了");
		int version = desk.find(caseNo).orElseThrow().version();

		MvcTestResult byGrid = act("grid", caseNo, "register", Map.of("version", Integer.toString(version)));
		assertThat(byGrid).hasStatus3xxRedirection().hasRedirectedUrl("/cases/" + caseNo);
		assertThat(byGrid).flash().containsEntry("errorText", "您无权对该案件执行“立案”操作");
		assertThat(follow(byGrid, "grid")).contains("id=\"case-error\"", "您无权对该案件执行“立案”操作");

		MvcTestResult byResident = act("resident", caseNo, "void", Map.of("note", "不想要了"));
		assertThat(byResident).flash().containsEntry("errorText", "您无权对该案件执行“作废”操作");

		MvcTestResult notNow = act("community", caseNo, "close", Map.of());
		assertThat(notNow).flash().containsEntry("errorText", "案件当前状态（已受理）不允许此操作");

		MvcTestResult noReason = act("community", caseNo, "void", Map.of("note", ""));
		assertThat(noReason).flash().containsEntry("errorText", "请填写原因或说明");

		MvcTestResult stale = act("community", caseNo, "register", Map.of("version", Integer.toString(version - 1)));
		assertThat(stale).flash().containsEntry("errorText", "案件已被他人更新，请刷新后重试");

		assertThat(desk.find(caseNo).orElseThrow().status()).isEqualTo(CaseStatus.ACCEPTED);
		assertThat(desk.find(caseNo).orElseThrow().version()).isEqualTo(version);

		MvcTestResult ok = act("community", caseNo, "register", Map.of("version", Integer.toString(version)));
		assertThat(ok).flash().containsEntry("notice", "case.done.register");
		assertThat(follow(ok, "community")).contains("已立案");
	}

	@Test
	void aCaseOutsideTheUsersScopeIsNotFound() {
		String caseNo = residentCase("不在别人范围内的案件");
		String otherGridWorker = otherGridWorker();

		for (String user : List.of(otherResident(), otherGridWorker)) {
			MvcTestResult result = mvc.get().uri("/cases/" + caseNo).with(as(user)).exchange();
			assertThat(result).as(user).hasStatus(404).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
			assertThat(body(result)).contains("不在您的数据范围内");
			assertThat(act(user, caseNo, "register", Map.of())).hasStatus(404);
		}
		assertThat(mvc.get().uri("/cases/GZ19990101999999").with(as("street")).exchange()).hasStatus(404);
		assertThat(desk.find(caseNo).orElseThrow().status()).isEqualTo(CaseStatus.ACCEPTED);
	}

	@Test
	void theWholeLoopRunsThroughThePagesAndTheResidentRatesIt() {
		String caseNo = residentCase("小区门口暴露垃圾");
		act("community", caseNo, "register", Map.of());
		act("community", caseNo, "dispatch", Map.of("unit", "GRID:" + GRID, "note", "请尽快处理"));
		act("grid", caseNo, "sign", Map.of());
		MvcTestResult handled = mvc.post().uri("/cases/" + caseNo + "/actions/handle").multipart()
			.file(new MockMultipartFile("photos", "done.png", "image/png", PNG)).param("note", "已清运")
			.with(as("grid")).with(csrf()).exchange();
		assertThat(handled).flash().containsEntry("notice", "case.done.handle");
		act("grid", caseNo, "feedback", Map.of("note", "已处理完毕"));
		act("community", caseNo, "verify", Map.of("passed", "true"));
		act("community", caseNo, "close", Map.of());

		String toRate = page("resident", "/cases/" + caseNo);
		assertThat(toRate).contains("id=\"action-rate\"", "基本满意", "name=\"satisfaction\"");
		assertThat(page("resident", "/cases/mine")).contains(caseNo, "待评价");

		MvcTestResult rated = act("resident", caseNo, "rate", Map.of("satisfaction", "SATISFIED"));
		assertThat(rated).flash().containsEntry("notice", "case.done.rate");
		CaseDetail detail = desk.detail(signIn.loadUserByUsername("resident"), caseNo);
		assertThat(detail.caseView().satisfaction()).isNotNull();
		assertThat(detail.timeline()).extracting(e -> e.action()).containsExactly("accept", "register", "dispatch",
				"sign", "handle", "feedback", "verify", "close", "rate");
		assertThat(detail.timeline().get(4).photos()).hasSize(1);
		String done = page("resident", "/cases/" + caseNo);
		assertThat(done).contains("满意", "已结案", "核查通过", "已清运").doesNotContain("id=\"action-rate\"");
	}

	@Test
	void aDispatcherMergesAPossibleDuplicateAfterConfirming() {
		String first = residentCase("同一堆垃圾，第一次反映");
		String second = residentCase("同一堆垃圾，第二次反映");

		String page = page("community", "/cases/" + second);
		assertThat(page).contains("id=\"case-duplicates\"", "/cases/" + first, "将本案合并到 " + first,
				"确定合并吗？");
		assertThat(page("resident", "/cases/" + second)).doesNotContain("将本案合并到");

		MvcTestResult merged = act("community", second, "merge", Map.of("targetCaseNo", first));
		assertThat(merged).flash().containsEntry("notice", "case.done.merge");
		assertThat(desk.find(second).orElseThrow().status()).isEqualTo(CaseStatus.MERGED);
		assertThat(page("resident", "/cases/" + second)).contains("已合并到", "/cases/" + first);

		MvcTestResult unknown = act("community", first, "merge", Map.of("targetCaseNo", "GZ19990101999999"));
		assertThat(unknown).flash().containsEntry("errorText", "案件 GZ19990101999999 不存在或不在您的数据范围内");
	}

	@Test
	void aWhistleReachesTheBoardAndTheDepartment() {
		String caseNo = residentCase("工地围挡倒在路边");
		act("community", caseNo, "register", Map.of());
		act("community", caseNo, "dispatch", Map.of("unit", "COMMUNITY:" + COMMUNITY));
		String page = page("community", "/cases/" + caseNo);
		assertThat(page).contains("id=\"whistle-CGZF\"");

		MvcTestResult whistle = act("community", caseNo, "whistle", Map.of("departments", "CGZF", "note", "请到场"));
		assertThat(whistle).flash().containsEntry("notice", "case.done.whistle");

		assertThat(page("community", "/cases/whistles")).contains("吹哨报到", caseNo, "城管执法队", "未签收",
				"各部门响应用时");
		assertThat(page("dept", "/cases/" + caseNo)).contains("id=\"action-whistle-sign\"");
		act("dept", caseNo, "whistle-sign", Map.of());
		assertThat(page("dept", "/cases/" + caseNo)).contains("id=\"action-whistle-report\"", "id=\"case-whistles\"");
		assertThat(page("dept", "/cases/whistles")).contains("城管执法队", "已签收，待报到");

		assertThat(mvc.get().uri("/cases/whistles").with(as("resident")).exchange()).hasStatus(403);
	}

	// lists

	@Test
	void theListFiltersAndAnswersHtmxWithItsFragment() {
		String caseNo = residentCase("列表里能找到的独特描述" + UUID.randomUUID());

		String full = page("community", "/cases?q=" + caseNo);
		assertThat(full).contains("<html", "id=\"case-filters\"", "id=\"case-results\"", caseNo, "hx-get=\"/cases\"");

		MvcTestResult fragment = mvc.get().uri("/cases?q=" + caseNo).header("HX-Request", "true")
			.with(as("community")).exchange();
		assertThat(fragment).hasStatusOk();
		assertThat(body(fragment)).contains("id=\"case-results\"", caseNo).doesNotContain("<html", "case-filters\" method");

		assertThat(page("community", "/cases?q=" + caseNo + "&status=CLOSED")).doesNotContain("/cases/" + caseNo + "\"")
			.contains("没有符合条件的案件");
		assertThat(page("community", "/cases?todo=true&q=" + caseNo)).contains("派遣台", caseNo);
		assertThat(page("grid", "/cases?todo=true")).contains("我的待办").doesNotContain(caseNo);
		assertThat(page("street", "/cases/overdue")).contains("超期督办");
		assertThat(page("street", "/cases?sort=deadline&overdue=true&from=2020-01-01&to=2099-12-31&area=" + COMMUNITY))
			.contains("id=\"case-results\"");
		assertThat(page("resident", "/cases/mine")).contains("我的反映", caseNo);
		assertThat(page(otherResident(), "/cases/mine")).contains("您还没有反映过问题");
	}

	// the category catalogue

	@Test
	void categoriesAreEditedWithValidationByStreetAdministratorsOnly() {
		assertThat(page("street", "/cases/categories")).contains("类别管理", "暴露垃圾", "添加小类", "工作日");
		assertThat(mvc.get().uri("/cases/categories").with(as("community")).exchange()).hasStatus(403);
		assertThat(mvc.get().uri("/cases/categories").with(as("resident")).exchange()).hasStatus(403);

		String code = "06" + (100 + (int) (Math.random() * 800));
		MvcTestResult created = mvc.post().uri("/cases/categories").with(as("street")).with(csrf())
			.param("parentCode", "06").param("code", code).param("name", "测试类别").param("handlingLevel", "COMMUNITY")
			.param("urgency", "GENERAL").param("timeLimitValue", "5").param("timeLimitUnit", "WORKING_DAYS")
			.param("responseLimitMinutes", "120").param("enabled", "true").param("_enabled", "on").exchange();
		assertThat(created).hasStatus3xxRedirection().hasRedirectedUrl("/cases/categories/" + code);

		String invalid = body(mvc.post().uri("/cases/categories/" + code).with(as("street")).with(csrf())
			.param("name", "").param("handlingLevel", "COMMUNITY").param("urgency", "GENERAL")
			.param("timeLimitValue", "0").param("timeLimitUnit", "WORKING_DAYS").param("responseLimitMinutes", "abc")
			.param("version", "0").param("_enabled", "on").exchange());
		assertThat(invalid).contains("请填写类别名称", "办理时限须为 1 到 720 之间的整数", "响应时限须为 1 到 10080 分钟之间的整数");

		String noDepartment = body(mvc.post().uri("/cases/categories/" + code).with(as("street")).with(csrf())
			.param("name", "测试类别").param("handlingLevel", "DEPARTMENT").param("departmentCode", "")
			.param("urgency", "GENERAL").param("timeLimitValue", "5").param("timeLimitUnit", "WORKING_DAYS")
			.param("responseLimitMinutes", "120").param("version", "0").param("enabled", "true").param("_enabled", "on")
			.exchange());
		assertThat(noDepartment).contains("办理层级为“职能部门”时请选择承办部门");

		MvcTestResult saved = mvc.post().uri("/cases/categories/" + code).with(as("street")).with(csrf())
			.param("name", "测试类别改").param("handlingLevel", "DEPARTMENT").param("departmentCode", "CGZF")
			.param("urgency", "UTILITY").param("timeLimitValue", "24").param("timeLimitUnit", "WORKING_HOURS")
			.param("responseLimitMinutes", "60").param("version", "0").param("_enabled", "on").exchange();
		assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/cases/categories");
		var category = desk.category(code).orElseThrow();
		assertThat(category.name()).isEqualTo("测试类别改");
		assertThat(category.departmentCode()).isEqualTo("CGZF");
		assertThat(category.enabled()).as("the unchecked box disables it").isFalse();
		assertThat(jdbc.sql("select count(*) from identity.audit_log where action = 'case.category.update' and target_id = :c")
			.param("c", code).query(Long.class).single()).isEqualTo(1);

		String staleSave = body(mvc.post().uri("/cases/categories/" + code).with(as("street")).with(csrf())
			.param("name", "过期的修改").param("handlingLevel", "GRID").param("urgency", "GENERAL")
			.param("timeLimitValue", "5").param("timeLimitUnit", "WORKING_DAYS").param("responseLimitMinutes", "120")
			.param("version", "0").param("_enabled", "on").exchange());
		assertThat(staleSave).contains("案件已被他人更新，请刷新后重试");

		String taken = body(mvc.post().uri("/cases/categories").with(as("street")).with(csrf())
			.param("parentCode", "06").param("code", code).param("name", "重复").param("handlingLevel", "GRID")
			.param("urgency", "GENERAL").param("timeLimitValue", "5").param("timeLimitUnit", "WORKING_DAYS")
			.param("responseLimitMinutes", "120").param("_enabled", "on").exchange());
		assertThat(taken).contains("编码 " + code + " 已被使用");
		assertThat(mvc.post().uri("/cases/categories/" + code).with(as("community")).with(csrf()).param("name", "x")
			.exchange()).hasStatus(403);
	}

	// helpers

	private String residentCase(String description) {
		GongzhiUser resident = signIn.loadUserByUsername("resident");
		return desk.report(resident, new ReportCaseCmd("0102", RequestKind.COMPLAINT, description, point[0], point[1],
				null, null, null, null, Channel.RESIDENT, null), null, false).caseNo();
	}

	private MvcTestResult report(String username, Map<String, String> fields) {
		var request = mvc.post().uri("/cases/report").multipart();
		fields.forEach(request::param);
		return request.with(as(username)).with(csrf()).exchange();
	}

	private MvcTestResult act(String username, String caseNo, String action, Map<String, String> fields) {
		var request = mvc.post().uri("/cases/" + caseNo + "/actions/" + action);
		fields.forEach(request::param);
		return request.with(as(username)).with(csrf()).exchange();
	}

	private String page(String username, String uri) {
		MvcTestResult result = mvc.get().uri(uri).with(as(username)).exchange();
		if (result.getResponse().getStatus() == 404) {
			return null;
		}
		assertThat(result).as("GET %s as %s", uri, username).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
		return body(result);
	}

	private String follow(MvcTestResult result, String username) {
		assertThat(result).hasStatus3xxRedirection();
		jakarta.servlet.http.Cookie session = result.getResponse().getCookie("SESSION");
		assertThat(session).as("the redirect keeps a session for its flash attributes").isNotNull();
		MvcTestResult next = mvc.get().uri(result.getResponse().getRedirectedUrl()).cookie(session)
			.with(as(username)).exchange();
		assertThat(next).hasStatusOk();
		return body(next);
	}

	private static String caseNoOf(MvcTestResult result) {
		assertThat(result).hasStatus3xxRedirection();
		String url = result.getResponse().getRedirectedUrl();
		assertThat(url).matches("/cases/GZ\\d{14}");
		return url.substring("/cases/".length());
	}

	private static String idempotencyKey(String page) {
		var m = java.util.regex.Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	private long casesOf(String username) {
		return desk.search(signIn.loadUserByUsername(username), org.gongzhi.cases.CaseQuery.firstPage()).total();
	}

	private String otherResident() {
		String username = "casepage_res2";
		if (!exists(username)) {
			accounts.create(new NewUser(username, "另一位居民", Api.DEMO_PASSWORD, Set.of(Role.RESIDENT), null, false,
					null, null));
		}
		return username;
	}

	private String otherGridWorker() {
		String other = areas.children(COMMUNITY).stream().filter(a -> a.level() == AreaLevel.GRID)
			.map(AreaView::code).filter(c -> !c.equals(GRID)).findFirst().orElseThrow();
		return "gw" + other.substring(other.length() - 6);
	}

	private boolean exists(String username) {
		try {
			signIn.loadUserByUsername(username);
			return true;
		}
		catch (org.springframework.security.core.userdetails.UsernameNotFoundException ex) {
			return false;
		}
	}

	private RequestPostProcessor as(String username) {
		return user(signIn.loadUserByUsername(username));
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
