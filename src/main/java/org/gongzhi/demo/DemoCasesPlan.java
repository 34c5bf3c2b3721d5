package org.gongzhi.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gongzhi.cases.CaseStatus;
import org.gongzhi.cases.CategoryView;
import org.gongzhi.cases.Channel;
import org.gongzhi.cases.RequestKind;
import org.gongzhi.cases.Satisfaction;
import org.gongzhi.cases.UnitType;

/**
 * A year of historical cases for the demo street (演示历史案件), simulated step by step through the loop as the
 * demo accounts would have worked them: a seasonal category mix, routing as the case router does it, time limits on
 * the working calendar, mostly timely and satisfied outcomes with some late, extended, reworked, reopened, void and
 * supervised cases, and a few 吹哨报到. Steps that would lie in the future are not taken, so recent cases are still
 * open. Pure computation; {@link DemoCasesLoader} writes the result.
 */
final class DemoCasesPlan {

	/** Where a case can be reported: a building (with its address) or a point on the street. */
	record Spot(double lng, double lat, String gridCode, String gridName, String communityCode,
			String communityName, String address, boolean building) {
	}

	/** Someone who acts on cases: a demo account, or a unit without one (its code and name). */
	record Actor(String username, String name, Long userId) {
	}

	/** Everything the simulation needs to know about the street, its people and the calendar. */
	record Setting(Instant now, ZoneId zone, String workingHours, Map<LocalDate, Boolean> calendarDays,
			List<CategoryView> categories, List<Spot> buildings, List<Spot> streetSpots, Map<String, Actor> gridWorkers,
			Map<String, String> departments, String streetCode, String streetName, String staffCommunity,
			Actor communityStaff, Actor streetAdmin, Actor leader, Actor clerk, List<Actor> residents, Actor cgzfHandler,
			String open311Client, int count, long seed) {
	}

	/** One step on a case's timeline. */
	record Event(Instant at, String action, String actor, String actorName, CaseStatus from, CaseStatus to,
			String note) {
	}

	/** One department called to a case by 吹哨报到 and how it answered. */
	record Whistle(String department, Instant blownAt, String blownBy, Instant signDeadline, Instant signedAt,
			String signedBy, Instant arrivedAt, String report) {
	}

	/** A simulated case with every column of {@code cases.case_record} the loop fills in. */
	static final class SimCase {

		RequestKind requestKind;

		CategoryView category;

		String description;

		Spot spot;

		Channel channel;

		String reporterName;

		String reporterPhoneMasked;

		Long reporterUserId;

		String open311Client;

		CaseStatus status = CaseStatus.ACCEPTED;

		CaseStatus statusBeforeSuspend;

		UnitType unitType;

		String unitCode;

		String unitName;

		String routeNote;

		Instant receivedAt;

		Instant registeredAt;

		Instant dispatchedAt;

		Instant responseDeadline;

		Instant signedAt;

		Instant handledAt;

		Instant fedBackAt;

		Instant verifiedAt;

		Instant closedAt;

		Instant deadline;

		Instant suspendedAt;

		int suspendedMinutes;

		Integer extensionRequestedHours;

		String extensionReason;

		boolean extended;

		int reworkCount;

		int reopenCount;

		String supervision;

		Satisfaction satisfaction;

		Instant ratedAt;

		boolean selfHandled;

		Actor reporter;

		final List<Event> events = new ArrayList<>();

		final List<Whistle> whistles = new ArrayList<>();

		final List<Long> followers = new ArrayList<>();

		int version() {
			return Math.max(0, events.size() - 1);
		}

	}

	/** At most this many cases reported by each resident account, so that their lists stay readable. */
	static final int RESIDENT_REPORTS = 15;

	private static final double[] FLAT = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };

	private static final double[] SUMMER = { 0.3, 0.3, 0.5, 0.8, 1.2, 1.7, 2.0, 1.9, 1.3, 0.7, 0.4, 0.3 };

	private static final double[] WINTER = { 2.0, 1.8, 1.1, 0.5, 0.3, 0.2, 0.2, 0.2, 0.3, 0.7, 1.5, 1.9 };

	private static final double[] RAIN = { 0, 0, 0.05, 0.2, 0.5, 2.2, 4.0, 3.4, 0.8, 0.1, 0, 0 };

	private static final double[] SNOW = { 3.0, 2.0, 0.4, 0, 0, 0, 0, 0, 0, 0, 0.6, 2.2 };

	private static final double[] HEATING = { 1.7, 1.4, 1.2, 0.6, 0.5, 0.5, 0.6, 0.6, 0.7, 0.9, 1.7, 1.8 };

	private static final double[] LEAVES = { 0.3, 0.2, 0.3, 0.5, 0.5, 0.5, 0.5, 0.5, 0.9, 2.2, 2.4, 1.0 };

	private static final double[] BUILDING_SEASON = { 0.3, 0.3, 1.2, 1.4, 1.4, 1.2, 1.0, 1.0, 1.3, 1.3, 1.0, 0.5 };

	private static final double[] GREENERY = { 0.3, 0.3, 0.8, 1.3, 1.6, 1.6, 1.5, 1.4, 1.2, 0.8, 0.5, 0.3 };

	private static final double[] FESTIVAL = { 1.1, 1.5, 1.1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1, 0.9, 1.0 };

	/** Overall volume by month, January first: busier in summer, quiet over the Spring Festival. */
	private static final double[] VOLUME = { 0.85, 0.7, 0.95, 1.05, 1.1, 1.2, 1.25, 1.2, 1.05, 0.95, 0.9, 0.85 };

	/** Relative frequency of each category and its seasonal curve. */
	private static final Map<String, Object[]> MIX = new HashMap<>();

	static {
		mix("0101", 3, FLAT);
		mix("0102", 10, FESTIVAL);
		mix("0103", 3, BUILDING_SEASON);
		mix("0104", 4, LEAVES);
		mix("0105", 2, GREENERY);
		mix("0106", 3, FESTIVAL);
		mix("0107", 1, LEAVES);
		mix("0201", 5, FLAT);
		mix("0202", 1, FLAT);
		mix("0203", 1, FLAT);
		mix("0301", 4, BUILDING_SEASON);
		mix("0302", 1.5, BUILDING_SEASON);
		mix("0303", 1, BUILDING_SEASON);
		mix("0304", 1, BUILDING_SEASON);
		mix("0401", 0.3, RAIN);
		mix("0402", 1, WINTER);
		mix("0403", 0.3, WINTER);
		mix("0404", 2, SUMMER);
		mix("0405", 1.2, RAIN);
		mix("0406", 1, SNOW);
		mix("0501", 3, SUMMER);
		mix("0502", 4, SUMMER);
		mix("0503", 8, FLAT);
		mix("0504", 5, SUMMER);
		mix("0505", 3, SUMMER);
		mix("0506", 1, RAIN);
		mix("0601", 6, SUMMER);
		mix("0602", 3, FLAT);
		mix("0603", 8, HEATING);
		mix("0604", 4, FLAT);
		mix("0605", 2, WINTER);
		mix("0699", 2, FLAT);
		mix("1101", 1, FLAT);
		mix("1102", 1, FLAT);
		mix("1103", 2, WINTER);
		mix("1104", 0.3, FLAT);
		mix("1201", 0.5, FLAT);
		mix("1202", 2, FLAT);
		mix("1203", 0.3, FLAT);
		mix("1301", 1, SUMMER);
		mix("1302", 1, FLAT);
		mix("1303", 2, FLAT);
		mix("1401", 2, GREENERY);
		mix("1402", 1, FLAT);
	}

	private static void mix(String code, double weight, double[] season) {
		MIX.put(code, new Object[] { weight, season });
	}

	/** What residents say, by category; {@code %s} is the place. */
	private static final Map<String, List<String>> SAYINGS = new HashMap<>();

	static {
		say("0101", "%s有人在楼顶私搭乱建彩钢房，存在安全隐患", "%s一层住户私自扩建院墙，占用公共绿地");
		say("0102", "%s垃圾桶旁堆放大量垃圾，气味很大，请尽快清理", "%s路边有暴露垃圾，好几天没人收", "%s绿化带里扔了很多生活垃圾");
		say("0103", "%s堆积大量装修渣土，长期无人清运", "%s积存垃圾渣土，刮风时尘土飞扬");
		say("0104", "%s路面很脏，落叶和垃圾没人扫", "%s道路上油污严重，行人容易滑倒");
		say("0105", "%s绿地里垃圾、杂物很多，影响环境", "%s绿地被踩秃了，还有人扔垃圾");
		say("0106", "%s楼道口扔了旧沙发和床垫，堵住通道", "%s路边堆放废弃家具，已经很久了");
		say("0107", "%s有人焚烧树叶，烟很大", "%s傍晚有人烧垃圾，呛得睁不开眼");
		say("0201", "%s电线杆和墙上贴满小广告", "%s单元门上全是开锁、通下水道小广告");
		say("0202", "%s商户私自悬挂的广告牌匾摇摇欲坠", "%s新开店铺违规张贴大幅广告");
		say("0203", "%s人行道上摆放广告牌，影响通行");
		say("0301", "%s工地夜间施工，噪声扰民，晚上十一点还在干活", "%s装修施工从早上七点开始，噪声太大");
		say("0302", "%s工地未苫盖，扬尘严重", "%s拆除工程没有洒水降尘");
		say("0303", "%s渣土车沿途遗撒，路面很脏");
		say("0304", "%s施工围挡占用人行道，行人只能走机动车道");
		say("0401", "%s路面出现塌陷坑，很危险", "%s路面下沉开裂，车辆无法通行");
		say("0402", "%s自来水管破裂，水流了一地", "%s地下水管爆裂，路面冒水结冰");
		say("0403", "%s闻到很浓的燃气味，怀疑有泄漏");
		say("0404", "%s下水道堵塞，污水漫到路面上", "%s雨水箅子堵了，一下雨就积水");
		say("0405", "%s雨后积水很深，车辆和行人无法通行", "%s下凹路段积水没过脚踝");
		say("0406", "%s人行道积雪结冰，老人容易摔倒", "%s坡道结冰，没有清扫");
		say("0501", "%s有游商占道兜售水果，堵塞交通", "%s晚上有流动摊贩卖烧烤，无照经营");
		say("0502", "%s早市摊位占用人行道和车道", "%s商户在门前占道摆摊");
		say("0503", "%s机动车乱停放，堵住了消防通道", "%s有车长期停在人行道上", "%s车辆占用盲道停放");
		say("0504", "%s共享单车堆满人行道，无法通行", "%s单元门口电动车乱停，还飞线充电");
		say("0505", "%s餐馆在门外摆桌经营，油烟和噪声很大", "%s商户把货物摆到店外经营");
		say("0506", "%s夜间露天烧烤，油烟扰民");
		say("0601", "%s晚上广场舞音响声音太大", "%s楼上住户深夜噪声扰民", "%s商户外放音响噪声扰民");
		say("0602", "%s邻居在楼道堆放杂物引发纠纷，请社区协调", "%s楼上漏水到楼下，双方协商不成");
		say("0603", "%s物业不作为，楼道灯坏了很久没人修", "%s暖气不热，室温只有十几度，物业推诿", "%s电梯经常故障，物业维修不及时");
		say("0604", "咨询%s老旧小区改造的政策和时间安排", "咨询%s居住证办理需要哪些材料", "咨询%s养老服务补贴如何申请");
		say("0605", "%s独居老人行动不便，希望社区帮助就医", "%s残疾人家庭需要上门帮扶");
		say("0699", "%s楼道里有流浪猫狗，担心伤人", "%s公共区域的快递柜占用通道");
		say("1101", "%s上水井盖松动，车辆经过响声很大");
		say("1102", "%s污水井盖缺失，很危险", "%s污水井盖破损");
		say("1103", "%s路灯不亮，晚上很黑", "%s路灯白天常亮，浪费电");
		say("1104", "%s消防栓被撞坏漏水");
		say("1201", "%s交通护栏被撞歪倒在路边");
		say("1202", "%s人行道地砖破损翘起，容易绊倒", "%s盲道破损严重");
		say("1203", "%s公交站亭玻璃碎了");
		say("1301", "%s公共厕所卫生差，没有纸", "%s公共厕所冲水设备坏了");
		say("1302", "%s果皮箱满溢，没人清理", "%s果皮箱损坏");
		say("1303", "%s垃圾分类驿站满溢，分类不到位", "%s垃圾分类驿站异味大");
		say("1401", "%s行道树枝杈过低，刮到行人", "%s大风把行道树刮倒，压住了路边");
		say("1402", "%s健身器材损坏，存在安全隐患");
	}

	private static void say(String code, String... sayings) {
		SAYINGS.put(code, List.of(sayings));
	}

	private static final List<String> ROADS = List.of("和平里东街", "和平里中街", "和平里北街", "樱花西街", "安华路",
			"北三环东路辅路", "小黄庄路", "青年沟路", "地坛北门外", "安定路");

	private static final List<String> VOID_REASONS = List.of("与已受理案件重复", "反映人撤回诉求", "信息不全，无法联系反映人核实",
			"不属于受理范围，已告知反映人");

	private static final List<String> EXTENSION_REASONS = List.of("需协调产权单位", "需等待材料采购", "涉及多个部门，需联合处置",
			"需与当事人多次沟通");

	private static final List<String> SUSPENSION_REASONS = List.of("需等待法院判决", "涉及历史遗留问题，待上级协调",
			"需纳入老旧小区改造统筹解决");

	private static final List<String> SEND_BACK_REASONS = List.of("不属于本单位职责范围", "位置不在本网格内", "需由职能部门处置");

	private final Setting setting;

	private final Random rnd;

	/** Whether the case that stays suspended on every first start has been placed (see suspension). */
	private boolean suspensionHeld;

	/** Whether the case whose unit has not signed for days has been placed (see loop). */
	private boolean signatureHeld;

	private final WorkingHours hours;

	private final List<CategoryView> categories;

	private List<SimCase> cases;

	private DemoCasesPlan(Setting setting) {
		this.setting = setting;
		this.rnd = new Random(setting.seed());
		this.hours = new WorkingHours(setting.zone(), setting.workingHours(), setting.calendarDays());
		this.categories = setting.categories().stream().filter(c -> c.parentCode() != null && c.enabled()).toList();
	}

	/** The simulated cases, oldest first. */
	static List<SimCase> generate(Setting setting) {
		DemoCasesPlan plan = new DemoCasesPlan(setting);
		return plan.run();
	}

	private List<SimCase> run() {
		cases = new ArrayList<>();
		if (categories.isEmpty() || setting.streetSpots().isEmpty()) {
			return cases;
		}
		List<Instant> received = receivedTimes();
		Map<Actor, Integer> reportsBy = new HashMap<>();
		for (Instant at : received) {
			SimCase c = new SimCase();
			c.receivedAt = at;
			c.category = pickCategory(at);
			c.channel = pickChannel(c.category);
			c.receivedAt = adjustTime(at, c.channel);
			c.spot = pickSpot(c.category);
			c.requestKind = kind(c.category);
			c.description = describe(c.category, c.spot);
			if (c.channel == Channel.RESIDENT) {
				Actor resident = setting.residents().isEmpty() ? null
						: setting.residents().get(rnd.nextInt(setting.residents().size()));
				if (resident == null || reportsBy.merge(resident, 1, Integer::sum) > RESIDENT_REPORTS) {
					c.channel = Channel.HOTLINE;
				}
				else {
					c.reporter = resident;
				}
			}
			reporter(c);
			route(c);
			simulate(c);
			cases.add(c);
		}
		cases.sort(Comparator.comparing(c -> c.receivedAt));
		return cases;
	}

	// when, what, where, who

	private List<Instant> receivedTimes() {
		LocalDate today = setting.now().atZone(setting.zone()).toLocalDate();
		int days = 365;
		double[] cumulative = new double[days];
		double total = 0;
		for (int d = 0; d < days; d++) {
			LocalDate day = today.minusDays(d);
			double w = VOLUME[day.getMonthValue() - 1] * (hours.workingDay(day) ? 1.0 : 0.55);
			total += w;
			cumulative[d] = total;
		}
		List<Instant> times = new ArrayList<>();
		for (int i = 0; i < setting.count(); i++) {
			double x = rnd.nextDouble() * total;
			int d = 0;
			while (cumulative[d] < x) {
				d++;
			}
			times.add(today.minusDays(d).atStartOfDay(setting.zone()).toInstant());
		}
		return times;
	}

	private static final double[] PUBLIC_HOURS = { 0.2, 0.1, 0.05, 0.05, 0.05, 0.2, 0.8, 2, 4, 6, 6, 5, 4, 5, 5, 5,
			4, 4, 4, 4, 3, 2, 1, 0.5 };

	private static final double[] PATROL_HOURS = { 0, 0, 0, 0, 0, 0, 0, 0, 3, 6, 6, 5, 1, 3, 6, 6, 5, 3, 0, 0, 0, 0,
			0, 0 };

	/** A time of day on the chosen day that fits the channel, never later than a while ago. */
	private Instant adjustTime(Instant dayStart, Channel channel) {
		double[] weights = channel == Channel.PATROL ? PATROL_HOURS : PUBLIC_HOURS;
		int hour = pick(weights);
		Instant at = dayStart.plus(Duration.ofHours(hour)).plus(Duration.ofSeconds(rnd.nextInt(3600)));
		Instant latest = setting.now().minus(Duration.ofMinutes(30));
		while (at.isAfter(latest)) {
			at = at.minus(Duration.ofDays(1));
		}
		return at;
	}

	private CategoryView pickCategory(Instant at) {
		int month = at.atZone(setting.zone()).getMonthValue() - 1;
		double[] weights = new double[categories.size()];
		for (int i = 0; i < weights.length; i++) {
			Object[] m = MIX.get(categories.get(i).code());
			weights[i] = m == null ? 0.5 : (double) m[0] * ((double[]) m[1])[month];
		}
		return categories.get(pick(weights));
	}

	private Channel pickChannel(CategoryView category) {
		String major = category.parentCode();
		double r = rnd.nextDouble();
		if (r < 0.03) {
			return setting.open311Client() == null ? Channel.HOTLINE : Channel.OPEN311;
		}
		if (r < 0.05) {
			return Channel.API;
		}
		if (r < 0.09) {
			return Channel.RESIDENT;
		}
		boolean visibleOnPatrol = !"06".equals(major) && !"04".equals(major);
		return visibleOnPatrol && r < 0.45 ? Channel.PATROL : Channel.HOTLINE;
	}

	private Spot pickSpot(CategoryView category) {
		boolean atHome = "06".equals(category.parentCode()) || "1303".equals(category.code())
				|| "1402".equals(category.code()) || "0106".equals(category.code()) || "0101".equals(category.code());
		List<Spot> spots = atHome && !setting.buildings().isEmpty() ? setting.buildings() : setting.streetSpots();
		Spot spot = spots.get(rnd.nextInt(spots.size()));
		if (spot.building()) {
			double jitter = 0.00008;
			return new Spot(spot.lng() + (rnd.nextDouble() - 0.5) * jitter, spot.lat() + (rnd.nextDouble() - 0.5) * jitter,
					spot.gridCode(), spot.gridName(), spot.communityCode(), spot.communityName(), spot.address(), true);
		}
		return spot;
	}

	private RequestKind kind(CategoryView category) {
		return switch (category.code()) {
			case "0604" -> RequestKind.CONSULT;
			case "0605" -> RequestKind.HELP;
			case "0101", "0501", "0302" -> RequestKind.REPORT;
			default -> rnd.nextInt(25) == 0 ? RequestKind.SUGGESTION : RequestKind.COMPLAINT;
		};
	}

	private String describe(CategoryView category, Spot spot) {
		String place = spot.address() != null ? spot.address() : spot.communityName();
		List<String> sayings = SAYINGS.get(category.code());
		if (sayings == null) {
			return place + "存在" + category.name() + "问题，请尽快处理";
		}
		return String.format(sayings.get(rnd.nextInt(sayings.size())), place);
	}

	/** Who reported the case; accounts (residents, grid workers on patrol, staff) follow the cases they report. */
	private void reporter(SimCase c) {
		switch (c.channel) {
			case PATROL -> c.reporter = setting.gridWorkers().get(c.spot.gridCode());
			case API -> c.reporter = dispatcher(c);
			default -> {
			}
		}
		switch (c.channel) {
			case PATROL, API, RESIDENT -> {
				c.reporterName = c.channel == Channel.API && c.reporter != null
						? c.reporter.name().replaceAll("（.*）", "") : null;
				c.reporterUserId = c.reporter == null ? null : c.reporter.userId();
				if (c.reporterUserId != null) {
					c.followers.add(c.reporterUserId);
				}
			}
			case OPEN311 -> {
				c.open311Client = setting.open311Client();
				c.reporterName = rnd.nextBoolean() ? DemoNames.person(rnd) : null;
			}
			default -> {
				c.reporterName = DemoNames.person(rnd);
				c.reporterPhoneMasked = "1" + (3 + rnd.nextInt(7)) + rnd.nextInt(10) + "****"
						+ String.format("%04d", rnd.nextInt(10_000));
			}
		}
	}

	/** The handling unit as {@code CaseRouter} picks it, with its explanation. */
	private void route(SimCase c) {
		CategoryView cat = c.category;
		String level = cat.handlingLevel();
		Spot s = c.spot;
		String why = "类别「" + cat.name() + "」默认由" + levelName(level) + "办理";
		String how = "坐标定位到网格";
		if ("GRID".equals(level) && s.gridCode() != null) {
			unit(c, UnitType.GRID, s.gridCode(), s.gridName(), why + "（小事不出格）；" + how + "「" + s.gridName() + "」");
		}
		else if ("DEPARTMENT".equals(level) && cat.departmentCode() != null) {
			String name = setting.departments().getOrDefault(cat.departmentCode(), cat.departmentCode());
			unit(c, UnitType.DEPARTMENT, cat.departmentCode(), name, why + "：" + name);
		}
		else if (("GRID".equals(level) || "COMMUNITY".equals(level)) && s.communityCode() != null) {
			unit(c, UnitType.COMMUNITY, s.communityCode(), s.communityName(),
					why + "；" + how + "「" + s.communityName() + "」");
		}
		else {
			unit(c, UnitType.STREET, setting.streetCode(), setting.streetName(), why);
		}
		c.routeNote = truncate(c.routeNote, 500);
	}

	private static void clearUnit(SimCase c) {
		c.unitType = null;
		c.unitCode = null;
		c.unitName = null;
	}

	private static void unit(SimCase c, UnitType type, String code, String name, String note) {
		c.unitType = type;
		c.unitCode = code;
		c.unitName = name;
		c.routeNote = note;
	}

	private static String levelName(String level) {
		return switch (level) {
			case "GRID" -> "网格";
			case "COMMUNITY" -> "社区";
			case "STREET" -> "街道";
			default -> "职能部门";
		};
	}

	// the loop

	/** Thrown internally when the next step would lie in the future: the case stays where it is now. */
	private static final class NotYet extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotYet() {
			super(null, null, false, false);
		}

	}

	private void simulate(SimCase c) {
		c.deadline = hours.deadline(c.receivedAt, c.category.timeLimitValue(), c.category.timeLimitUnit());
		c.events.add(new Event(c.receivedAt, "accept", acceptor(c).username(), acceptor(c).name(), null,
				CaseStatus.ACCEPTED, "渠道：" + c.channel.name() + "；" + c.routeNote));
		try {
			loop(c);
		}
		catch (NotYet stop) {
			// the rest of this case's story lies in the future
		}
	}

	private Actor acceptor(SimCase c) {
		if (c.reporter != null) {
			return c.reporter;
		}
		if (c.channel == Channel.OPEN311) {
			return new Actor("open311:" + c.open311Client, "open311:" + c.open311Client, null);
		}
		return setting.clerk();
	}

	private boolean emergency(SimCase c) {
		return "EMERGENCY".equals(c.category.urgency());
	}

	/** After {@code from}: working minutes for ordinary cases, natural minutes for emergencies. */
	private Instant after(SimCase c, Instant from, int minMinutes, int maxMinutes) {
		int minutes = minMinutes + rnd.nextInt(Math.max(1, maxMinutes - minMinutes + 1));
		return emergency(c) ? from.plus(Duration.ofMinutes(minutes)) : hours.addWorkingMinutes(from, minutes);
	}

	private Instant last(SimCase c) {
		return c.events.get(c.events.size() - 1).at();
	}

	/** Takes a step at the given time (at least a minute after the last one), unless that is still to come. */
	private void step(SimCase c, Instant at, String action, Actor actor, CaseStatus to, String note) {
		Instant when = at.isAfter(last(c)) ? at : last(c).plus(Duration.ofMinutes(1));
		if (when.isAfter(setting.now())) {
			throw new NotYet();
		}
		c.events.add(new Event(when, action, actor.username(), actor.name(), c.status, to, truncate(note, 2000)));
		c.status = to;
	}

	/** Whether the case was received between these many days before now. */
	private boolean receivedDaysAgo(SimCase c, int newest, int oldest) {
		return c.receivedAt.isBefore(setting.now().minus(Duration.ofDays(newest)))
				&& c.receivedAt.isAfter(setting.now().minus(Duration.ofDays(oldest)));
	}

	private Instant now(SimCase c) {
		return last(c);
	}

	private Actor dispatcher(SimCase c) {
		if (setting.communityStaff() != null && setting.staffCommunity().equals(c.spot.communityCode())) {
			return setting.communityStaff();
		}
		return setting.streetAdmin();
	}

	private Actor unitActor(SimCase c) {
		return switch (c.unitType) {
			case GRID -> setting.gridWorkers().getOrDefault(c.unitCode, new Actor(c.unitCode, c.unitName, null));
			case COMMUNITY -> setting.communityStaff() != null && setting.staffCommunity().equals(c.unitCode)
					? setting.communityStaff() : new Actor(c.unitCode, c.unitName + "工作站", null);
			case STREET -> setting.streetAdmin();
			case DEPARTMENT -> "CGZF".equals(c.unitCode) && setting.cgzfHandler() != null ? setting.cgzfHandler()
					: new Actor(c.unitCode, c.unitName, null);
		};
	}

	private void loop(SimCase c) {
		Actor dispatcher = dispatcher(c);
		if (c.channel == Channel.PATROL && c.unitType == UnitType.GRID && c.reporter != null && rnd.nextInt(2) == 0) {
			selfHandle(c);
		}
		else {
			if (rnd.nextInt(100) < 5) {
				voidCase(c, dispatcher);
				return;
			}
			Actor registrar = c.channel == Channel.HOTLINE ? setting.clerk() : dispatcher;
			step(c, after(c, now(c), 3, 60), "register", registrar, CaseStatus.REGISTERED, null);
			c.registeredAt = now(c);
			dispatch(c, dispatcher, after(c, now(c), 2, 45), c.unitType, c.unitCode, c.unitName);
			if (rnd.nextInt(100) < 2) {
				whistle(c);
			}
			if (rnd.nextInt(100) < 3 && c.unitType != UnitType.STREET) {
				sendBack(c, dispatcher);
			}
			if (!signatureHeld && !emergency(c) && receivedDaysAgo(c, 2, 10)) {
				// one case is always waiting days for its unit to sign (响应超时), whatever the day of the first start
				signatureHeld = true;
				throw new NotYet();
			}
			sign(c);
			if (rnd.nextInt(1000) < 15 && c.receivedAt.isBefore(setting.now().minus(Duration.ofDays(30)))) {
				stuck(c);
				return;
			}
			extension(c, dispatcher);
			suspension(c, dispatcher);
			handle(c, rnd.nextInt(100) < 8);
		}
		verifyAndClose(c, dispatcher);
		rate(c, dispatcher);
	}

	/** 自处理 as the case desk records it: in the same instant as the report, from 受理 straight to 反馈. */
	private void selfHandle(SimCase c) {
		Actor worker = setting.gridWorkers().get(c.spot.gridCode());
		c.events.add(new Event(c.receivedAt, "self-handle", worker.username(), worker.name(), c.status,
				CaseStatus.FED_BACK, "网格员现场自处理，待核查"));
		c.status = CaseStatus.FED_BACK;
		c.registeredAt = c.dispatchedAt = c.signedAt = c.handledAt = c.fedBackAt = c.responseDeadline = c.receivedAt;
		c.selfHandled = true;
	}

	private void voidCase(SimCase c, Actor dispatcher) {
		if (rnd.nextBoolean()) {
			step(c, after(c, now(c), 5, 60), "register", dispatcher, CaseStatus.REGISTERED, null);
			c.registeredAt = now(c);
		}
		step(c, after(c, now(c), 10, 240), "void", dispatcher, CaseStatus.VOID,
				VOID_REASONS.get(rnd.nextInt(VOID_REASONS.size())));
	}

	/** Dispatches to the unit the case was routed to, or to another one after a send-back or reopening. */
	private void dispatch(SimCase c, Actor dispatcher, Instant at, UnitType type, String code, String name) {
		step(c, at, "dispatch", dispatcher, CaseStatus.DISPATCHED, "派遣至 " + name);
		c.unitType = type;
		c.unitCode = code;
		c.unitName = name;
		c.dispatchedAt = now(c);
		int limit = c.category.responseLimitMinutes();
		c.responseDeadline = emergency(c) ? c.dispatchedAt.plus(Duration.ofMinutes(limit))
				: hours.addWorkingMinutes(c.dispatchedAt, limit);
		c.signedAt = null;
	}

	private void sendBack(SimCase c, Actor dispatcher) {
		Actor unit = unitActor(c);
		step(c, after(c, now(c), 10, 120), "send-back", unit, CaseStatus.REGISTERED,
				SEND_BACK_REASONS.get(rnd.nextInt(SEND_BACK_REASONS.size())));
		clearUnit(c);
		Actor street = setting.streetAdmin();
		dispatch(c, street, after(c, now(c), 10, 60), UnitType.STREET, setting.streetCode(), setting.streetName());
	}

	private void sign(SimCase c) {
		Instant at;
		if (rnd.nextInt(100) < 5) {
			at = c.responseDeadline.plus(Duration.ofMinutes(10 + rnd.nextInt(300)));
		}
		else {
			long window = Math.max(60, Duration.between(c.dispatchedAt, c.responseDeadline).getSeconds());
			at = c.dispatchedAt.plusSeconds(30 + (long) (rnd.nextDouble() * 0.9 * window));
		}
		step(c, at, "sign", unitActor(c), CaseStatus.SIGNED, null);
		c.signedAt = now(c);
	}

	private void whistle(SimCase c) {
		List<String> departments = new ArrayList<>(List.of("CGZF", "SZSR", "STHJ", "ZJW", "PCS"));
		departments.removeIf(d -> !setting.departments().containsKey(d) || d.equals(c.unitCode));
		if (departments.isEmpty()) {
			return;
		}
		int n = Math.min(departments.size(), 1 + rnd.nextInt(2));
		List<String> called = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			called.add(departments.remove(rnd.nextInt(departments.size())));
		}
		Actor blower = setting.streetAdmin();
		Instant at = now(c).plus(Duration.ofMinutes(5 + rnd.nextInt(40)));
		List<String> names = called.stream().map(d -> setting.departments().get(d)).toList();
		step(c, at, "whistle", blower, c.status,
				"吹哨报到：" + String.join("、", names) + "（须 60 分钟内签收）：请相关部门到现场联合处置");
		Instant blown = now(c);
		for (String d : called) {
			Actor handler = "CGZF".equals(d) && setting.cgzfHandler() != null ? setting.cgzfHandler()
					: new Actor(d, setting.departments().get(d), null);
			Instant signed = blown.plus(Duration.ofMinutes(5 + rnd.nextInt(80)));
			Instant arrived = signed.plus(Duration.ofMinutes(15 + rnd.nextInt(100)));
			String report = "已到场，配合" + c.unitName + "处置";
			boolean signedYet = !signed.isAfter(setting.now());
			boolean arrivedYet = !arrived.isAfter(setting.now());
			c.whistles.add(new Whistle(d, blown, blower.username(), blown.plus(Duration.ofMinutes(60)),
					signedYet ? signed : null, signedYet ? handler.username() : null, arrivedYet ? arrived : null,
					arrivedYet ? report : null));
			if (signedYet) {
				c.events.add(new Event(signed, "whistle-sign", handler.username(), handler.name(), c.status, c.status,
						setting.departments().get(d) + " 签收吹哨"));
			}
			if (arrivedYet) {
				c.events.add(new Event(arrived, "whistle-report", handler.username(), handler.name(), c.status,
						c.status, setting.departments().get(d) + " 报到：" + report));
			}
		}
		c.events.sort(Comparator.comparing(Event::at));
	}

	private void extension(SimCase c, Actor dispatcher) {
		if (emergency(c) || rnd.nextInt(100) >= 6) {
			return;
		}
		int requested = List.of(24, 40, 48, 72).get(rnd.nextInt(4));
		String reason = EXTENSION_REASONS.get(rnd.nextInt(EXTENSION_REASONS.size()));
		Instant at = now(c).plusSeconds((long) (Duration.between(now(c), c.deadline).getSeconds() * 0.5));
		step(c, at, "extend", unitActor(c), c.status, "申请延期 " + requested + " 小时：" + reason);
		c.extensionRequestedHours = requested;
		c.extensionReason = reason;
		step(c, after(c, now(c), 20, 240), "approve-extension", dispatcher, c.status,
				rnd.nextInt(100) < 80 ? "同意延期 " + requested + " 小时" : "不同意延期：请在时限内办结");
		if (lastNote(c).startsWith("同意")) {
			c.deadline = "HOURS".equals(c.category.timeLimitUnit()) ? c.deadline.plus(Duration.ofHours(requested))
					: hours.addWorkingMinutes(c.deadline, requested * 60L);
			c.extended = true;
		}
		c.extensionRequestedHours = null;
		c.extensionReason = null;
	}

	private String lastNote(SimCase c) {
		String note = c.events.get(c.events.size() - 1).note();
		return note == null ? "" : note;
	}

	private void suspension(SimCase c, Actor dispatcher) {
		if (emergency(c)) {
			return;
		}
		boolean hold = !suspensionHeld && receivedDaysAgo(c, 3, 20);
		if (rnd.nextInt(1000) >= 12 && !hold) {
			return;
		}
		step(c, after(c, now(c), 60, 480), "suspend", dispatcher, CaseStatus.SUSPENDED,
				SUSPENSION_REASONS.get(rnd.nextInt(SUSPENSION_REASONS.size())));
		c.statusBeforeSuspend = CaseStatus.SIGNED;
		c.suspendedAt = now(c);
		if (hold) {
			// one case is always still suspended, whatever the day of the first start
			suspensionHeld = true;
			throw new NotYet();
		}
		Instant resume = c.suspendedAt.plus(Duration.ofDays(2 + rnd.nextInt(25))).plus(Duration.ofMinutes(rnd.nextInt(600)));
		step(c, resume, "resume", dispatcher, CaseStatus.SIGNED, null);
		long minutes = Duration.between(c.suspendedAt, now(c)).toMinutes();
		c.suspendedMinutes += (int) minutes;
		c.deadline = c.deadline.plus(Duration.ofMinutes(minutes));
		c.statusBeforeSuspend = null;
		c.suspendedAt = null;
	}

	/** Handles and reports back; late cases are handled after their deadline and collect supervision cards. */
	private void handle(SimCase c, boolean late) {
		Instant at;
		if (late) {
			at = c.deadline.plus(Duration.ofMinutes(emergency(c) ? 10 + rnd.nextInt(180) : 240 + rnd.nextInt(8 * 1440)));
			supervise(c, at);
		}
		else {
			long window = Math.max(120, Duration.between(now(c), c.deadline).getSeconds());
			at = now(c).plusSeconds((long) (window * (0.05 + rnd.nextDouble() * 0.8)));
		}
		Actor unit = unitActor(c);
		step(c, at, "handle", unit, CaseStatus.HANDLED, handling(c));
		c.handledAt = now(c);
		step(c, after(c, now(c), 5, 90), "feedback", unit, CaseStatus.FED_BACK, feedback(c));
		c.fedBackAt = now(c);
	}

	/** Never handled: the case stays signed and overdue, and was supervised. */
	private void stuck(SimCase c) {
		supervise(c, setting.now());
	}

	private void supervise(SimCase c, Instant until) {
		Instant yellow = hours.addWorkingMinutes(c.deadline, 480);
		if (yellow.isBefore(until) && !yellow.isAfter(setting.now())) {
			step(c, yellow, "supervise", setting.streetAdmin(), c.status, "黄牌督办：已超期，请加快办理");
			c.supervision = "YELLOW";
			Instant red = hours.addWorkingMinutes(c.deadline, 5 * 480);
			if (red.isBefore(until) && !red.isAfter(setting.now())) {
				step(c, red, "supervise", setting.leader(), c.status, "红牌督办：超期五个工作日仍未办结");
				c.supervision = "RED";
			}
		}
	}

	private void verifyAndClose(SimCase c, Actor dispatcher) {
		if (rnd.nextInt(100) < 5) {
			step(c, after(c, now(c), 30, 480), "verify", dispatcher, CaseStatus.DISPATCHED, "核查未通过，返工：现场仍未整改到位");
			c.reworkCount++;
			c.signedAt = null;
			step(c, after(c, now(c), 10, 120), "sign", unitActor(c), CaseStatus.SIGNED, null);
			c.signedAt = now(c);
			Actor unit = unitActor(c);
			step(c, after(c, now(c), 120, 960), "handle", unit, CaseStatus.HANDLED, handling(c));
			c.handledAt = now(c);
			step(c, after(c, now(c), 5, 60), "feedback", unit, CaseStatus.FED_BACK, feedback(c));
			c.fedBackAt = now(c);
		}
		step(c, after(c, now(c), 20, 480), "verify", dispatcher, CaseStatus.VERIFIED, "核查通过");
		c.verifiedAt = now(c);
		step(c, after(c, now(c), 5, 120), "close", dispatcher, CaseStatus.CLOSED, null);
		c.closedAt = now(c);
	}

	private void rate(SimCase c, Actor dispatcher) {
		if (c.channel == Channel.PATROL || c.channel == Channel.API || rnd.nextInt(100) >= 75) {
			return;
		}
		Actor rater = c.channel == Channel.RESIDENT && c.reporter != null ? c.reporter : setting.clerk();
		boolean late = c.closedAt.isAfter(c.deadline);
		int r = rnd.nextInt(100) + (late ? 12 : 0) + (c.reworkCount > 0 ? 8 : 0);
		Satisfaction s = r < 80 ? Satisfaction.SATISFIED : r < 95 ? Satisfaction.BASICALLY_SATISFIED
				: Satisfaction.UNSATISFIED;
		Instant at = c.closedAt.plus(Duration.ofMinutes(60 + rnd.nextInt(3 * 1440)));
		String callBack = rater == setting.clerk() ? "：电话回访" : "";
		boolean reopen = s == Satisfaction.UNSATISFIED && c.reopenCount == 0;
		step(c, at, "rate", rater, reopen ? CaseStatus.REGISTERED : CaseStatus.CLOSED,
				s.label() + (reopen ? "；不满意，重新办理" : "") + callBack);
		c.satisfaction = s;
		c.ratedAt = now(c);
		if (reopen) {
			c.reopenCount++;
			c.closedAt = null;
			c.verifiedAt = null;
			String routeNote = c.routeNote;
			route(c);
			c.routeNote = routeNote;
			UnitType type = c.unitType;
			String code = c.unitCode;
			String name = c.unitName;
			clearUnit(c);
			dispatch(c, dispatcher, after(c, now(c), 10, 240), type, code, name);
			sign(c);
			handle(c, false);
			verifyAndClose(c, dispatcher);
			if (rnd.nextInt(100) < 80) {
				Instant again = c.closedAt.plus(Duration.ofMinutes(60 + rnd.nextInt(1440)));
				Satisfaction second = rnd.nextInt(100) < 60 ? Satisfaction.BASICALLY_SATISFIED
						: rnd.nextInt(100) < 80 ? Satisfaction.SATISFIED : Satisfaction.UNSATISFIED;
				step(c, again, "rate", rater, CaseStatus.CLOSED, second.label() + callBack);
				c.satisfaction = second;
				c.ratedAt = now(c);
			}
		}
	}

	private static String handling(SimCase c) {
		return switch (c.category.parentCode()) {
			case "01" -> "已组织保洁人员现场清理";
			case "02" -> "已清除违规广告并告诫相关商户";
			case "03" -> "已约谈施工单位，责令立即整改";
			case "04" -> "已组织抢修，现场已恢复";
			case "05" -> "已现场劝导并规范秩序";
			case "06" -> "已上门沟通，协调相关方解决";
			default -> "已安排维修更换";
		};
	}

	private static String feedback(SimCase c) {
		return switch (c.category.parentCode()) {
			case "06" -> "已与反映人沟通办理结果，反映人表示认可";
			case "04" -> "险情已排除，附处置后现场照片";
			default -> "已处置完毕，附处置前后照片";
		};
	}

	private int pick(double[] weights) {
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		double x = rnd.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			x -= weights[i];
			if (x < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	static String streetSpotAddress(Random rnd) {
		return ROADS.get(rnd.nextInt(ROADS.size())) + (rnd.nextBoolean() ? "路口" : "附近");
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	/**
	 * The working calendar time limits are counted on (工作日历), as the cases module counts them: working periods of a
	 * working day, weekends off unless a calendar day says otherwise.
	 */
	static final class WorkingHours {

		private final ZoneId zone;

		private final List<LocalTime[]> periods = new ArrayList<>();

		private final Map<LocalDate, Boolean> days;

		private final long minutesPerDay;

		WorkingHours(ZoneId zone, String spec, Map<LocalDate, Boolean> days) {
			this.zone = zone;
			this.days = days;
			long perDay = 0;
			for (String part : spec.split(",")) {
				String[] se = part.strip().split("-");
				LocalTime start = LocalTime.parse(se[0].strip());
				LocalTime end = LocalTime.parse(se[1].strip());
				periods.add(new LocalTime[] { start, end });
				perDay += Duration.between(start, end).toMinutes();
			}
			this.minutesPerDay = perDay;
		}

		boolean workingDay(LocalDate day) {
			Boolean override = days.get(day);
			if (override != null) {
				return override;
			}
			return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
		}

		Instant deadline(Instant start, int value, String unit) {
			return switch (unit) {
				case "HOURS" -> start.plus(Duration.ofHours(value));
				case "WORKING_HOURS" -> addWorkingMinutes(start, value * 60L);
				default -> addWorkingMinutes(start, value * minutesPerDay);
			};
		}

		Instant addWorkingMinutes(Instant start, long minutes) {
			ZonedDateTime cursor = start.atZone(zone);
			long left = minutes;
			for (int guard = 0; guard < 3660; guard++) {
				LocalDate day = cursor.toLocalDate();
				boolean working = workingDay(day);
				if (working && left > minutesPerDay && !cursor.toLocalTime().isAfter(periods.get(0)[0])) {
					left -= minutesPerDay;
					cursor = day.plusDays(1).atStartOfDay(zone);
					continue;
				}
				if (working) {
					for (LocalTime[] p : periods) {
						ZonedDateTime ps = day.atTime(p[0]).atZone(zone);
						ZonedDateTime pe = day.atTime(p[1]).atZone(zone);
						if (!cursor.isBefore(pe)) {
							continue;
						}
						ZonedDateTime from = cursor.isAfter(ps) ? cursor : ps;
						long available = Duration.between(from, pe).toMinutes();
						if (left <= available) {
							return from.plusMinutes(left).toInstant();
						}
						left -= available;
						cursor = pe;
					}
				}
				cursor = day.plusDays(1).atStartOfDay(zone);
			}
			throw new IllegalStateException("no working time within ten years");
		}

	}

}
