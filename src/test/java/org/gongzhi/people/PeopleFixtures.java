package org.gongzhi.people;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.people.domain.IdNumbers;
import org.gongzhi.support.Api;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test helper for the people API: tokens, valid synthetic ID numbers, rooms of the demo street and template
 * workbooks.
 */
public final class PeopleFixtures {

	public static final String HEADERS = "姓名, 性别, 民族, 出生日期, 证件类型, 证件号码, 联系电话, 户籍类型, 户籍地址, 社区编码, "
			+ "楼栋, 单元, 房号, 与户主关系, 关爱类别, 备注";

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	private final MockMvcTester mvc;

	private final Areas areas;

	public PeopleFixtures(MockMvcTester mvc, Areas areas) {
		this.mvc = mvc;
		this.areas = areas;
	}

	public String bearer(String user) {
		return Api.bearer(TOKENS.computeIfAbsent(user, u -> Api.token(mvc, u)));
	}

	public JsonNode get(String user, String uri, Object... vars) {
		MvcTestResult r = mvc.get().uri(uri, vars).header(HttpHeaders.AUTHORIZATION, bearer(user)).exchange();
		return json(r);
	}

	public static JsonNode json(MvcTestResult r) {
		try {
			return JSON.readTree(r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public MvcTestResult upload(String user, byte[] xlsx, String query) {
		return mvc.post().uri("/api/v1/residents/import" + query).multipart()
			.file(new MockMultipartFile("file", "residents.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx))
			.header(HttpHeaders.AUTHORIZATION, bearer(user)).exchange();
	}

	/** A valid resident ID number, unique enough for one test run. */
	public static String idNumber(LocalDate birth, boolean male) {
		int seq = ThreadLocalRandom.current().nextInt(0, 500) * 2 + (male ? 1 : 0);
		String first17 = "1101" + String.format("%02d", ThreadLocalRandom.current().nextInt(1, 99))
				+ birth.toString().replace("-", "") + String.format("%03d", seq);
		return first17 + IdNumbers.checkDigit(first17);
	}

	/** Rare characters for names nobody else in the shared database has. */
	static final String RARE = "篁筠箫篆簪籁粲縠纨绡缃缥缦罄羲翊翎翮耆聿肃胥舜芃芊茈荇荃莒菀菡萁萏葳蒨蓁蔚蕤薏藜蘅";

	/** Some random rare characters, to make a test's names unique. */
	public static String rare(int n) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < n; i++) {
			sb.append(RARE.charAt(ThreadLocalRandom.current().nextInt(RARE.length())));
		}
		return sb.toString();
	}

	/** An 11-digit mobile number with a random tail. */
	public static String phone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	/** A room of a grid as the template names it: community code, building, unit and room names, and its code. */
	public record Room(String communityCode, String building, String unit, String room, String code) {
	}

	/** The rooms of a grid, first building first. */
	public List<Room> rooms(String gridCode, int count) {
		List<Room> rooms = new ArrayList<>();
		String community = gridCode.substring(0, AreaLevel.COMMUNITY.codeLength());
		for (AreaView b : areas.children(gridCode)) {
			for (AreaView u : areas.children(b.code())) {
				for (AreaView r : areas.children(u.code())) {
					rooms.add(new Room(community, b.name(), u.name(), r.name(), r.code()));
					if (rooms.size() == count) {
						return rooms;
					}
				}
			}
		}
		return rooms;
	}

	/** A template workbook with these data rows (each 16 cells; null for blank). */
	public static byte[] workbook(List<String[]> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook wb = new Workbook(out, "test", "1.0");
			Worksheet ws = wb.newWorksheet("居民信息");
			String[] headers = HEADERS.split(", ");
			for (int c = 0; c < headers.length; c++) {
				ws.value(0, c, headers[c]);
			}
			for (int r = 0; r < rows.size(); r++) {
				for (int c = 0; c < rows.get(r).length; c++) {
					if (rows.get(r)[c] != null) {
						ws.value(r + 1, c, rows.get(r)[c]);
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

	/** One template row. */
	public static String[] row(String name, String gender, String birth, String idNumber, String phone, String status,
			Room room, String relation, String groups) {
		return new String[] { name, gender, "汉族", birth, "居民身份证", idNumber, phone, status, null,
				room == null ? null : room.communityCode(), room == null ? null : room.building(),
				room == null ? null : room.unit(), room == null ? null : room.room(), relation, groups, null };
	}

}
