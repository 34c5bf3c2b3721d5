package org.gongzhi.people.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.people.HouseQuery;
import org.gongzhi.people.HouseUse;
import org.gongzhi.people.HouseView;
import org.gongzhi.people.Houses;
import org.gongzhi.people.ResidentQuery;
import org.gongzhi.people.Residents;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The Excel import page as community staff use it: the template download, refusals of what is not a workbook, a file
 * with bad rows answered with every error and nothing imported, and a valid file imported with its progress page.
 * Also holds the helpers that write template-shaped workbooks for the browser test.
 */
@GongzhiTest
public class ImportPageTests {

	/** The template's headers, in order. */
	public static final List<String> HEADERS = List.of("姓名", "性别", "民族", "出生日期", "证件类型", "证件号码", "联系电话",
			"户籍类型", "户籍地址", "社区编码", "楼栋", "单元", "房号", "与户主关系", "关爱类别", "备注");

	static final String COMMUNITY = "110199001001";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SignInService signIn;

	@Autowired
	Residents residents;

	@Autowired
	Houses houses;

	@Autowired
	Areas areas;

	@Test
	void onlyStaffWhoImportSeeThePageAndTheTemplateIsAWorkbook() throws Exception {
		assertThat(mvc.get().uri("/people/import").with(as("grid")).exchange()).hasStatus(403);
		MvcTestResult page = mvc.get().uri("/people/import").with(as("community")).exchange();
		assertThat(page).hasStatusOk();
		assertThat(body(page)).contains("下载导入模板", "姓名、性别、民族、出生日期", "整份文件都不会导入", "name=\"file\"");

		MvcTestResult template = mvc.get().uri("/people/import/template").with(as("community")).exchange();
		assertThat(template).hasStatusOk().hasContentType(ResidentPages.XLSX);
		byte[] bytes = template.getResponse().getContentAsByteArray();
		assertThat(new String(bytes, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
		assertThat(template.getResponse().getHeader("Content-Disposition")).contains("attachment");
	}

	@Test
	void whatIsNotAWorkbookIsRefusedInChinese() {
		MvcTestResult none = mvc.post().uri("/people/import").multipart().with(as("community")).with(csrf()).exchange();
		assertThat(body(none)).contains("请选择要导入的 Excel 文件", "id=\"import-upload-error\"");

		MvcTestResult text = mvc.post().uri("/people/import").multipart()
			.file(new MockMultipartFile("file", "居民.xlsx", "text/plain", "姓名,性别\n张三,男".getBytes(StandardCharsets.UTF_8)))
			.with(as("community")).with(csrf()).exchange();
		assertThat(body(text)).contains("文件不是 .xlsx 格式的 Excel 工作簿");
	}

	@Test
	void aFileWithBadRowsShowsEveryErrorAndImportsNothing() {
		Room room = vacantRoom(COMMUNITY);
		Random random = new Random();
		List<List<String>> rows = new ArrayList<>();
		rows.add(row("欧阳明月", "女", LocalDate.of(1968, 2, 29), validId(LocalDate.of(1968, 2, 29), false, random),
				"13912345678", room, "户主", "独居老人"));
		String badCheck = validId(LocalDate.of(1970, 1, 5), true, random);
		badCheck = badCheck.substring(0, 17) + (badCheck.charAt(17) == '1' ? '2' : '1');
		rows.add(row("欧阳明星", "男", LocalDate.of(1970, 1, 5), badCheck, "13912345679", room, "配偶", ""));
		rows.add(row("欧阳明辉", "男", LocalDate.of(1995, 6, 1), validId(LocalDate.of(1996, 6, 1), true, random),
				"1391234", room, "子女", "不存在的类别"));
		Room nowhere = new Room("110199009009", "99", "9", "909");
		rows.add(row("欧阳明亮", "男", LocalDate.of(1990, 3, 3), validId(LocalDate.of(1990, 3, 3), true, random), "",
				nowhere, "户主", ""));

		String jobPage = importAndWait("community", xlsx(rows));

		assertThat(jobPage).contains("id=\"import-rejected\"", "整份文件未导入任何数据", "id=\"import-errors\"");
		List<String[]> errors = errorRows(jobPage);
		assertThat(errors).extracting(e -> e[0]).contains("3", "4", "5");
		assertThat(errors).anySatisfy(e -> assertThat(e[1]).isEqualTo("证件号码"));
		assertThat(errors).anySatisfy(e -> assertThat(e[1]).isEqualTo("出生日期"));
		assertThat(errors).anySatisfy(e -> assertThat(e[1]).isEqualTo("联系电话"));
		assertThat(errors).anySatisfy(e -> assertThat(e[1]).isEqualTo("关爱类别"));
		assertThat(errors).anySatisfy(e -> assertThat(e[1]).isEqualTo("社区编码"));
		assertThat(errors).allSatisfy(e -> assertThat(e[2]).containsPattern("[\\u4e00-\\u9fa5]"));
		assertThat(residents.search(admin(), ResidentQuery.search("欧阳明月")).total()).isZero();
	}

	@Test
	void aValidFileIsImportedAndItsResidentsAreFound() {
		Room room = vacantRoom(COMMUNITY);
		Random random = new Random();
		List<List<String>> rows = List.of(
				row("欧阳春晓", "女", LocalDate.of(1940, 4, 8), validId(LocalDate.of(1940, 4, 8), false, random),
						"13712345670", room, "户主", "独居老人、残疾人"),
				row("欧阳夏至", "男", LocalDate.of(1972, 7, 9), validId(LocalDate.of(1972, 7, 9), true, random),
						"13712345671", room, "子女", ""));

		String jobPage = importAndWait("community", xlsx(rows));

		assertThat(jobPage).contains("id=\"import-done\"", "已导入 2 位居民");
		String list = body(mvc.get().uri("/people").param("q", "oycx").with(as("community")).exchange());
		assertThat(list).contains("欧阳春晓", "独居老人", "残疾人").doesNotContain("欧阳夏至");
		assertThat(list).doesNotContain("13712345670").contains("137****5670");
	}

	/** Uploads the workbook through the page and answers the job page once the import is finished. */
	private String importAndWait(String username, byte[] xlsx) {
		MvcTestResult upload = mvc.post().uri("/people/import").multipart()
			.file(new MockMultipartFile("file", "居民.xlsx", ResidentPages.XLSX.toString(), xlsx))
			.param("mode", "CREATE_ONLY").with(as(username)).with(csrf()).exchange();
		assertThat(upload).hasStatus3xxRedirection();
		String job = upload.getResponse().getRedirectedUrl();
		assertThat(job).startsWith("/people/import/jobs/");
		String[] page = new String[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			page[0] = body(mvc.get().uri(job).header("HX-Request", "true").with(as(username)).exchange());
			return page[0].contains("data-state=\"DONE\"") || page[0].contains("data-state=\"REJECTED\"")
					|| page[0].contains("data-state=\"FAILED\"");
		});
		assertThat(page[0]).doesNotContain("hx-get=");
		return body(mvc.get().uri(job).with(as(username)).exchange());
	}

	/** The rows of the page's error table as row, column and message. */
	static List<String[]> errorRows(String page) {
		Matcher m = Pattern.compile(
				"<tr class=\"import-error\">\\s*<td>(\\d+)</td>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>").matcher(page);
		List<String[]> rows = new ArrayList<>();
		while (m.find()) {
			rows.add(new String[] { m.group(1), m.group(2), m.group(3) });
		}
		return rows;
	}

	/** A room of the demo street with its building, unit and room names as the template wants them. */
	public record Room(String communityCode, String building, String unit, String room) {
	}

	/** A vacant room of the community (from the house registry), so imported people form a household of their own. */
	Room vacantRoom(String community) {
		List<HouseView> vacant = houses.search(admin(), new HouseQuery(community, HouseUse.VACANT, null, 0, 100))
			.items();
		HouseView house = vacant.get(new Random().nextInt(vacant.size()));
		return room(areas, house.roomCode());
	}

	public static Room room(Areas areas, String roomCode) {
		String building = areas.find(roomCode.substring(0, 18)).map(AreaView::name).orElseThrow();
		String unit = areas.find(roomCode.substring(0, 20)).map(AreaView::name).orElseThrow();
		String room = areas.find(roomCode).map(AreaView::name).orElseThrow();
		return new Room(roomCode.substring(0, 12), building, unit, room);
	}

	/** One template row of a resident with a 居民身份证, registered where they live. */
	public static List<String> row(String name, String gender, LocalDate birth, String id, String phone, Room room,
			String relation, String care) {
		return List.of(name, gender, "汉族", birth.toString(), "居民身份证", id, phone, "户籍", "", room.communityCode(),
				room.building(), room.unit(), room.room(), relation, care, "");
	}

	/** A valid synthetic ID number (fictional area code 110199) for the birth date, unlikely to be registered. */
	public static String validId(LocalDate birth, boolean male, Random random) {
		String first17 = "110199" + birth.toString().replace("-", "")
				+ "%03d".formatted(random.nextInt(500) * 2 + (male ? 1 : 0));
		int p = 0;
		for (char c : first17.toCharArray()) {
			p = ((p + (c - '0')) * 2) % 11;
		}
		int check = (12 - p) % 11;
		return first17 + (check == 10 ? 'X' : (char) ('0' + check));
	}

	/** A workbook shaped like the import template: the headers in row 1, then the rows. */
	public static byte[] xlsx(List<List<String>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook wb = new Workbook(out, "GongzhiTest", "1.0");
			Worksheet sheet = wb.newWorksheet("居民信息");
			for (int c = 0; c < HEADERS.size(); c++) {
				sheet.value(0, c, HEADERS.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				for (int c = 0; c < rows.get(r).size(); c++) {
					if (!rows.get(r).get(c).isEmpty()) {
						sheet.value(r + 1, c, rows.get(r).get(c));
					}
				}
			}
			wb.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private GongzhiUser admin() {
		return signIn.loadUserByUsername("admin");
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
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
