package org.gongzhi.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.NewUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.UserAccounts;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.identity.UserSummary;
import org.gongzhi.party.BadgeView;
import org.gongzhi.party.NeedCategory;
import org.gongzhi.party.NeedCmd;
import org.gongzhi.party.NeedSource;
import org.gongzhi.party.OrganisationView;
import org.gongzhi.party.PartyDirectory;
import org.gongzhi.party.PartyListsAdministration;
import org.gongzhi.party.ProjectStatus;
import org.gongzhi.party.ProviderKind;
import org.gongzhi.party.ResourceCmd;
import org.gongzhi.party.ResourceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo street's three lists after its Party organisations, once: about 40 community needs, 60 resources of
 * units, member units and members, and 25 projects (done with results, in progress with milestones, a few stopped),
 * plus the unit account unit (驻区单位, speaking for the people's hospital). Skipped when any need exists, when no
 * Party organisation exists, or when gongzhi.demo.party is false. Written through the party module's facades.
 */
@Component
@Order(14)
class DemoPartyListsLoader implements ApplicationRunner {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Logger log = LoggerFactory.getLogger(DemoPartyListsLoader.class);

	/** The unit the demo unit account speaks for. */
	static final String UNIT_ORGANISATION = "示范区人民医院机关党委";

	private record Offer(ResourceKind kind, NeedCategory category, String title, String capacity, String availability,
			String description) {
	}

	private record Provider(ProviderKind kind, long id, String name, String areaCode, List<Offer> offers) {
	}

	private record Need(NeedCategory category, String title, String description, NeedSource source) {
	}

	private static final List<Need> NEEDS = List.of(
			new Need(NeedCategory.ELDERLY, "独居老人定期探访", "辖区 30 余位独居老人希望每周有人上门看望、聊天和检查用电安全", NeedSource.RESIDENTS),
			new Need(NeedCategory.ELDERLY, "老年人智能手机使用培训", "老人不会用手机挂号、扫码和视频通话，希望有人手把手教", NeedSource.RESIDENTS),
			new Need(NeedCategory.ELDERLY, "高龄老人助餐配送", "行动不便的高龄老人中午吃饭难，希望有人帮忙送餐", NeedSource.RESIDENTS),
			new Need(NeedCategory.ELDERLY, "残疾人出行陪同", "轮椅使用者就医、办事缺少陪同", NeedSource.OTHER),
			new Need(NeedCategory.ELDERLY, "适老化改造评估", "老旧楼栋老人家中需要扶手、防滑等改造评估", NeedSource.RESIDENTS),
			new Need(NeedCategory.ENVIRONMENT, "楼道堆物清理", "多个楼道长期堆放杂物，存在消防隐患，相关投诉反复出现", NeedSource.RECURRING_CASE),
			new Need(NeedCategory.ENVIRONMENT, "背街小巷环境整治", "小巷垃圾乱堆、墙面小广告多", NeedSource.RECURRING_CASE),
			new Need(NeedCategory.ENVIRONMENT, "垃圾分类桶前值守", "早晚投放高峰需要志愿者桶前指导", NeedSource.OTHER),
			new Need(NeedCategory.ENVIRONMENT, "小区绿地补植", "中心绿地黄土裸露，希望补种草皮和灌木", NeedSource.RESIDENTS),
			new Need(NeedCategory.ENVIRONMENT, "共享单车乱停整治", "地铁口周边单车堆积影响通行", NeedSource.RECURRING_CASE),
			new Need(NeedCategory.CULTURE, "青少年暑期托管", "双职工家庭暑假孩子无人照看，希望开办托管班", NeedSource.RESIDENTS),
			new Need(NeedCategory.CULTURE, "社区读书角建设", "希望在活动室设立读书角并定期更新图书", NeedSource.RESIDENTS),
			new Need(NeedCategory.CULTURE, "传统文化进社区", "居民希望有书法、剪纸等传统文化课程", NeedSource.RESIDENTS),
			new Need(NeedCategory.CULTURE, "社区文艺汇演场地", "重阳节文艺汇演缺少场地和音响", NeedSource.OTHER),
			new Need(NeedCategory.CULTURE, "课后作业辅导", "小学生放学后作业辅导需求大", NeedSource.RESIDENTS),
			new Need(NeedCategory.MEDIATION, "邻里噪音纠纷调解", "楼上楼下噪音纠纷多次报警，需要专业调解", NeedSource.RECURRING_CASE),
			new Need(NeedCategory.MEDIATION, "物业费纠纷法律咨询", "业主与物业就收费标准有争议", NeedSource.RECURRING_CASE),
			new Need(NeedCategory.MEDIATION, "家庭矛盾心理疏导", "部分家庭矛盾需要心理咨询师介入", NeedSource.OTHER),
			new Need(NeedCategory.MEDIATION, "停车位纠纷协商", "小区停车位分配争议反复发生", NeedSource.RECURRING_CASE),
			new Need(NeedCategory.EMPLOYMENT, "失业人员技能培训", "辖区登记失业人员希望参加电工、家政等培训", NeedSource.RESIDENTS),
			new Need(NeedCategory.EMPLOYMENT, "高校毕业生就业指导", "应届毕业生希望有简历和面试辅导", NeedSource.RESIDENTS),
			new Need(NeedCategory.EMPLOYMENT, "残疾人就业岗位对接", "有就业能力的残疾人希望获得合适岗位", NeedSource.OTHER),
			new Need(NeedCategory.EMPLOYMENT, "灵活就业政策宣讲", "居民对灵活就业社保政策不了解", NeedSource.RESIDENTS),
			new Need(NeedCategory.FACILITIES, "单元门禁维修", "多个单元门禁损坏，外来人员随意进出", NeedSource.RECURRING_CASE),
			new Need(NeedCategory.FACILITIES, "楼道照明更换", "楼道灯长期不亮，老人夜间出行不便", NeedSource.RECURRING_CASE),
			new Need(NeedCategory.FACILITIES, "健身器材修缮", "小区健身器材部分损坏存在安全隐患", NeedSource.RESIDENTS),
			new Need(NeedCategory.FACILITIES, "雨水井疏通", "雨季积水严重，雨水井堵塞", NeedSource.RECURRING_CASE),
			new Need(NeedCategory.FACILITIES, "电动自行车充电棚", "居民飞线充电问题突出，需要集中充电设施", NeedSource.RECURRING_CASE),
			new Need(NeedCategory.HEALTH, "慢性病老人健康监测", "高血压、糖尿病老人需要定期测量和用药指导", NeedSource.RESIDENTS),
			new Need(NeedCategory.HEALTH, "社区义诊", "居民希望有专家到社区义诊", NeedSource.RESIDENTS),
			new Need(NeedCategory.HEALTH, "急救知识培训", "希望开展心肺复苏和 AED 使用培训", NeedSource.OTHER),
			new Need(NeedCategory.HEALTH, "心理健康讲座", "青少年和老人心理健康关注需求", NeedSource.RESIDENTS),
			new Need(NeedCategory.HEALTH, "儿童口腔检查", "学龄儿童口腔健康筛查", NeedSource.RESIDENTS),
			new Need(NeedCategory.OTHER, "防诈骗宣传", "老人屡受电信诈骗，希望加强宣传", NeedSource.RECURRING_CASE),
			new Need(NeedCategory.OTHER, "社区议事厅布置", "议事协商需要固定场地和基本设备", NeedSource.OTHER),
			new Need(NeedCategory.OTHER, "困难家庭节日慰问", "春节前走访慰问困难家庭", NeedSource.OTHER),
			new Need(NeedCategory.ELDERLY, "失能老人喘息服务", "照护家属需要短时替代照护", NeedSource.RESIDENTS),
			new Need(NeedCategory.ENVIRONMENT, "楼顶违建拆除后清运", "拆除后建筑垃圾需要清运", NeedSource.RECURRING_CASE),
			new Need(NeedCategory.CULTURE, "老年大学兴趣班", "老人希望开设合唱、太极课程", NeedSource.RESIDENTS),
			new Need(NeedCategory.HEALTH, "家庭医生签约宣传", "提高家庭医生签约率", NeedSource.OTHER));

	private static final Map<String, List<Offer>> ORGANISATION_OFFERS = Map.of(
			"示范区人民医院", List.of(
					new Offer(ResourceKind.SERVICE, NeedCategory.HEALTH, "专家义诊进社区", "每月 1 次，5 名医生", "每月第一个周六上午", "内科、外科、眼科专家到社区义诊"),
					new Offer(ResourceKind.SKILL, NeedCategory.HEALTH, "急救知识培训", "每期 40 人", "工作日晚间", "心肺复苏、AED 使用培训并发证"),
					new Offer(ResourceKind.VENUE, NeedCategory.CULTURE, "医院学术报告厅", "可容纳 120 人", "周末", "带投影和音响"),
					new Offer(ResourceKind.SERVICE, NeedCategory.ELDERLY, "慢病随访上门服务", "每周 8 小时", "工作日下午", "护理团队上门测量血压血糖")),
			"示范区教育委员会", List.of(
					new Offer(ResourceKind.SERVICE, NeedCategory.CULTURE, "暑期托管师资", "6 名教师", "暑假工作日", "教师志愿者参与托管"),
					new Offer(ResourceKind.SKILL, NeedCategory.CULTURE, "课后作业辅导志愿", "每周 6 小时", "工作日 16:30-18:00", "退休教师和在职教师轮值"),
					new Offer(ResourceKind.VENUE, NeedCategory.CULTURE, "学校操场周末开放", "约 3000 平方米", "周末白天", "需提前预约")),
			"示范区城管执法局", List.of(
					new Offer(ResourceKind.SERVICE, NeedCategory.ENVIRONMENT, "环境整治志愿队", "15 人", "每月两个周六", "清理小广告、楼道堆物"),
					new Offer(ResourceKind.SKILL, NeedCategory.FACILITIES, "违建与设施问题咨询", "每月 4 小时", "预约", "执法人员上门解答"),
					new Offer(ResourceKind.SERVICE, NeedCategory.ENVIRONMENT, "建筑垃圾清运车辆", "2 辆", "提前三天预约", "配合社区清运")),
			"示范区税务局", List.of(
					new Offer(ResourceKind.SKILL, NeedCategory.EMPLOYMENT, "灵活就业社保政策讲解", "每期 50 人", "工作日晚间", "税费与社保政策宣讲"),
					new Offer(ResourceKind.FUNDS, NeedCategory.ELDERLY, "困难老人帮扶资金", "2 万元", "全年", "党员自愿捐款设立"),
					new Offer(ResourceKind.SKILL, NeedCategory.OTHER, "防诈骗宣讲", "每月 1 场", "周末", "结合涉税诈骗案例")),
			"和平科技有限公司", List.of(
					new Offer(ResourceKind.SKILL, NeedCategory.ELDERLY, "老年人智能手机课堂", "每期 30 人", "周三下午", "员工志愿者一对一教学"),
					new Offer(ResourceKind.FUNDS, NeedCategory.FACILITIES, "社区设施公益资金", "5 万元", "本年度", "用于门禁、照明等小型修缮"),
					new Offer(ResourceKind.SERVICE, NeedCategory.EMPLOYMENT, "见习和招聘岗位", "20 个岗位", "长期", "面向高校毕业生和残疾人")));

	private static final List<Offer> SCHOOL = List.of(
			new Offer(ResourceKind.VENUE, NeedCategory.CULTURE, "学校图书室周末开放", "可容纳 40 人", "周六全天", "图书 8000 册"),
			new Offer(ResourceKind.SERVICE, NeedCategory.ENVIRONMENT, "学生志愿服务队", "20 名学生", "周末上午", "垃圾分类宣传和值守"));

	private static final List<Offer> PROPERTY = List.of(
			new Offer(ResourceKind.SERVICE, NeedCategory.FACILITIES, "物业维修小分队", "3 名维修工", "工作日", "门禁、照明、管道维修"),
			new Offer(ResourceKind.VENUE, NeedCategory.OTHER, "物业活动室", "可容纳 50 人", "工作日晚间和周末", "可用于议事协商"));

	private static final List<Offer> STATION = List.of(
			new Offer(ResourceKind.SERVICE, NeedCategory.HEALTH, "上门健康体检", "每周 10 户", "工作日上午", "65 岁以上老人优先"),
			new Offer(ResourceKind.SKILL, NeedCategory.HEALTH, "慢病管理指导", "每月 2 次", "周四下午", "家庭医生团队"));

	private static final List<Offer> MEMBER = List.of(
			new Offer(ResourceKind.SKILL, NeedCategory.MEDIATION, "法律咨询", "每月 4 小时", "周末", "执业律师党员"),
			new Offer(ResourceKind.SKILL, NeedCategory.FACILITIES, "水电维修", "每周 3 小时", "晚间", "持证电工"),
			new Offer(ResourceKind.SKILL, NeedCategory.CULTURE, "书法教学", "每期 15 人", "周六下午", "自带笔墨"),
			new Offer(ResourceKind.SERVICE, NeedCategory.ELDERLY, "就医陪诊", "每月 2 次", "工作日", "陪同老人就医取药"),
			new Offer(ResourceKind.SKILL, NeedCategory.MEDIATION, "心理疏导", "每月 6 小时", "预约", "国家二级心理咨询师"));

	private final boolean enabled;

	private final PartyListsAdministration lists;

	private final PartyDirectory directory;

	private final Areas areas;

	private final UserDirectory users;

	private final UserAccounts accounts;

	private final DemoOnce once;

	DemoPartyListsLoader(@Value("${gongzhi.demo:true}") boolean demo,
			@Value("${gongzhi.demo.party:true}") boolean demoParty, PartyListsAdministration lists,
			PartyDirectory directory, Areas areas, UserDirectory users, UserAccounts accounts, DemoOnce once) {
		this.enabled = demo && demoParty;
		this.lists = lists;
		this.directory = directory;
		this.areas = areas;
		this.users = users;
		this.accounts = accounts;
		this.once = once;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		once.load("gongzhi.demo.party.lists", "three lists", () -> !directory.anyOrganisation() || lists.anyNeed(),
				() -> {
					int[] counts = load(new Random(2027), LocalDate.now(ZONE));
					return counts[0] + " needs, " + counts[1] + " resources, " + counts[2] + " projects";
				});
	}

	/** Loads everything; answers the numbers of needs, resources and projects. */
	int[] load(Random random, LocalDate today) {
		String street = DemoStreetPlan.STREET_CODE;
		Map<String, double[]> gridPoints = gridPoints();
		List<OrganisationView> orgs = directory.organisationsIn(street);
		List<Provider> providers = new ArrayList<>();
		Long unitOrg = null;
		for (OrganisationView o : orgs) {
			for (Map.Entry<String, List<Offer>> e : ORGANISATION_OFFERS.entrySet()) {
				if (o.name().startsWith(e.getKey())) {
					providers.add(new Provider(ProviderKind.ORGANISATION, o.id(), o.name(), o.areaCode(), e.getValue()));
					if (o.name().equals(UNIT_ORGANISATION)) {
						unitOrg = o.id();
					}
				}
			}
			for (OrganisationView.MemberUnit u : o.memberUnits()) {
				List<Offer> offers = u.unitKind().equals("学校") ? SCHOOL : u.unitKind().equals("物业企业") ? PROPERTY
						: u.unitKind().equals("医疗机构") ? STATION : List.of();
				if (!offers.isEmpty() && o.kind().joint() && o.areaCode().length() == AreaLevel.COMMUNITY.codeLength()) {
					providers.add(new Provider(ProviderKind.MEMBER_UNIT, u.id(), u.name(), o.areaCode(), offers));
				}
			}
		}
		List<BadgeView> badges = directory.badges(street);
		for (int i = 0; i < Math.min(12, badges.size()); i++) {
			BadgeView b = badges.get(i * Math.max(1, badges.size() / 12));
			providers.add(new Provider(ProviderKind.MEMBER, b.memberId(), b.name(), null,
					List.of(MEMBER.get(i % MEMBER.size()))));
		}
		if (unitOrg != null) {
			long unitUser = users.findByUsername("unit").map(UserSummary::id)
				.orElseGet(() -> accounts.create(new NewUser("unit", "孙志远（驻区单位）", DemoDataLoader.PASSWORD,
						Set.of(Role.PARTY_SECRETARY), street, false, null, null)));
			lists.linkUnitAccount(unitUser, unitOrg, null);
		}

		List<AreaView> communities = areas.children(street).stream().filter(a -> a.level() == AreaLevel.COMMUNITY)
			.toList();
		List<long[]> resources = new ArrayList<>();
		Map<Long, NeedCategory> categoryOf = new HashMap<>();
		int made = 0;
		for (int round = 0; made < 60 && round < 10; round++) {
			for (Provider p : providers) {
				if (made >= 60 || round >= p.offers().size() * (p.kind() == ProviderKind.MEMBER ? 1 : 2)) {
					continue;
				}
				Offer offer = p.offers().get(round % p.offers().size());
				String area = p.areaCode() != null && p.areaCode().length() >= AreaLevel.COMMUNITY.codeLength()
						? p.areaCode() : communities.get(random.nextInt(communities.size())).code();
				double[] point = near(pointOf(area, gridPoints), random);
				String title = round >= p.offers().size() ? offer.title() + "（第二期）" : offer.title();
				long id = lists.createResource(p.kind(), p.id(), new ResourceCmd(null, null, offer.kind(),
						offer.category(), title, offer.description(), offer.capacity(), offer.availability(), area,
						point == null ? null : point[0], point == null ? null : point[1]),
						at(today.minusDays(30 + random.nextInt(150))));
				resources.add(new long[] { id, p.kind().ordinal(), p.id() });
				categoryOf.put(id, offer.category());
				made++;
			}
		}

		List<Long> needs = new ArrayList<>();
		List<NeedCategory> needCategories = new ArrayList<>();
		for (int i = 0; i < NEEDS.size(); i++) {
			Need n = NEEDS.get(i);
			AreaView community = communities.get(i % communities.size());
			List<AreaView> grids = areas.children(community.code()).stream()
				.filter(a -> a.level() == AreaLevel.GRID).toList();
			String area = i % 3 == 0 || grids.isEmpty() ? community.code() : grids.get(random.nextInt(grids.size())).code();
			double[] point = i % 4 == 3 ? null : near(pointOf(area, gridPoints), random);
			LocalDate created = today.minusDays(10 + random.nextInt(170));
			needs.add(lists.createNeed(new NeedCmd(area, n.title(), n.category(), n.description(), n.source(), null,
					point == null ? null : point[0], point == null ? null : point[1],
					i % 5 == 4 ? null : created.plusDays(60 + random.nextInt(120))), at(created)));
			needCategories.add(n.category());
		}

		int projects = 0;
		for (int i = 0; i < 25 && i < needs.size(); i++) {
			NeedCategory category = needCategories.get(i);
			List<long[]> fitting = resources.stream().filter(r -> categoryOf.get(r[0]) == category).toList();
			long[] resource = (fitting.isEmpty() ? resources : fitting).get(random.nextInt(
					(fitting.isEmpty() ? resources : fitting).size()));
			LocalDate start = today.minusDays(i < 10 ? 70 + random.nextInt(110) : 20 + random.nextInt(140));
			boolean byCommunity = i % 3 == 0;
			long project = lists.createProject(needs.get(i), resource[0], null, null, null, byCommunity,
					byCommunity ? DemoNames.person(random) + "（社区）" : DemoNames.person(random), at(start));
			projects++;
			String[] steps = { "摸排需求，确定服务名单", "制定方案并征求居民意见", "组织实施", "回访评估并公示成果" };
			if (i < 10) {
				for (int s = 0; s < steps.length; s++) {
					lists.addMilestone(project, steps[s], start.plusDays(7L * (s + 1)), true);
				}
				lists.recordProgress(project, 100, "已完成：" + NEEDS.get(i).title() + "，服务居民 " + (20 + random.nextInt(180))
						+ " 人次，居民满意度 " + (90 + random.nextInt(10)) + "%", ProjectStatus.DONE,
						at(start.plusDays(35 + random.nextInt(20))));
			}
			else if (i < 22) {
				int done = random.nextInt(steps.length);
				for (int s = 0; s < steps.length; s++) {
					lists.addMilestone(project, steps[s], start.plusDays(10L * (s + 1)), s < done);
				}
				lists.recordProgress(project, Math.min(95, done * 25 + random.nextInt(20)), null, ProjectStatus.ACTIVE,
						at(today));
			}
			else {
				lists.addMilestone(project, steps[0], start.plusDays(7), true);
				lists.recordProgress(project, 20, "提供方人员调整，项目终止，需求重新征集", ProjectStatus.STOPPED,
						at(start.plusDays(15)));
			}
		}
		return new int[] { needs.size(), made, projects };
	}

	/** The centre of each demo grid (the mean of its buildings' points), from the demo street's plan. */
	private static Map<String, double[]> gridPoints() {
		Map<String, double[]> sums = new HashMap<>();
		for (DemoStreetPlan.Point p : DemoStreetPlan.generate(2026).buildingPoints()) {
			if (p.code().length() < AreaLevel.GRID.codeLength()) {
				continue;
			}
			for (String key : List.of(p.code().substring(0, AreaLevel.GRID.codeLength()),
					p.code().substring(0, AreaLevel.COMMUNITY.codeLength()))) {
				double[] s = sums.computeIfAbsent(key, k -> new double[3]);
				s[0] += p.lng();
				s[1] += p.lat();
				s[2]++;
			}
		}
		Map<String, double[]> centres = new HashMap<>();
		sums.forEach((k, s) -> centres.put(k, new double[] { s[0] / s[2], s[1] / s[2] }));
		return centres;
	}

	private static double[] pointOf(String area, Map<String, double[]> points) {
		for (int length : new int[] { AreaLevel.GRID.codeLength(), AreaLevel.COMMUNITY.codeLength() }) {
			if (area.length() >= length && points.containsKey(area.substring(0, length))) {
				return points.get(area.substring(0, length));
			}
		}
		return null;
	}

	private static double[] near(double[] point, Random random) {
		if (point == null) {
			return null;
		}
		return new double[] { point[0] + (random.nextDouble() - 0.5) * 0.002,
				point[1] + (random.nextDouble() - 0.5) * 0.002 };
	}

	private static Instant at(LocalDate day) {
		return day.atTime(9, 0).atZone(ZONE).toInstant();
	}

}
