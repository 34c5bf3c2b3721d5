package org.gongzhi.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gongzhi.GongzhiApplication;
import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.DataScope;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.people.Gender;
import org.gongzhi.people.HouseholdRelation;
import org.gongzhi.people.IdType;
import org.gongzhi.people.ImportMode;
import org.gongzhi.people.ImportReport;
import org.gongzhi.people.NewResident;
import org.gongzhi.people.PeopleAdministration;
import org.gongzhi.people.RegistrationStatus;
import org.gongzhi.people.ResidentQuery;
import org.gongzhi.people.ResidentSort;
import org.gongzhi.people.ResidentSummary;
import org.gongzhi.people.Residents;
import org.gongzhi.people.domain.IdNumbers;
import org.gongzhi.shared.PageResult;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The people registry at the scale of a district: imports a 100,000-row template workbook over HTTP (timed, as a
 * user waits for it), times a 100,000-row file with bad rows being refused, fills the registry to 1,000,000 residents
 * through the bulk facade, then times the one search box (names, pinyin initials, phone and ID tails, whole
 * numbers, addresses, filters) for a street, a community and a grid. Requirements: the import under 60 s, a search
 * under 100 ms.
 *
 * <p>Runs the whole application on a fresh embedded PostgreSQL (fsync on) with the demo street. Arguments (optional):
 * total residents, rows of the Excel import, runs per query, and a data directory to keep (a later run with the same
 * directory skips the loading and times the searches again); defaults 1000000 100000 30 and a temporary directory.
 */
public final class PeopleBenchmark {

	static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
			+ "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
		.split("");

	static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英玉兰萍毅浩宇轩子涵欣怡梓晨思雨博文俊杰建国建华志强"
			+ "海燕红梅德华淑珍凤英桂芳玉珍晓东晓明丹丹婷婷雪梅春梅秋菊国庆建平永红新华小龙天佑梓萱一诺若曦";

	static final String[] AREAS = { "659001", "659002", "659003", "659004", "659005", "659006" };

	private PeopleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int excelRows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		int runs = args.length > 2 ? Integer.parseInt(args[2]) : 30;
		boolean keep = args.length > 3;
		Path dataDir = keep ? Path.of(args[3]) : Files.createTempDirectory("gongzhi-people-bench-");
		print("machine: %d cores, load average %.2f, %s %s", Runtime.getRuntime().availableProcessors(), load(),
				System.getProperty("java.vm.name"), System.getProperty("java.version"));
		long started = System.nanoTime();
		ConfigurableApplicationContext app = new SpringApplicationBuilder(GongzhiApplication.class)
			.run("--gongzhi.db.url=", "--gongzhi.db.ephemeral=false", "--gongzhi.db.data-dir=" + dataDir,
					"--server.port=0", "--gongzhi.demo=true", "--spring.main.banner-mode=off",
					"--logging.level.root=WARN", "--logging.level.org.gongzhi=WARN");
		try {
			print("application started in %.1f s, data in %s", (System.nanoTime() - started) / 1e9, dataDir);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			print("database: %s", jdbc.sql("select version()").query(String.class).single().replaceAll(" on .*", ""));
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			List<Room> rooms = rooms(app.getBean(Areas.class));
			print("rooms in the demo street: %,d", rooms.size());
			long before = count(jdbc);
			Generator gen = new Generator(rooms, new Random(2026));
			if (keep && before >= total) {
				print("reusing %,d residents in %s (imports skipped)", before, dataDir);
				for (int i = 0; i < 300_000; i++) {
					gen.next();
				}
				searches(app, jdbc, gen, rooms, runs);
				return;
			}

			byte[] bad = workbook(gen, excelRows, 0.01);
			print("refused file: %,d rows with 1%% bad rows, %.1f MB", excelRows, bad.length / 1e6);
			String token = token(port);
			long t0 = System.nanoTime();
			HttpResponse<String> refused = upload(port, token, bad);
			double refusedSeconds = (System.nanoTime() - t0) / 1e9;
			print("import of the bad file over HTTP: status %d in %.1f s (load %.2f), %,d residents before and %,d after",
					refused.statusCode(), refusedSeconds, load(), before, count(jdbc));

			gen.samples.clear();
			byte[] good = workbook(gen, excelRows, 0);
			print("good file: %,d rows, %.1f MB", excelRows, good.length / 1e6);
			t0 = System.nanoTime();
			HttpResponse<String> imported = upload(port, token, good);
			double importSeconds = (System.nanoTime() - t0) / 1e9;
			print("IMPORT of %,d rows over HTTP: status %d in %.1f s (load %.2f): %s", excelRows, imported.statusCode(),
					importSeconds, load(), imported.body().length() > 200 ? imported.body().substring(0, 200)
							: imported.body());

			PeopleAdministration admin = app.getBean(PeopleAdministration.class);
			long loadStart = System.nanoTime();
			while (count(jdbc) < total) {
				int batch = (int) Math.min(100_000, total - count(jdbc));
				List<NewResident> list = new ArrayList<>(batch);
				for (int i = 0; i < batch; i++) {
					list.add(gen.next().resident());
				}
				long b0 = System.nanoTime();
				ImportReport report = admin.importResidents(list, ImportMode.CREATE_ONLY);
				print("bulk batch of %,d: %.1f s, imported %,d, rejected %,d (load %.2f)", batch,
						(System.nanoTime() - b0) / 1e9, report.imported(), report.rejected(), load());
				if (report.imported() == 0) {
					print("first errors: %s", report.errors().subList(0, Math.min(5, report.errors().size())));
					break;
				}
			}
			print("registry filled to %,d residents in %.0f s", count(jdbc), (System.nanoTime() - loadStart) / 1e9);
			t0 = System.nanoTime();
			jdbc.sql("vacuum analyze people.resident").update();
			jdbc.sql("vacuum analyze people.group_member").update();
			print("vacuum analyze: %.1f s; people.resident %s with indexes %s", (System.nanoTime() - t0) / 1e9,
					jdbc.sql("select pg_size_pretty(pg_table_size('people.resident'))").query(String.class).single(),
					jdbc.sql("select pg_size_pretty(pg_indexes_size('people.resident'))").query(String.class).single());

			searches(app, jdbc, gen, rooms, runs);
		}
		finally {
			app.close();
			if (!keep) {
				deleteQuietly(dataDir);
			}
		}
		System.exit(0);
	}

	private static void searches(ConfigurableApplicationContext app, JdbcClient jdbc, Generator gen, List<Room> rooms,
			int runs) {
		Residents residents = app.getBean(Residents.class);
		UserDirectory users = app.getBean(UserDirectory.class);
		String community = rooms.get(0).code().substring(0, AreaLevel.COMMUNITY.codeLength());
		String grid = rooms.get(0).code().substring(0, AreaLevel.GRID.codeLength());
		GongzhiUser street = user(users, "street", Role.STREET_ADMIN, DataScope.area(community.substring(0, 9)));
		GongzhiUser communityUser = user(users, "community", Role.COMMUNITY_STAFF, DataScope.area(community));
		GongzhiUser gridUser = user(users, "grid", Role.GRID_WORKER, DataScope.area(grid));
		Sample s = gen.samples.get(gen.samples.size() / 2);
		Sample inCommunity = gen.samples.stream().filter(x -> x.room.code().startsWith(community)).findFirst()
			.orElse(s);
		Room room = inCommunity.room;
		String address = room.building() + room.unit() + room.room();
		print("");
		print("search times (service path: scope, blind indexes, count and first page of 20, mapping), %d runs each",
				runs);
		print("| query | scope | matches | median | p90 | max |");
		print("| --- | --- | --- | --- | --- | --- |");
		Object[][] queries = { { "name 王秀英", "王秀英" }, { "surname only 王", "王" }, { "given name 秀英", "秀英" },
				{ "pinyin initials of " + s.name, s.initials }, { "pinyin initials wxy", "wxy" },
				{ "pinyin initials zw", "zw" }, { "full pinyin wangxiu", "wangxiu" },
				{ "phone tail", s.phone.substring(7) }, { "ID tail", s.id.substring(14) },
				{ "whole phone", s.phone }, { "whole ID number", s.id },
				{ "address " + address, address } };
		for (GongzhiUser who : List.of(street, communityUser, gridUser)) {
			String scope = who.getUsername() + " (" + who.scope().areaCode() + ")";
			for (Object[] q : queries) {
				time((String) q[0], scope, runs, () -> residents.search(who, ResidentQuery.search((String) q[1])));
			}
			time("list, no query", scope, runs, () -> residents.search(who, ResidentQuery.search(null)));
			time("list, care group 独居老人", scope, runs, () -> residents.search(who,
					new ResidentQuery(null, null, null, null, "SOLITARY_ELDER", null, null, 0, 20)));
			time("list, 人户分离", scope, runs, () -> residents.search(who,
					new ResidentQuery(null, null, null, null, null, true, null, 0, 20)));
			time("list, 流动 in one grid", scope, runs, () -> residents.search(who,
					new ResidentQuery(null, null, grid, RegistrationStatus.FLOATING, null, null, null, 0, 20)));
			Object[][] sorts = { { ResidentSort.NAME, false }, { ResidentSort.NAME, true }, { ResidentSort.AGE, false },
					{ ResidentSort.AGE, true }, { ResidentSort.UPDATED, true }, { ResidentSort.COMMUNITY, true } };
			for (Object[] o : sorts) {
				ResidentSort sort = (ResidentSort) o[0];
				boolean desc = (Boolean) o[1];
				String label = sort.param() + (desc ? " desc" : " asc");
				time("list sorted by " + label, scope, runs,
						() -> residents.search(who, ResidentQuery.search(null).sorted(sort, desc)));
			}
			time("list sorted by name, page 50", scope, runs, () -> residents.search(who,
					ResidentQuery.search(null).sorted(ResidentSort.NAME, false).withPage(49, 20)));
			time("list, care group 独居老人, by age desc", scope, runs, () -> residents.search(who,
					new ResidentQuery(null, null, null, null, "SOLITARY_ELDER", null, null, 0, 20)
						.sorted(ResidentSort.AGE, true)));
			time("list, 流动 in one grid, by updated desc", scope, runs, () -> residents.search(who,
					new ResidentQuery(null, null, grid, RegistrationStatus.FLOATING, null, null, null, 0, 20)
						.sorted(ResidentSort.UPDATED, true)));
			time("list, 人户分离, by name", scope, runs, () -> residents.search(who,
					new ResidentQuery(null, null, null, null, null, true, null, 0, 20).sorted(ResidentSort.NAME, false)));
			time("surname only 王, by age", scope, runs,
					() -> residents.search(who, ResidentQuery.search("王").sorted(ResidentSort.AGE, false)));
			time("pinyin initials zw, by updated desc", scope, runs,
					() -> residents.search(who, ResidentQuery.search("zw").sorted(ResidentSort.UPDATED, true)));
			time("address " + address + ", by name", scope, runs,
					() -> residents.search(who, ResidentQuery.search(address).sorted(ResidentSort.NAME, false)));
		}
		print("load average after: %.2f", load());
	}

	private static void time(String label, String scope, int runs, Supplier<PageResult<ResidentSummary>> search) {
		long[] nanos = new long[runs];
		long matches = 0;
		for (int i = 0; i < 3; i++) {
			matches = search.get().total();
		}
		for (int i = 0; i < runs; i++) {
			long t = System.nanoTime();
			matches = search.get().total();
			nanos[i] = System.nanoTime() - t;
		}
		Arrays.sort(nanos);
		print("| %s | %s | %,d | %.1f ms | %.1f ms | %.1f ms |", label, scope, matches, nanos[runs / 2] / 1e6,
				nanos[(int) (runs * 0.9)] / 1e6, nanos[runs - 1] / 1e6);
	}

	private static GongzhiUser user(UserDirectory users, String username, Role role, DataScope scope) {
		long id = users.findByUsername(username).orElseThrow().id();
		return new GongzhiUser(id, username, username, "", true, true, Set.of(role), scope);
	}

	/** A room as the template names it. */
	record Room(String code, String communityCode, String building, String unit, String room) {
	}

	static List<Room> rooms(Areas areas) {
		List<Room> rooms = new ArrayList<>();
		for (AreaView community : areas.ofLevel(AreaLevel.COMMUNITY)) {
			for (AreaView grid : areas.children(community.code())) {
				for (AreaView b : areas.children(grid.code())) {
					for (AreaView u : areas.children(b.code())) {
						for (AreaView r : areas.children(u.code())) {
							rooms.add(new Room(r.code(), community.code(), b.name(), u.name(), r.name()));
						}
					}
				}
			}
		}
		return rooms;
	}

	/** A generated resident with the values searches look for. */
	record Sample(String name, String initials, String phone, String id, Room room, NewResident resident) {
	}

	/** Synthetic residents: common surnames, realistic ages, valid unique ID numbers, 70 % with a phone. */
	static final class Generator {

		final List<Room> rooms;

		final Random rnd;

		final Set<String> ids = new HashSet<>();

		final Set<String> phones = new HashSet<>();

		final List<Sample> samples = new ArrayList<>();

		int n;

		Generator(List<Room> rooms, Random rnd) {
			this.rooms = rooms;
			this.rnd = rnd;
		}

		Sample next() {
			Room room = rooms.get(rnd.nextInt(rooms.size()));
			boolean male = rnd.nextBoolean();
			int age = (int) Math.min(99, Math.abs(rnd.nextGaussian() * 22 + 40));
			LocalDate birth = LocalDate.of(2026, 10, 1).minusYears(age).minusDays(rnd.nextInt(365));
			String id;
			do {
				String first17 = AREAS[rnd.nextInt(AREAS.length)] + birth.toString().replace("-", "")
						+ String.format("%02d", rnd.nextInt(100)) + (male ? 2 * rnd.nextInt(5) + 1 : 2 * rnd.nextInt(5));
				id = first17 + IdNumbers.checkDigit(first17);
				birth = birth.minusDays(1);
			}
			while (!ids.add(id) || !IdNumbers.valid(id, LocalDate.of(2026, 11, 1)));
			birth = IdNumbers.birthDate(id).orElseThrow();
			String phone = null;
			if (rnd.nextInt(10) < 7) {
				do {
					phone = "1" + (3 + rnd.nextInt(7)) + String.format("%09d", rnd.nextInt(1_000_000_000));
				}
				while (!phones.add(phone));
			}
			String name = SURNAMES[Math.min(SURNAMES.length - 1, (int) Math.abs(rnd.nextGaussian() * 25))]
					+ GIVEN.charAt(rnd.nextInt(GIVEN.length())) + (rnd.nextInt(3) == 0 ? ""
							: String.valueOf(GIVEN.charAt(rnd.nextInt(GIVEN.length()))));
			List<String> groups = new ArrayList<>();
			if (age >= 70 && rnd.nextInt(4) == 0) {
				groups.add(rnd.nextBoolean() ? "SOLITARY_ELDER" : "EMPTY_NEST_ELDER");
			}
			else if (rnd.nextInt(40) == 0) {
				groups.add(List.of("DISABLED", "SUBSISTENCE", "ENTITLED", "LEFT_BEHIND_CHILD").get(rnd.nextInt(4)));
			}
			RegistrationStatus status = rnd.nextInt(10) < 7 ? RegistrationStatus.HOUSEHOLD
					: rnd.nextInt(10) < 9 ? RegistrationStatus.FLOATING : RegistrationStatus.OVERSEAS;
			String registeredRoom = null;
			if (status == RegistrationStatus.HOUSEHOLD && rnd.nextInt(20) == 0) {
				registeredRoom = rooms.get(rnd.nextInt(rooms.size())).code();
			}
			HouseholdRelation relation = List.of(HouseholdRelation.HEAD, HouseholdRelation.SPOUSE,
					HouseholdRelation.CHILD, HouseholdRelation.PARENT, HouseholdRelation.TENANT).get(rnd.nextInt(5));
			NewResident r = new NewResident(name, male ? Gender.MALE : Gender.FEMALE, "汉族", birth,
					IdType.RESIDENT_ID, id, phone, status, null, registeredRoom, room.code(), relation, groups, List.of(),
					null, null);
			Sample s = new Sample(name, org.gongzhi.people.domain.NamePinyin.of(name).initials(),
					phone == null ? "13900000000" : phone, id, room, r);
			if (phone != null && (n++ % 5000) == 0) {
				samples.add(s);
			}
			return s;
		}

	}

	static final String[] RELATION_LABELS = { "户主", "配偶", "子女", "父母", "租户" };

	/** A template workbook of generated rows; a share of them broken (bad check digit, unknown room, bad phone). */
	static byte[] workbook(Generator gen, int rows, double badShare) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook wb = new Workbook(out, "bench", "1.0");
		Worksheet ws = wb.newWorksheet("居民信息");
		String[] headers = "姓名,性别,民族,出生日期,证件类型,证件号码,联系电话,户籍类型,户籍地址,社区编码,楼栋,单元,房号,与户主关系,关爱类别,备注"
			.split(",");
		for (int c = 0; c < headers.length; c++) {
			ws.value(0, c, headers[c]);
		}
		Random rnd = new Random(7);
		for (int i = 1; i <= rows; i++) {
			Sample s = gen.next();
			NewResident r = s.resident();
			String id = r.idNumber();
			String phone = r.phone();
			String roomNo = s.room().room();
			if (rnd.nextDouble() < badShare) {
				switch (rnd.nextInt(3)) {
					case 0 -> id = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
					case 1 -> roomNo = "9999";
					default -> phone = "12345";
				}
			}
			String[] v = { r.name(), r.gender() == Gender.MALE ? "男" : "女", "汉族", r.birthDate().toString(), "居民身份证",
					id, phone, r.registrationStatus() == RegistrationStatus.HOUSEHOLD ? "户籍"
							: r.registrationStatus() == RegistrationStatus.FLOATING ? "流动" : "境外",
					null, s.room().communityCode(), s.room().building(), s.room().unit(), roomNo,
					RELATION_LABELS[r.relation().ordinal() == 0 ? 0 : Math.min(4, r.relation().ordinal())],
					r.groupCodes().isEmpty() ? null : label(r.groupCodes().get(0)), null };
			for (int c = 0; c < v.length; c++) {
				if (v[c] != null) {
					ws.value(i, c, v[c]);
				}
			}
			if (i % 10_000 == 0) {
				ws.flush();
			}
		}
		wb.finish();
		return out.toByteArray();
	}

	static String label(String code) {
		return switch (code) {
			case "SOLITARY_ELDER" -> "独居老人";
			case "EMPTY_NEST_ELDER" -> "空巢老人";
			case "DISABLED" -> "残疾人";
			case "SUBSISTENCE" -> "低保";
			case "ENTITLED" -> "优抚对象";
			default -> "留守儿童";
		};
	}

	static String token(int port) throws Exception {
		HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
				+ port + "/api/v1/auth/token")).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"Gongzhi@2026\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		String body = r.body();
		int at = body.indexOf("\"access_token\":\"") + 16;
		return body.substring(at, body.indexOf('"', at));
	}

	static HttpResponse<String> upload(int port, String token, byte[] xlsx) throws Exception {
		String boundary = "----gongzhi" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"residents.xlsx\""
				+ "\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(xlsx);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/v1/residents/import")).header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static long count(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from people.resident").query(Long.class).single();
	}

	static double load() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	static void print(String format, Object... args) {
		System.out.println(String.format(Locale.ROOT, format, args));
	}

	static void deleteQuietly(Path dir) {
		IntakeBenchmark.deleteQuietly(dir);
	}

	static ByteArrayInputStream in(byte[] bytes) {
		return new ByteArrayInputStream(bytes);
	}

}
