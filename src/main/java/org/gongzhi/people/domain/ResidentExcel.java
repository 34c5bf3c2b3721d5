package org.gongzhi.people.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gongzhi.area.AreaView;
import org.gongzhi.people.Gender;
import org.gongzhi.people.GroupKind;
import org.gongzhi.people.GroupTag;
import org.gongzhi.people.HouseholdRelation;
import org.gongzhi.people.IdType;
import org.gongzhi.people.PersonGroupView;
import org.gongzhi.people.RegistrationStatus;
import org.gongzhi.people.ResidentState;
import org.springframework.stereotype.Component;

/**
 * The resident workbook (.xlsx): the import template, reading an uploaded file row by row (streaming, so 100,000 rows
 * read in seconds), the labels of every column's values, and writing exports. Built on FastExcel.
 */
@Component
class ResidentExcel {

	static final int MAX_ROWS = 100_000;

	static final String GROUP_SEPARATORS = "[、，,；;/]";

	static final Map<String, Gender> GENDERS = Map.of("男", Gender.MALE, "女", Gender.FEMALE, "男性", Gender.MALE, "女性",
			Gender.FEMALE);

	static final Map<IdType, String> ID_TYPE_LABELS = labels(IdType.RESIDENT_ID, "居民身份证", IdType.PASSPORT, "护照",
			IdType.HK_MACAO_PERMIT, "港澳居民来往内地通行证", IdType.TAIWAN_PERMIT, "台湾居民来往大陆通行证",
			IdType.FOREIGNER_PERMANENT_ID, "外国人永久居留身份证", IdType.OTHER, "其他");

	static final Map<String, IdType> ID_TYPE_ALIASES = Map.of("身份证", IdType.RESIDENT_ID, "港澳通行证",
			IdType.HK_MACAO_PERMIT, "台胞证", IdType.TAIWAN_PERMIT, "永久居留身份证", IdType.FOREIGNER_PERMANENT_ID,
			"其他证件", IdType.OTHER);

	static final Map<RegistrationStatus, String> STATUS_LABELS = labels(RegistrationStatus.HOUSEHOLD, "户籍",
			RegistrationStatus.FLOATING, "流动", RegistrationStatus.OVERSEAS, "境外", RegistrationStatus.UNSETTLED,
			"未落户");

	static final Map<HouseholdRelation, String> RELATION_LABELS = labels(HouseholdRelation.HEAD, "户主",
			HouseholdRelation.SPOUSE, "配偶", HouseholdRelation.CHILD, "子女", HouseholdRelation.PARENT, "父母",
			HouseholdRelation.GRANDPARENT, "祖父母", HouseholdRelation.GRANDCHILD, "孙子女", HouseholdRelation.SIBLING,
			"兄弟姐妹", HouseholdRelation.CHILD_IN_LAW, "儿媳女婿", HouseholdRelation.TENANT, "租户",
			HouseholdRelation.OTHER, "其他");

	static final Map<String, HouseholdRelation> RELATION_ALIASES = relationAliases();

	static final Map<ResidentState, String> STATE_LABELS = labels(ResidentState.LIVING, "在住", ResidentState.MOVED_AWAY,
			"已迁出", ResidentState.DECEASED, "已死亡");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	/** One data row as text, numbered as Excel shows it. */
	record Raw(int row, String[] cells) {

		String get(int column) {
			return column < cells.length ? cells[column] : null;
		}

		boolean blank() {
			for (String c : cells) {
				if (c != null && !c.isBlank()) {
					return false;
				}
			}
			return true;
		}

	}

	/** A read workbook: its header row and its data rows, blank rows left out. */
	record Sheet(List<String> headers, List<Raw> rows, boolean tooMany) {
	}

	/** Reads the first sheet; fails with IOException when the bytes are no .xlsx workbook. */
	Sheet read(InputStream in) throws IOException {
		try (ReadableWorkbook wb = new ReadableWorkbook(in)) {
			List<String> headers = new ArrayList<>();
			List<Raw> rows = new ArrayList<>();
			boolean[] tooMany = { false };
			try (Stream<Row> stream = wb.getFirstSheet().openStream()) {
				stream.forEach(r -> {
					if (r.getRowNum() == 1) {
						for (int c = 0; c < r.getCellCount(); c++) {
							String h = text(r.getCell(c), c);
							headers.add(h == null ? "" : h.strip());
						}
						return;
					}
					if (tooMany[0]) {
						return;
					}
					String[] cells = new String[ResidentRules.HEADERS.size()];
					for (int c = 0; c < cells.length && c < r.getCellCount(); c++) {
						cells[c] = text(r.getCell(c), c);
					}
					Raw raw = new Raw(r.getRowNum(), cells);
					if (!raw.blank()) {
						rows.add(raw);
						if (rows.size() > MAX_ROWS) {
							tooMany[0] = true;
						}
					}
				});
			}
			while (!headers.isEmpty() && headers.get(headers.size() - 1).isEmpty()) {
				headers.remove(headers.size() - 1);
			}
			return new Sheet(headers, rows, tooMany[0]);
		}
		catch (IOException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new IOException("not a readable .xlsx workbook", ex);
		}
	}

	/** The text of a cell: numbers without exponent or trailing zeros, dates of the birth date column as dates. */
	private static String text(Cell cell, int column) {
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return null;
		}
		if (cell.getType() == CellType.NUMBER) {
			String raw = cell.getRawValue();
			try {
				BigDecimal number = new BigDecimal(raw);
				if (column == ResidentRules.HEADERS.indexOf(ResidentRules.BIRTH_DATE)) {
					return EXCEL_EPOCH.plusDays(number.longValue()).toString();
				}
				return number.stripTrailingZeros().toPlainString();
			}
			catch (NumberFormatException | ArithmeticException ex) {
				return raw;
			}
		}
		if (cell.getType() == CellType.ERROR) {
			return "#ERROR";
		}
		String text = cell.getText();
		return text == null ? null : text.strip();
	}

	static LocalDate parseDate(String text) {
		String t = text.strip().replace('/', '-').replace('.', '-');
		try {
			return LocalDate.parse(t, DATE);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static IdType idType(String label) {
		String l = label.strip();
		for (Map.Entry<IdType, String> e : ID_TYPE_LABELS.entrySet()) {
			if (e.getValue().equals(l)) {
				return e.getKey();
			}
		}
		return ID_TYPE_ALIASES.get(l);
	}

	static RegistrationStatus status(String label) {
		String l = label.strip().replaceFirst("(人口|人员)$", "");
		for (Map.Entry<RegistrationStatus, String> e : STATUS_LABELS.entrySet()) {
			if (e.getValue().equals(l)) {
				return e.getKey();
			}
		}
		return null;
	}

	static HouseholdRelation relation(String label) {
		return RELATION_ALIASES.get(label.strip());
	}

	/** Writes the empty template: the data sheet, an explanation sheet and the lists its drop-downs offer. */
	void template(OutputStream out, List<PersonGroupView> groups, List<AreaView> communities) {
		try {
			Workbook wb = new Workbook(out, "Gongzhi", "1.0");
			Worksheet data = wb.newWorksheet("居民信息");
			List<String> headers = ResidentRules.HEADERS;
			for (int c = 0; c < headers.size(); c++) {
				data.value(0, c, headers.get(c));
				data.width(c, c == 8 ? 30 : c == 5 ? 22 : 12);
				data.style(c).format("@").set();
			}
			data.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("DDEBF7").set();
			data.freezePane(0, 1);
			Worksheet help = wb.newWorksheet("填写说明");
			String[][] rows = {
				{ "列", "是否必填", "说明" },
				{ "姓名", "必填", "不超过 50 个字" },
				{ "性别", "居民身份证可不填", "男 或 女；须与身份证号一致" },
				{ "民族", "选填", "如：汉族" },
				{ "出生日期", "居民身份证可不填", "格式 YYYY-MM-DD，如 1980-05-01；须与身份证号一致" },
				{ "证件类型", "必填", String.join("、", ID_TYPE_LABELS.values()) },
				{ "证件号码", "必填", "居民身份证 18 位，校验码须正确；同一证件号码只能登记一次" },
				{ "联系电话", "选填", "11 位手机号，或带区号的固定电话，如 010-12345678" },
				{ "户籍类型", "必填", String.join("、", STATUS_LABELS.values()) },
				{ "户籍地址", "选填", "户籍在本街道的，写明社区、楼栋、单元、房号，系统据此标记人户分离" },
				{ "社区编码", "必填", "现居住社区的 12 位编码，见下表" },
				{ "楼栋", "必填", "如 3 或 3号楼" },
				{ "单元", "必填", "如 1 或 1单元" },
				{ "房号", "必填", "如 101" },
				{ "与户主关系", "选填", String.join("、", RELATION_LABELS.values()) + "；同一房屋的居民为一户" },
				{ "关爱类别", "选填", "可填多个，用顿号“、”分隔，可选：" + String.join("、", groups.stream()
					.filter(g -> g.kind() == GroupKind.CARE).map(PersonGroupView::name).toList()) },
				{ "备注", "选填", "不超过 500 个字" }, };
			for (int r = 0; r < rows.length; r++) {
				for (int c = 0; c < rows[r].length; c++) {
					help.value(r, c, rows[r][c]);
				}
			}
			help.width(0, 14);
			help.width(1, 18);
			help.width(2, 90);
			help.range(0, 0, 0, 2).style().bold().set();
			int at = rows.length + 1;
			help.value(at, 0, "社区编码");
			help.value(at, 1, "社区名称");
			help.range(at, 0, at, 1).style().bold().set();
			for (AreaView c : communities) {
				at++;
				help.value(at, 0, c.code());
				help.value(at, 1, c.name());
			}
			at += 2;
			help.value(at, 0, "示例（请填写在第一个工作表，不要保留本行）");
			at++;
			String[] example = { "张三丰", "男", "汉族", "1980-05-01", "居民身份证", "11010119800501001X", "13800138000", "户籍",
					"", communities.isEmpty() ? "" : communities.get(0).code(), "1", "1", "101", "户主", "独居老人", "" };
			for (int c = 0; c < headers.size(); c++) {
				help.value(at, c, headers.get(c));
				help.value(at + 1, c, example[c]);
			}
			Worksheet lists = wb.newWorksheet("可选值");
			writeList(lists, 0, "性别", List.of("男", "女"));
			writeList(lists, 1, "证件类型", List.copyOf(ID_TYPE_LABELS.values()));
			writeList(lists, 2, "户籍类型", List.copyOf(STATUS_LABELS.values()));
			writeList(lists, 3, "与户主关系", List.copyOf(RELATION_LABELS.values()));
			writeList(lists, 4, "关爱类别", groups.stream().filter(g -> g.kind() == GroupKind.CARE)
				.map(PersonGroupView::name).toList());
			data.range(1, 1, MAX_ROWS, 1).validateWithList(lists.range(1, 0, 2, 0));
			data.range(1, 4, MAX_ROWS, 4).validateWithList(lists.range(1, 1, ID_TYPE_LABELS.size(), 1));
			data.range(1, 7, MAX_ROWS, 7).validateWithList(lists.range(1, 2, STATUS_LABELS.size(), 2));
			data.range(1, 13, MAX_ROWS, 13).validateWithList(lists.range(1, 3, RELATION_LABELS.size(), 3));
			wb.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeList(Worksheet sheet, int column, String title, List<String> values) {
		sheet.value(0, column, title);
		for (int i = 0; i < values.size(); i++) {
			sheet.value(i + 1, column, values.get(i));
		}
		sheet.width(column, 24);
	}

	/** An export being written: the template's columns, then grid, 人户分离 and state. */
	final class Export implements AutoCloseable {

		private final Workbook wb;

		private final Worksheet sheet;

		private int row = 1;

		private final AddressBook addresses;

		Export(OutputStream out, AddressBook addresses) {
			this.addresses = addresses;
			this.wb = new Workbook(out, "Gongzhi", "1.0");
			this.sheet = wb.newWorksheet("居民信息");
			List<String> headers = new ArrayList<>(ResidentRules.HEADERS);
			headers.addAll(List.of("网格", "人户分离", "状态", "标签"));
			for (int c = 0; c < headers.size(); c++) {
				sheet.value(0, c, headers.get(c));
				sheet.width(c, c == 8 ? 30 : c == 5 ? 22 : 12);
			}
			sheet.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("DDEBF7").set();
			sheet.freezePane(0, 1);
		}

		void row(ResidentRecord r, List<GroupTag> groups, String idNumber, String phone) {
			AddressBook.Place place = r.livingRoomCode == null ? null : addresses.room(r.livingRoomCode).orElse(null);
			Object[] values = { r.name, r.gender == Gender.MALE ? "男" : "女", r.ethnicity,
					r.birthDate == null ? null : r.birthDate.toString(), ID_TYPE_LABELS.get(r.idType), idNumber, phone,
					STATUS_LABELS.get(r.registrationStatus), r.registeredAddress, r.livingCommunityCode,
					place == null ? null : place.buildingName(), place == null ? null : place.unitName(),
					place == null ? null : place.roomName(), r.relation == null ? null : RELATION_LABELS.get(r.relation),
					String.join("、", groups.stream().map(GroupTag::name).toList()), r.note,
					place == null ? null : place.gridName(), r.separated ? "是" : "否", STATE_LABELS.get(r.state),
					String.join("、", r.tags) };
			for (int c = 0; c < values.length; c++) {
				if (values[c] != null) {
					sheet.value(row, c, values[c].toString());
				}
			}
			row++;
			if (row % 2000 == 0) {
				try {
					sheet.flush();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}

		@Override
		public void close() {
			try {
				wb.finish();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	private final AddressBook addresses;

	ResidentExcel(AddressBook addresses) {
		this.addresses = addresses;
	}

	Export export(OutputStream out) {
		return new Export(out, addresses);
	}

	@SuppressWarnings("unchecked")
	private static <K, V> Map<K, V> labels(Object... pairs) {
		Map<K, V> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((K) pairs[i], (V) pairs[i + 1]);
		}
		return map;
	}

	private static Map<String, HouseholdRelation> relationAliases() {
		Map<String, HouseholdRelation> m = new LinkedHashMap<>();
		RELATION_LABELS.forEach((k, v) -> m.put(v, k));
		for (String s : List.of("本人", "户主本人")) {
			m.put(s, HouseholdRelation.HEAD);
		}
		for (String s : List.of("妻", "妻子", "夫", "丈夫", "配偶")) {
			m.put(s, HouseholdRelation.SPOUSE);
		}
		for (String s : List.of("子", "女", "儿子", "女儿", "长子", "次子", "长女", "次女", "养子", "养女", "继子", "继女")) {
			m.put(s, HouseholdRelation.CHILD);
		}
		for (String s : List.of("父", "母", "父亲", "母亲", "公公", "婆婆", "岳父", "岳母")) {
			m.put(s, HouseholdRelation.PARENT);
		}
		for (String s : List.of("祖父", "祖母", "外祖父", "外祖母", "爷爷", "奶奶", "外公", "外婆")) {
			m.put(s, HouseholdRelation.GRANDPARENT);
		}
		for (String s : List.of("孙子", "孙女", "外孙", "外孙子", "外孙女")) {
			m.put(s, HouseholdRelation.GRANDCHILD);
		}
		for (String s : List.of("兄", "弟", "姐", "妹", "哥哥", "弟弟", "姐姐", "妹妹")) {
			m.put(s, HouseholdRelation.SIBLING);
		}
		for (String s : List.of("儿媳", "女婿", "儿媳/女婿")) {
			m.put(s, HouseholdRelation.CHILD_IN_LAW);
		}
		for (String s : List.of("租客", "承租人", "借住")) {
			m.put(s, HouseholdRelation.TENANT);
		}
		return Map.copyOf(m);
	}

}
