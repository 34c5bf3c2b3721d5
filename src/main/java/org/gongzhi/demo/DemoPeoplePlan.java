package org.gongzhi.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo street's actual people, houses and units (一标三实): about 20,000 residents in households across the rooms
 * of DemoStreetPlan, with valid synthetic ID numbers, care and key groups, 人户分离, tenants, houses, units and past
 * visits. It is a pure function of the street plan, a seed and the reference date, so every installation loads the
 * same people with the same ages.
 */
public final class DemoPeoplePlan {

	/** Area code of every synthetic ID number: the fictional demo district, so no number can be a real person's. */
	public static final String ID_AREA_CODE = DemoStreetPlan.DISTRICT_CODE;

	/** Care groups (关爱类别) the plan assigns, in the words of the import template. */
	public static final List<String> CARE_GROUPS = List.of("留守儿童", "空巢老人", "独居老人", "残疾人", "低保", "特困",
			"优抚对象", "孕产妇");

	/** Key groups (重点人群) the plan assigns to a few adults; only roles granted them may see them. */
	public static final List<String> KEY_GROUPS = List.of("社区矫正", "刑释人员", "严重精神障碍患者", "吸毒人员");

	/** Gender (性别) as the import template writes it. */
	public enum Gender {

		MALE("男"), FEMALE("女");

		private final String label;

		Gender(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** Registration status (户籍类型): 户籍, 流动, 境外 or 未落户. */
	public enum Registration {

		LOCAL("户籍"), FLOATING("流动"), OVERSEAS("境外"), UNSETTLED("未落户");

		private final String label;

		Registration(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** Identity document type (证件类型). */
	public enum IdType {

		RESIDENT_ID("居民身份证"), PASSPORT("护照"), HK_MACAO_PERMIT("港澳居民来往内地通行证"),
		TAIWAN_PERMIT("台湾居民来往大陆通行证");

		private final String label;

		IdType(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** How a house (实有房屋) is used: 自住, 出租, 空置 or 商用. */
	public enum HouseUse {

		OWNER_OCCUPIED("自住"), RENTED("出租"), VACANT("空置"), COMMERCIAL("商用");

		private final String label;

		HouseUse(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** Kind of an actual unit (实有单位). */
	public enum UnitKind {

		RESIDENT_UNIT("驻区单位"), SHOP("商户"), SCHOOL("学校"), PHARMACY("药店"), PROPERTY_COMPANY("物业公司"),
		SOCIAL_ORGANISATION("社会组织");

		private final String label;

		UnitKind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/**
	 * One resident (实有人口). The registered room is null when the registration is outside the street; the living room
	 * is where the resident lives; both are room codes of the demo street.
	 */
	public record Resident(String key, String name, Gender gender, String ethnicity, LocalDate birthDate, IdType idType,
			String idNumber, String phone, Registration registration, String registeredAddress,
			String registeredRoomCode, String roomCode, String householdKey, String relation, List<String> careGroups,
			List<String> keyGroups, LocalDate livingSince, String note) {

		/** The community the resident lives in. */
		public String communityCode() {
			return roomCode.substring(0, DemoStreetPlan.Level.COMMUNITY.codeLength());
		}

		/** The grid the resident lives in. */
		public String gridCode() {
			return roomCode.substring(0, DemoStreetPlan.Level.GRID.codeLength());
		}

		/** The community of the registration, or null when registered outside the street. */
		public String registeredCommunityCode() {
			return registeredRoomCode == null ? null
					: registeredRoomCode.substring(0, DemoStreetPlan.Level.COMMUNITY.codeLength());
		}

		/** 人户分离: registered in one community of the street and living in another. */
		public boolean separated() {
			return registeredRoomCode != null && !registeredCommunityCode().equals(communityCode());
		}

		/** Age in whole years on the given day. */
		public int ageOn(LocalDate day) {
			return java.time.Period.between(birthDate, day).getYears();
		}

	}

	/** One household (户): the people who live together in one room, with their head (户主). */
	public record Household(String key, String roomCode, String headKey, boolean tenant, LocalDate movedIn,
			String previousRoomCode) {
	}

	/**
	 * One house (实有房屋), a room of the street with its use; the owner is a resident of the plan when ownerKey is set;
	 * tenants are the residents renting it.
	 */
	public record House(String roomCode, HouseUse use, String ownerName, String ownerPhone, String ownerKey,
			List<String> tenantKeys, double areaSqm) {
	}

	/** One actual unit (实有单位) with its place, its contact and its unified social credit code. */
	public record Unit(String key, String name, UnitKind kind, String gridCode, String buildingCode, String roomCode,
			String creditCode, String contactName, String contactPhone, int staff) {
	}

	/** A past visit (走访) by the grid's worker, the given number of days before the reference date. */
	public record Visit(String residentKey, String roomCode, String gridCode, int daysAgo, boolean care,
			String findings, String followUp) {
	}

	private final LocalDate asOf;

	private final List<Resident> residents;

	private final List<Household> households;

	private final List<House> houses;

	private final List<Unit> units;

	private final List<Visit> visits;

	private final Map<String, String> addresses;

	private DemoPeoplePlan(LocalDate asOf, List<Resident> residents, List<Household> households, List<House> houses,
			List<Unit> units, List<Visit> visits, Map<String, String> addresses) {
		this.asOf = asOf;
		this.residents = List.copyOf(residents);
		this.households = List.copyOf(households);
		this.houses = List.copyOf(houses);
		this.units = List.copyOf(units);
		this.visits = List.copyOf(visits);
		this.addresses = Collections.unmodifiableMap(addresses);
	}

	/** The people of the street plan for the seed, with ages as on the given day. */
	public static DemoPeoplePlan generate(DemoStreetPlan street, long seed, LocalDate asOf) {
		return new Generator(street, new Random(seed), asOf).run();
	}

	/** The day ages, move-in dates and visit offsets refer to. */
	public LocalDate asOf() {
		return asOf;
	}

	public List<Resident> residents() {
		return residents;
	}

	public List<Household> households() {
		return households;
	}

	/** Every room of the street as a house, in the street plan's order. */
	public List<House> houses() {
		return houses;
	}

	public List<Unit> units() {
		return units;
	}

	public List<Visit> visits() {
		return visits;
	}

	/** The standard address of a room or building (for example 安和里社区 3号楼2单元501), or null for an unknown code. */
	public String address(String code) {
		return addresses.get(code);
	}

	/** The check character of an 18-character 居民身份证 number from its first 17 digits (GB 11643, ISO 7064 MOD 11-2). */
	public static char idCheckChar(String first17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return "10X98765432".charAt(sum % 11);
	}

	/** The check character of an 18-character unified social credit code from its first 17 characters (GB 32100). */
	public static char creditCheckChar(String first17) {
		String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		int[] weights = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += chars.indexOf(first17.charAt(i)) * weights[i];
		}
		return chars.charAt((31 - sum % 31) % 31);
	}

	private static final class Generator {

		private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

		private static final String MALE_GIVEN = "伟强磊军洋勇杰涛明超刚华鹏辉建文斌宇浩凯晨阳子轩思远志海国庆永福德春林峰亮波东鑫博俊瑞泽铭宏兵";

		private static final String FEMALE_GIVEN = "芳娜敏静丽秀兰霞桂英玉萍红燕婷雪琳欣怡涵慧佳颖月娟凤洁梅琴晶倩淑珍丹蕾薇雯璐菲";

		private static final String[] MINORITIES = { "回族", "满族", "蒙古族", "朝鲜族", "壮族", "土家族", "苗族", "维吾尔族",
				"藏族", "彝族" };

		private static final String[] HOMETOWNS = { "河北省保定市清苑区东吕乡", "河北省廊坊市固安县柳泉镇", "河北省张家口市蔚县西合营镇",
				"河南省周口市郸城县汲冢镇", "河南省信阳市固始县胡族铺镇", "山东省菏泽市曹县青堌集镇", "山东省临沂市沂水县许家湖镇",
				"安徽省阜阳市临泉县杨桥镇", "安徽省六安市霍邱县周集镇", "四川省南充市仪陇县新政镇", "四川省达州市渠县三汇镇",
				"湖北省黄冈市麻城市宋埠镇", "湖南省邵阳市隆回县桃洪镇", "江西省上饶市鄱阳县饶州街道", "黑龙江省绥化市望奎县望奎镇",
				"山西省吕梁市临县城庄镇", "内蒙古自治区赤峰市宁城县天义镇", "甘肃省天水市秦安县兴国镇", "天津市武清区杨村街道",
				"辽宁省铁岭市昌图县昌图镇" };

		private static final String[][] FOREIGNERS = { { "韩国", "金敏俊", "男" }, { "韩国", "朴智慧", "女" },
				{ "韩国", "李承宇", "男" }, { "日本", "佐藤健", "男" }, { "日本", "田中美咲", "女" },
				{ "日本", "铃木一郎", "男" }, { "美国", "约翰·史密斯", "男" }, { "美国", "艾米丽·布朗", "女" },
				{ "俄罗斯", "安娜·伊万诺娃", "女" }, { "俄罗斯", "伊万·彼得罗夫", "男" }, { "新加坡", "陈伟明", "男" },
				{ "马来西亚", "林美玲", "女" }, { "德国", "托马斯·穆勒", "男" }, { "法国", "玛丽·杜邦", "女" },
				{ "中国香港", "黄家明", "男" }, { "中国香港", "陈慧琳", "女" }, { "中国澳门", "何子健", "男" },
				{ "中国台湾", "林志豪", "男" }, { "中国台湾", "蔡佩琪", "女" } };

		private static final String[] PHONE_PREFIXES = { "130", "131", "132", "133", "134", "135", "136", "137",
				"138", "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "176", "177",
				"178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "195", "198", "199" };

		private static final String[] CARE_FINDINGS = { "身体状况良好，生活能够自理", "精神状态不错，子女每周来电", "家中水电燃气检查无隐患",
				"近期血压偏高，已提醒按时服药", "反映楼道灯不亮，已报物业维修", "行动不便，希望有人帮忙代购生活用品", "居住环境整洁，情绪稳定",
				"冬季取暖正常，已提醒注意防滑", "已讲解防诈骗知识", "反映卫生间漏水，已联系维修" };

		private static final String[] CARE_FOLLOW_UPS = { "下周电话回访", "协调志愿者每周代购一次", "联系社区卫生服务中心上门测血压",
				"跟进物业维修进度", "申请适老化改造评估" };

		private static final String[] HOUSEHOLD_FINDINGS = { "核实家庭成员信息无变化", "新增租住人员已登记", "宣传垃圾分类",
				"检查电动自行车停放与充电安全", "住户反映楼下噪声，已记录", "核对房屋用途为自住" };

		private static final String[] SHOP_KINDS = { "便利店", "面馆", "早餐店", "水果店", "美发店", "洗衣店", "五金店", "烟酒店",
				"快递驿站", "干洗店", "文具店", "花店", "包子铺", "眼镜店", "手机维修店", "粮油店", "蔬菜店", "烘焙店", "茶叶店",
				"家政服务部" };

		private static final Set<String> PARTNERS = Set.of("户主", "配偶");

		private static final String[] PROPERTY_BRANDS = { "祥和", "安居", "康泰", "和顺", "嘉园", "瑞丰", "恒信", "德润",
				"万家", "鑫诚" };

		private static final String[] OWNER_NOTES = { "楼门长", "热心居民", "退休教师", "党员中心户" };

		private final DemoStreetPlan street;

		private final Random rnd;

		private final LocalDate asOf;

		private final Map<String, String> communityNames = new LinkedHashMap<>();

		private final Map<String, String> gridTypes = new HashMap<>();

		private final Map<String, String> names = new HashMap<>();

		private final Map<String, String> addresses = new LinkedHashMap<>();

		private final List<DemoStreetPlan.Area> rooms = new ArrayList<>();

		private final Map<String, List<String>> roomsByCommunity = new LinkedHashMap<>();

		private final Set<String> usedIds = new HashSet<>();

		private final Set<String> usedPhones = new HashSet<>();

		private final List<P> people = new ArrayList<>();

		private final List<H> households = new ArrayList<>();

		private final List<House> houses = new ArrayList<>();

		private final List<Unit> units = new ArrayList<>();

		private final List<Visit> visits = new ArrayList<>();

		private final Set<String> unitNames = new HashSet<>();

		/** A resident while the plan is being built. */
		private static final class P {

			String key;

			String name;

			Gender gender;

			String ethnicity;

			LocalDate birth;

			IdType idType = IdType.RESIDENT_ID;

			String idNumber;

			String phone;

			Registration registration = Registration.LOCAL;

			String registeredAddress;

			String registeredRoom;

			String relation;

			final List<String> care = new ArrayList<>();

			final List<String> key_ = new ArrayList<>();

			String note;

			H household;

			int age;

		}

		/** A household while the plan is being built. */
		private static final class H {

			String key;

			String room;

			boolean tenant;

			String type;

			final List<P> members = new ArrayList<>();

			LocalDate movedIn;

			String previousRoom;

		}

		Generator(DemoStreetPlan street, Random rnd, LocalDate asOf) {
			this.street = street;
			this.rnd = rnd;
			this.asOf = asOf;
		}

		DemoPeoplePlan run() {
			index();
			for (DemoStreetPlan.Area room : rooms) {
				house(room);
			}
			registrations();
			careGroups();
			keyGroups();
			visits();
			units();
			return freeze();
		}

		private void index() {
			street.grids().forEach(g -> gridTypes.put(g.code(), g.type()));
			for (DemoStreetPlan.Area a : street.areas()) {
				names.put(a.code(), a.name());
				if (a.level() == DemoStreetPlan.Level.COMMUNITY) {
					communityNames.put(a.code(), a.name());
					roomsByCommunity.put(a.code(), new ArrayList<>());
				}
				else if (a.level() == DemoStreetPlan.Level.BUILDING) {
					addresses.put(a.code(), names.get(a.code().substring(0, 12)) + " " + a.name());
				}
				else if (a.level() == DemoStreetPlan.Level.ROOM) {
					rooms.add(a);
					String building = a.code().substring(0, DemoStreetPlan.Level.BUILDING.codeLength());
					String unit = a.code().substring(0, DemoStreetPlan.Level.UNIT.codeLength());
					String community = a.code().substring(0, DemoStreetPlan.Level.COMMUNITY.codeLength());
					addresses.put(a.code(), names.get(community) + " " + names.get(building) + names.get(unit)
							+ a.name());
				}
			}
		}

		// houses and households

		private void house(DemoStreetPlan.Area room) {
			String code = room.code();
			String grid = code.substring(0, DemoStreetPlan.Level.GRID.codeLength());
			int floor = Integer.parseInt(code.substring(20, 22));
			double r = rnd.nextDouble();
			HouseUse use = switch (gridTypes.get(grid)) {
				case "COMMERCIAL" -> r < 0.62 ? HouseUse.COMMERCIAL : r < 0.80 ? HouseUse.RENTED : r < 0.88
						? HouseUse.OWNER_OCCUPIED : HouseUse.VACANT;
				case "PUBLIC" -> r < 0.35 ? HouseUse.COMMERCIAL : r < 0.75 ? HouseUse.OWNER_OCCUPIED : r < 0.85
						? HouseUse.RENTED : HouseUse.VACANT;
				case "MIXED" -> floor == 1 && r < 0.6 ? HouseUse.COMMERCIAL : residentialUse(rnd.nextDouble());
				default -> residentialUse(r);
			};
			if (use == HouseUse.COMMERCIAL || use == HouseUse.VACANT) {
				houses.add(new House(code, use, personName(rnd.nextBoolean() ? Gender.MALE : Gender.FEMALE, null),
						phone(), null, List.of(), area(use)));
				return;
			}
			H h = household(code, use == HouseUse.RENTED);
			roomsByCommunity.get(code.substring(0, 12)).add(code);
			if (use == HouseUse.OWNER_OCCUPIED) {
				houses.add(new House(code, use, h.members.get(0).name, null, h.members.get(0).key, List.of(),
						area(use)));
			}
			else {
				houses.add(new House(code, use, personName(rnd.nextBoolean() ? Gender.MALE : Gender.FEMALE, null),
						phone(), null, h.members.stream().map(p -> p.key).toList(), area(use)));
			}
		}

		/** Floor area in square metres, to one decimal: flats of 38 to 140, shops and offices of 20 to 220. */
		private double area(HouseUse use) {
			double sqm = use == HouseUse.COMMERCIAL ? 20 + rnd.nextDouble() * 200 : 38 + rnd.nextDouble() * 102;
			return Math.round(sqm * 10) / 10.0;
		}

		private static HouseUse residentialUse(double r) {
			return r < 0.44 ? HouseUse.OWNER_OCCUPIED : r < 0.61 ? HouseUse.RENTED : HouseUse.VACANT;
		}

		private H household(String room, boolean tenant) {
			H h = new H();
			h.key = "H%05d".formatted(households.size() + 1);
			h.room = room;
			h.tenant = tenant;
			households.add(h);
			if (tenant) {
				tenantHousehold(h);
			}
			else {
				ownerHousehold(h);
			}
			int oldest = h.members.stream().mapToInt(p -> p.age).max().orElse(20);
			int years = rnd.nextInt(Math.max(1, Math.min(tenant ? 4 : 30, oldest - 19)));
			h.movedIn = asOf.minusYears(years).minusDays(1 + rnd.nextInt(364));
			P head = h.members.get(0);
			if (tenant && head.registration != Registration.OVERSEAS) {
				head.note = "租住，合同至" + h.movedIn.plusYears(years + 1).getYear() + "年" + h.movedIn.getMonthValue()
						+ "月";
			}
			else if (!tenant && rnd.nextInt(100) < 2) {
				head.note = OWNER_NOTES[rnd.nextInt(OWNER_NOTES.length)];
			}
			return h;
		}

		private void ownerHousehold(H h) {
			int t = rnd.nextInt(100);
			if (t < 15) {
				h.type = "single";
				member(h, randomGender(), uniform(24, 59), null, "户主");
			}
			else if (t < 27) {
				h.type = "single-elder";
				member(h, rnd.nextInt(10) < 6 ? Gender.FEMALE : Gender.MALE, elderAge(), null, "户主");
			}
			else if (t < 39) {
				h.type = "couple";
				couple(h, uniform(24, 59));
			}
			else if (t < 53) {
				h.type = "elder-couple";
				couple(h, elderAge());
			}
			else if (t < 75) {
				h.type = "nuclear";
				P mother = couple(h, uniform(27, 52));
				children(h, mother, 1);
			}
			else if (t < 79) {
				h.type = "nuclear";
				P mother = couple(h, uniform(30, 50));
				children(h, mother, 2);
			}
			else if (t < 91) {
				h.type = "three-generations";
				threeGenerations(h);
			}
			else if (t < 92) {
				h.type = "left-behind";
				P grandfather = member(h, Gender.MALE, uniform(56, 74), null, "户主");
				member(h, Gender.FEMALE, Math.max(50, grandfather.age - rnd.nextInt(5)), null, "配偶");
				int kids = 1 + rnd.nextInt(2);
				for (int i = 0; i < kids; i++) {
					Gender g = randomGender();
					member(h, g, uniform(3, 15), surnameOf(grandfather), g == Gender.MALE ? "孙子" : "孙女");
				}
			}
			else if (t < 96) {
				h.type = "single-parent";
				P parent = member(h, rnd.nextInt(4) == 0 ? Gender.MALE : Gender.FEMALE, uniform(30, 52), null, "户主");
				child(h, parent, parent.gender == Gender.FEMALE ? parent : null);
			}
			else {
				h.type = "elder-with-child";
				P elder = member(h, randomGender(), elderAge(), null, "户主");
				Gender g = randomGender();
				member(h, g, Math.max(24, elder.age - uniform(24, 34)), surnameOf(elder), g == Gender.MALE ? "子" : "女");
			}
		}

		private void tenantHousehold(H h) {
			int t = rnd.nextInt(100);
			if (t < 3) {
				h.type = "overseas";
				overseas(h);
				return;
			}
			if (t < 45) {
				h.type = "single";
				member(h, randomGender(), uniform(20, 45), null, "户主");
			}
			else if (t < 63) {
				h.type = "couple";
				couple(h, uniform(22, 40));
			}
			else if (t < 88) {
				h.type = "nuclear";
				P mother = couple(h, uniform(26, 45));
				children(h, mother, 1 + (rnd.nextInt(4) == 0 ? 1 : 0));
			}
			else {
				h.type = "shared";
				int n = 2 + rnd.nextInt(2);
				for (int i = 0; i < n; i++) {
					member(h, randomGender(), uniform(20, 35), null, i == 0 ? "户主" : "其他");
				}
			}
			boolean floating = rnd.nextInt(100) < 80;
			for (P p : h.members) {
				if (floating) {
					p.registration = Registration.FLOATING;
				}
			}
		}

		private void overseas(H h) {
			int n = rnd.nextInt(3) == 0 ? 2 : 1;
			String[] first = FOREIGNERS[rnd.nextInt(FOREIGNERS.length)];
			for (int i = 0; i < n; i++) {
				String[] f = i == 0 ? first : partnerOf(first);
				P p = new P();
				p.key = "P%05d".formatted(people.size() + 1);
				p.name = f[1];
				p.gender = "男".equals(f[2]) ? Gender.MALE : Gender.FEMALE;
				p.age = uniform(24, 55);
				p.birth = birth(p.age);
				p.registration = Registration.OVERSEAS;
				p.registeredAddress = f[0];
				p.idType = f[0].equals("中国台湾") ? IdType.TAIWAN_PERMIT
						: f[0].startsWith("中国") ? IdType.HK_MACAO_PERMIT : IdType.PASSPORT;
				p.idNumber = documentNumber(p.idType, f[0]);
				p.phone = phone();
				p.relation = i == 0 ? "户主" : "配偶";
				p.household = h;
				h.members.add(p);
				people.add(p);
			}
		}

		private String[] partnerOf(String[] first) {
			for (String[] f : FOREIGNERS) {
				if (f[0].equals(first[0]) && !f[2].equals(first[2])) {
					return f;
				}
			}
			return first;
		}

		private String documentNumber(IdType type, String country) {
			String number;
			do {
				String digits = "%08d".formatted(rnd.nextInt(100_000_000));
				number = switch (type) {
					case HK_MACAO_PERMIT -> (country.endsWith("澳门") ? "M" : "H") + digits;
					case TAIWAN_PERMIT -> digits;
					default -> (char) ('E' + rnd.nextInt(10)) + digits;
				};
			}
			while (!usedIds.add(number));
			return number;
		}

		/** A couple of the given age for the older partner; answers the wife. */
		private P couple(H h, int age) {
			boolean husbandHead = rnd.nextInt(10) < 7;
			int husbandAge = age;
			int wifeAge = Math.max(20, age - rnd.nextInt(5) + (rnd.nextInt(5) == 0 ? 2 : 0));
			P husband;
			P wife;
			if (husbandHead) {
				husband = member(h, Gender.MALE, husbandAge, null, "户主");
				wife = member(h, Gender.FEMALE, wifeAge, null, "配偶");
			}
			else {
				wife = member(h, Gender.FEMALE, wifeAge, null, "户主");
				husband = member(h, Gender.MALE, husbandAge, null, "配偶");
			}
			return wife;
		}

		private void children(H h, P mother, int count) {
			for (int i = 0; i < count; i++) {
				child(h, father(h), mother);
			}
		}

		private P father(H h) {
			return h.members.stream().filter(p -> p.gender == Gender.MALE && ("户主".equals(p.relation)
					|| "配偶".equals(p.relation))).findFirst().orElse(null);
		}

		private P child(H h, P father, P mother) {
			P parent = mother != null ? mother : father;
			int gap = 22 + rnd.nextInt(15);
			int age = parent.age - gap;
			if (age < 0) {
				age = rnd.nextInt(Math.max(1, parent.age - 20));
			}
			age = Math.min(age, 28);
			Gender g = randomGender();
			String surname = surnameOf(father != null ? father : parent);
			P head = h.members.get(0);
			String relation = g == Gender.MALE ? "子" : "女";
			if (head != father && head != mother && head != parent) {
				relation = g == Gender.MALE ? "孙子" : "孙女";
			}
			return member(h, g, age, surname, relation);
		}

		private void threeGenerations(H h) {
			P wife = couple(h, uniform(30, 48));
			P husband = father(h);
			children(h, wife, 1 + (rnd.nextInt(3) == 0 ? 1 : 0));
			boolean husbandsParents = rnd.nextInt(3) > 0;
			P child = husbandsParents ? husband : wife;
			boolean headIsChild = h.members.get(0) == child;
			int n = rnd.nextInt(2) == 0 ? 1 : 2;
			int base = child.age + uniform(24, 33);
			for (int i = 0; i < n; i++) {
				Gender g = n == 1 ? (rnd.nextInt(10) < 6 ? Gender.FEMALE : Gender.MALE)
						: i == 0 ? Gender.MALE : Gender.FEMALE;
				String relation;
				if (headIsChild) {
					relation = g == Gender.MALE ? "父亲" : "母亲";
				}
				else if (husbandsParents) {
					relation = g == Gender.MALE ? "公公" : "婆婆";
				}
				else {
					relation = g == Gender.MALE ? "岳父" : "岳母";
				}
				member(h, g, Math.min(99, base + (g == Gender.MALE ? 1 : -1) * rnd.nextInt(3)),
						g == Gender.MALE ? surnameOf(child) : null, relation);
			}
		}

		private P member(H h, Gender gender, int age, String surname, String relation) {
			P p = new P();
			p.key = "P%05d".formatted(people.size() + 1);
			p.gender = gender;
			p.age = Math.max(0, age);
			p.name = personName(gender, surname);
			p.birth = birth(p.age);
			p.ethnicity = ethnicity(h);
			p.idNumber = idNumber(p.birth, gender);
			p.relation = relation;
			boolean phoneless = p.age < 14 || (p.age >= 80 && rnd.nextBoolean());
			p.phone = phoneless ? null : phone();
			p.household = h;
			if (p.age == 0 && rnd.nextInt(10) < 4) {
				p.registration = Registration.UNSETTLED;
			}
			else if (p.age >= 18 && rnd.nextInt(1000) < 3) {
				p.registration = Registration.UNSETTLED;
			}
			h.members.add(p);
			people.add(p);
			return p;
		}

		private String ethnicity(H h) {
			if (!h.members.isEmpty() && rnd.nextInt(10) < 7) {
				return h.members.get(0).ethnicity;
			}
			return rnd.nextInt(1000) < 955 ? "汉族" : MINORITIES[rnd.nextInt(MINORITIES.length)];
		}

		// registrations and 人户分离

		private void registrations() {
			List<String> communities = new ArrayList<>(roomsByCommunity.keySet());
			for (H h : households) {
				String community = h.room.substring(0, 12);
				boolean local = h.members.stream().anyMatch(p -> p.registration == Registration.LOCAL);
				String registeredRoom = h.room;
				if (h.tenant && local) {
					registeredRoom = rnd.nextInt(10) < 6 ? roomElsewhere(communities, community) : null;
				}
				else if (!h.tenant && rnd.nextInt(100) < 5) {
					registeredRoom = roomElsewhere(communities, community);
				}
				if (!h.tenant && rnd.nextInt(100) < 3) {
					h.previousRoom = roomElsewhere(communities, null);
				}
				String hometown = HOMETOWNS[rnd.nextInt(HOMETOWNS.length)] + uniform(1, 30) + "号";
				for (P p : h.members) {
					switch (p.registration) {
						case LOCAL -> {
							if (registeredRoom != null) {
								p.registeredRoom = registeredRoom;
								p.registeredAddress = "示范区和平街道" + addresses.get(registeredRoom).replace(" ", "");
							}
							else {
								p.registeredAddress = "示范区" + (rnd.nextBoolean() ? "光明街道" : "长安街道")
										+ "集体户";
							}
						}
						case FLOATING -> p.registeredAddress = hometown;
						case UNSETTLED -> p.registeredAddress = null;
						case OVERSEAS -> {
						}
					}
				}
				if (!h.tenant && rnd.nextInt(100) < 4) {
					P adult = h.members.stream().filter(p -> p.age >= 20 && !"户主".equals(p.relation)).findFirst()
						.orElse(null);
					if (adult != null && adult.registration == Registration.LOCAL) {
						adult.registration = Registration.FLOATING;
						adult.registeredAddress = hometown;
						adult.registeredRoom = null;
					}
				}
			}
		}

		private String roomElsewhere(List<String> communities, String notIn) {
			while (true) {
				String community = communities.get(rnd.nextInt(communities.size()));
				if (community.equals(notIn)) {
					continue;
				}
				List<String> list = roomsByCommunity.get(community);
				if (!list.isEmpty()) {
					return list.get(rnd.nextInt(list.size()));
				}
			}
		}

		// care and key groups

		private void careGroups() {
			for (H h : households) {
				boolean allElderly = h.members.stream().allMatch(p -> p.age >= 60);
				if (h.members.size() == 1 && allElderly && h.members.get(0).age >= 65) {
					h.members.get(0).care.add("独居老人");
				}
				else if (h.members.size() > 1 && allElderly && h.members.stream().allMatch(p -> p.age >= 70)
						&& rnd.nextInt(10) < 7) {
					h.members.forEach(p -> p.care.add("空巢老人"));
				}
				if ("left-behind".equals(h.type)) {
					h.members.stream().filter(p -> p.age < 16).forEach(p -> p.care.add("留守儿童"));
				}
				if (!h.tenant && rnd.nextInt(1000) < 12) {
					h.members.forEach(p -> p.care.add("低保"));
				}
				for (P p : h.members) {
					if (p.registration == Registration.OVERSEAS) {
						continue;
					}
					int disabled = p.age >= 60 ? 22 : 9;
					if (rnd.nextInt(1000) < disabled) {
						p.care.add("残疾人");
					}
					if (h.members.size() == 1 && (p.age >= 60 || p.care.contains("残疾人")) && rnd.nextInt(100) < 4) {
						p.care.add("特困");
					}
					if (p.age >= 40 && rnd.nextInt(1000) < (p.gender == Gender.MALE ? 14 : 2)) {
						p.care.add("优抚对象");
					}
					if (p.gender == Gender.FEMALE && p.age >= 22 && p.age <= 40 && PARTNERS.contains(p.relation)
							&& rnd.nextInt(100) < 3) {
						p.care.add("孕产妇");
					}
				}
			}
		}

		private void keyGroups() {
			int wanted = 24;
			int given = 0;
			while (given < wanted) {
				P p = people.get(rnd.nextInt(people.size()));
				if (p.age < 18 || p.age > 70 || !p.key_.isEmpty() || p.registration == Registration.OVERSEAS) {
					continue;
				}
				String group = KEY_GROUPS.get(given % KEY_GROUPS.size());
				if (!"严重精神障碍患者".equals(group) && p.gender == Gender.FEMALE && rnd.nextInt(4) > 0) {
					continue;
				}
				p.key_.add(group);
				given++;
			}
		}

		// visits

		private void visits() {
			for (P p : people) {
				if (p.care.isEmpty()) {
					continue;
				}
				String grid = p.household.room.substring(0, 15);
				int count = 1 + rnd.nextInt(2);
				int day = rnd.nextInt(60) + 1;
				for (int i = 0; i < count; i++) {
					boolean followUp = rnd.nextInt(4) == 0;
					visits.add(new Visit(p.key, p.household.room, grid, day, true,
							CARE_FINDINGS[rnd.nextInt(CARE_FINDINGS.length)],
							followUp ? CARE_FOLLOW_UPS[rnd.nextInt(CARE_FOLLOW_UPS.length)] : null));
					day += 20 + rnd.nextInt(50);
				}
			}
			for (H h : households) {
				if (rnd.nextInt(100) < 6) {
					P head = h.members.get(0);
					visits.add(new Visit(head.key, h.room, h.room.substring(0, 15), 1 + rnd.nextInt(180), false,
							HOUSEHOLD_FINDINGS[rnd.nextInt(HOUSEHOLD_FINDINGS.length)], null));
				}
			}
		}

		// units

		private void units() {
			Map<String, List<String>> commercialRooms = new LinkedHashMap<>();
			Map<String, List<String>> buildingsByGrid = new LinkedHashMap<>();
			for (DemoStreetPlan.Area a : street.areas()) {
				if (a.level() == DemoStreetPlan.Level.BUILDING) {
					buildingsByGrid.computeIfAbsent(a.parentCode(), g -> new ArrayList<>()).add(a.code());
				}
			}
			for (House house : houses) {
				if (house.use() == HouseUse.COMMERCIAL) {
					commercialRooms.computeIfAbsent(house.roomCode().substring(0, 15), g -> new ArrayList<>())
						.add(house.roomCode());
				}
			}
			for (DemoStreetPlan.GridInfo grid : street.grids()) {
				String code = grid.code();
				String community = communityNames.get(code.substring(0, 12)).replace("社区", "");
				List<String> buildings = buildingsByGrid.getOrDefault(code, List.of());
				List<String> shops = new ArrayList<>(commercialRooms.getOrDefault(code, List.of()));
				if ("RESIDENTIAL".equals(grid.type()) || "MIXED".equals(grid.type())) {
					String brand = PROPERTY_BRANDS[rnd.nextInt(PROPERTY_BRANDS.length)];
					unit(brand + "物业" + names.get(code) + "服务中心", UnitKind.PROPERTY_COMPANY, code, buildings.get(0),
							null, '9', '1', 8 + rnd.nextInt(20));
				}
				int shopCount = switch (grid.type()) {
					case "COMMERCIAL" -> Math.min(shops.size(), 14 + rnd.nextInt(8));
					case "MIXED" -> Math.min(shops.size(), 4 + rnd.nextInt(5));
					default -> 0;
				};
				Collections.shuffle(shops, rnd);
				for (int i = 0; i < shopCount; i++) {
					String kind = SHOP_KINDS[rnd.nextInt(SHOP_KINDS.length)];
					String name = rnd.nextBoolean() ? community + kind : SURNAMES.charAt(rnd.nextInt(40)) + "记" + kind;
					while (!unitNames.add(name)) {
						name = SURNAMES.charAt(rnd.nextInt(SURNAMES.length())) + "记" + kind;
					}
					String room = shops.get(i);
					unit(name, UnitKind.SHOP, code, room.substring(0, 18), room, '9', rnd.nextInt(3) == 0 ? '1' : '2',
							1 + rnd.nextInt(6));
				}
			}
			List<DemoStreetPlan.GridInfo> publicGrids = street.grids().stream()
				.filter(g -> !"RESIDENTIAL".equals(g.type())).toList();
			String[][] institutions = { { "和平街道社区卫生服务中心", "1", "2" }, { "示范区税务局和平税务所", "1", "1" },
					{ "和平街道邮政营业所", "9", "1" }, { "城市商业银行和平支行", "9", "1" }, { "示范区图书馆和平分馆", "1", "2" },
					{ "和平街道市民活动中心", "1", "2" }, { "示范区人民医院和平院区", "1", "2" }, { "和平供电服务站", "9", "1" },
					{ "燃气公司和平营业厅", "9", "1" }, { "和平街道综合文化中心", "1", "2" }, { "示范区实验中学", "5", "2" } };
			for (String[] inst : institutions) {
				place(inst[0], inst[0].endsWith("中学") ? UnitKind.SCHOOL : UnitKind.RESIDENT_UNIT,
						publicGrids, buildingsByGrid, inst[1].charAt(0), inst[2].charAt(0), 20 + rnd.nextInt(120));
			}
			for (String community : communityNames.values()) {
				String base = community.replace("社区", "");
				List<DemoStreetPlan.GridInfo> own = street.grids().stream()
					.filter(g -> communityNames.get(g.code().substring(0, 12)).equals(community)).toList();
				place(base + "幼儿园", UnitKind.SCHOOL, own, buildingsByGrid, '5', '2', 15 + rnd.nextInt(20));
				place("康宁大药房" + base + "店", UnitKind.PHARMACY, own, buildingsByGrid, '9', '1', 3 + rnd.nextInt(5));
				place(base + "社区志愿者协会", UnitKind.SOCIAL_ORGANISATION, own, buildingsByGrid, '5', '1',
						5 + rnd.nextInt(10));
				if (rnd.nextBoolean()) {
					place(base + "居民文体队", UnitKind.SOCIAL_ORGANISATION, own, buildingsByGrid, '5', '1',
							3 + rnd.nextInt(10));
				}
			}
			place("示范区和平街道第一小学", UnitKind.SCHOOL, publicGrids, buildingsByGrid, '5', '2', 80);
			place("示范区和平街道第二小学", UnitKind.SCHOOL, publicGrids, buildingsByGrid, '5', '2', 65);
			place("和平街道社会工作服务中心", UnitKind.SOCIAL_ORGANISATION, publicGrids, buildingsByGrid, '5', '2', 12);
			place("和平街道老年协会", UnitKind.SOCIAL_ORGANISATION, publicGrids, buildingsByGrid, '5', '1', 6);
			place("仁心大药房和平店", UnitKind.PHARMACY, publicGrids, buildingsByGrid, '9', '1', 6);
		}

		private void place(String name, UnitKind kind, List<DemoStreetPlan.GridInfo> grids,
				Map<String, List<String>> buildingsByGrid, char registry, char category, int staff) {
			DemoStreetPlan.GridInfo grid = grids.get(rnd.nextInt(grids.size()));
			List<String> buildings = buildingsByGrid.get(grid.code());
			unit(name, kind, grid.code(), buildings.get(rnd.nextInt(buildings.size())), null, registry, category,
					staff);
		}

		private void unit(String name, UnitKind kind, String grid, String building, String room, char registry,
				char category, int staff) {
			String organisation = "%08d".formatted(rnd.nextInt(100_000_000));
			String first17 = "" + registry + category + ID_AREA_CODE + organisation + organisationCheck(organisation);
			String credit = first17 + creditCheckChar(first17);
			unitNames.add(name);
			units.add(new Unit("U%04d".formatted(units.size() + 1), name, kind, grid, building, room, credit,
					personName(randomGender(), null), phone(), staff));
		}

		private static char organisationCheck(String eight) {
			int[] weights = { 3, 7, 9, 10, 5, 8, 4, 2 };
			int sum = 0;
			for (int i = 0; i < 8; i++) {
				sum += Character.digit(eight.charAt(i), 36) * weights[i];
			}
			int c = 11 - sum % 11;
			return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
		}

		// building blocks

		private DemoPeoplePlan freeze() {
			List<Resident> residents = new ArrayList<>(people.size());
			for (P p : people) {
				LocalDate since = p.birth.isAfter(p.household.movedIn) ? p.birth : p.household.movedIn;
				residents.add(new Resident(p.key, p.name, p.gender, p.ethnicity, p.birth, p.idType, p.idNumber,
						p.phone, p.registration, p.registeredAddress, p.registeredRoom, p.household.room,
						p.household.key, p.relation, List.copyOf(p.care), List.copyOf(p.key_), since, p.note));
			}
			List<Household> list = households.stream()
				.map(h -> new Household(h.key, h.room, h.members.get(0).key, h.tenant, h.movedIn, h.previousRoom))
				.toList();
			return new DemoPeoplePlan(asOf, residents, list, houses, units, visits, addresses);
		}

		private String idNumber(LocalDate birth, Gender gender) {
			String prefix = ID_AREA_CODE + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
			while (true) {
				int seq = rnd.nextInt(500) * 2 + (gender == Gender.MALE ? 1 : 0);
				String first17 = prefix + "%03d".formatted(seq);
				String id = first17 + idCheckChar(first17);
				if (usedIds.add(id)) {
					return id;
				}
			}
		}

		private String phone() {
			while (true) {
				String phone = PHONE_PREFIXES[rnd.nextInt(PHONE_PREFIXES.length)]
						+ "%08d".formatted(rnd.nextInt(100_000_000));
				if (usedPhones.add(phone)) {
					return phone;
				}
			}
		}

		private String personName(Gender gender, String surname) {
			StringBuilder b = new StringBuilder();
			b.append(surname != null ? surname : String.valueOf(SURNAMES.charAt(surnameIndex())));
			String given = gender == Gender.MALE ? MALE_GIVEN : FEMALE_GIVEN;
			int n = rnd.nextInt(4) == 0 ? 1 : 2;
			for (int i = 0; i < n; i++) {
				b.append(given.charAt(rnd.nextInt(given.length())));
			}
			return b.toString();
		}

		/** Common surnames are more common: the first ten take about 40 percent. */
		private int surnameIndex() {
			return rnd.nextInt(10) < 4 ? rnd.nextInt(10) : rnd.nextInt(SURNAMES.length());
		}

		private static String surnameOf(P p) {
			return p.name.substring(0, 1);
		}

		private LocalDate birth(int age) {
			return asOf.minusYears(age).minusDays(rnd.nextInt(365));
		}

		private int uniform(int min, int max) {
			return min + rnd.nextInt(max - min + 1);
		}

		private int elderAge() {
			return Math.min(99, 60 + (int) Math.abs(rnd.nextGaussian() * 12));
		}

		private Gender randomGender() {
			return rnd.nextBoolean() ? Gender.MALE : Gender.FEMALE;
		}

	}

}
