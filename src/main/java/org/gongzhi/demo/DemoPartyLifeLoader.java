package org.gongzhi.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.gongzhi.area.Areas;
import org.gongzhi.party.BranchLifeAdministration;
import org.gongzhi.party.CadencePeriod;
import org.gongzhi.party.MeetingCmd;
import org.gongzhi.party.MeetingKind;
import org.gongzhi.party.OrgKind;
import org.gongzhi.party.OrganisationView;
import org.gongzhi.party.PartyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads branch life for the demo Party branches after the Party data, once: the meetings (三会一课, 主题党日) since the
 * start of last year, mostly on cadence with a few branches behind (the first branch of each community has not held
 * this month's 支委会, so the warning shows on first start), and last year's finalised star rating. Skipped when any
 * meeting exists, when there are no Party organisations, or when gongzhi.demo.party is false. Written through the
 * party module's branch-life administration facade.
 */
@Component
@Order(15)
class DemoPartyLifeLoader implements ApplicationRunner {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Logger log = LoggerFactory.getLogger(DemoPartyLifeLoader.class);

	private static final String[] COMMITTEE_TOPICS = { "研究本月党员发展和组织生活安排", "讨论网格内困难群众帮扶名单",
			"研究“双报到”党员认岗安排", "部署小区环境整治和垃圾分类", "研究季度党费收缴和使用情况", "讨论居民议事会议题" };

	private static final String[] GROUP_TOPICS = { "学习党章和党的基本知识", "交流楼院服务心得", "走访独居老人情况通报",
			"学习身边先进典型事迹" };

	private static final String[] ASSEMBLY_TOPICS = { "通报支部季度工作，讨论发展对象", "开展民主评议党员", "审议支部年度工作计划",
			"讨论接收预备党员" };

	private static final String[] LECTURES = { "书记讲党课：党建引领基层治理", "学习贯彻党的创新理论专题党课", "传承红色基因专题党课" };

	private static final String[] THEME_DAYS = { "重温入党誓词，开展楼院清洁行动", "走访慰问困难党员和老党员", "学习先进典型，开展志愿服务",
			"参观红色教育基地", "开展政策宣讲进楼院", "组织党员义诊和助老服务" };

	private static final String[] PLACES = { "社区党群服务中心", "网格党员活动室", "小区议事厅", "社区会议室" };

	private static final String[] ABSENCE_REASONS = { "出差", "生病", "外出探亲", "工作冲突" };

	private final boolean enabled;

	private final BranchLifeAdministration life;

	private final PartyDirectory directory;

	private final Areas areas;

	private final DemoOnce once;

	DemoPartyLifeLoader(@Value("${gongzhi.demo:true}") boolean demo,
			@Value("${gongzhi.demo.party:true}") boolean demoParty, BranchLifeAdministration life,
			PartyDirectory directory, Areas areas, DemoOnce once) {
		this.enabled = demo && demoParty;
		this.life = life;
		this.directory = directory;
		this.areas = areas;
		this.once = once;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		once.load("gongzhi.demo.party.life", "branch life", () -> areas.find(DemoStreetPlan.STREET_CODE).isEmpty()
				|| !directory.anyOrganisation() || life.anyMeeting(),
				() -> load(new Random(2027), LocalDate.now(ZONE)) + " meetings");
	}

	/** Loads the meetings and last year's rating; answers the number of meetings. */
	int load(Random random, LocalDate today) {
		List<OrganisationView> all = directory.organisationsIn(DemoStreetPlan.STREET_CODE);
		Set<Long> withGroups = new HashSet<>();
		all.stream().filter(o -> o.kind() == OrgKind.GROUP && o.parentId() != null).forEach(o -> withGroups.add(o.parentId()));
		List<OrganisationView> branches = all.stream()
			.filter(o -> o.kind() == OrgKind.BRANCH || o.kind() == OrgKind.GENERAL_BRANCH)
			.sorted(Comparator.comparing(OrganisationView::id)).toList();
		Set<String> communitiesSeen = new HashSet<>();
		int count = 0;
		YearMonth first = YearMonth.of(today.getYear() - 1, 1);
		YearMonth current = YearMonth.from(today);
		YearMonth previousQuarter = YearMonth.from(CadencePeriod.QUARTER.start(today).minusMonths(3));
		for (int b = 0; b < branches.size(); b++) {
			OrganisationView branch = branches.get(b);
			String community = branch.areaCode().length() >= 12 ? branch.areaCode().substring(0, 12) : null;
			boolean behindThisMonth = community != null && communitiesSeen.add(community);
			boolean missesTheme = b % 5 == 2;
			boolean missesAssembly = b % 6 == 4;
			boolean noLectureYet = b % 7 == 5;
			int expected = (int) Math.max(3, Math.min(branch.memberCount(), 60));
			for (YearMonth m = first; !m.isAfter(current); m = m.plusMonths(1)) {
				boolean now = m.equals(current);
				int lastDay = now ? today.getDayOfMonth() : m.lengthOfMonth();
				if (!(now && behindThisMonth)) {
					count += meeting(random, branch, MeetingKind.COMMITTEE_MEETING, m, lastDay, expected,
							pick(random, COMMITTEE_TOPICS));
				}
				if (!(missesTheme && m.equals(current.minusMonths(2))) && !(now && lastDay < 10)) {
					count += meeting(random, branch, MeetingKind.THEME_DAY, m, lastDay, expected, pick(random, THEME_DAYS));
				}
				if (withGroups.contains(branch.id())) {
					count += meeting(random, branch, MeetingKind.GROUP_MEETING, m, lastDay, Math.max(2, expected / 2),
							pick(random, GROUP_TOPICS));
				}
				int monthOfQuarter = (m.getMonthValue() - 1) % 3;
				boolean lastQuarter = !m.isBefore(previousQuarter) && m.isBefore(previousQuarter.plusMonths(3));
				if (monthOfQuarter == 1 && !(missesAssembly && lastQuarter) && !(now && lastDay < 15)) {
					count += meeting(random, branch, MeetingKind.BRANCH_ASSEMBLY, m, lastDay, expected,
							pick(random, ASSEMBLY_TOPICS));
				}
				if (m.getMonthValue() == 6 && !(noLectureYet && m.getYear() == today.getYear())) {
					count += meeting(random, branch, MeetingKind.PARTY_LECTURE, m, lastDay, expected, pick(random, LECTURES));
				}
			}
		}
		rateLastYear(random, branches, today);
		return count;
	}

	private int meeting(Random random, OrganisationView branch, MeetingKind kind, YearMonth month, int lastDay,
			int expected, String topic) {
		LocalDate day = month.atDay(1 + random.nextInt(Math.max(1, lastDay)));
		int absent = random.nextInt(Math.max(1, expected / 4 + 1));
		List<MeetingCmd.Absentee> absentees = new ArrayList<>();
		for (int i = 0; i < absent && i < 3; i++) {
			absentees.add(new MeetingCmd.Absentee(DemoNames.person(random), pick(random, ABSENCE_REASONS)));
		}
		String minutes = "一、" + topic + "。\n二、与会党员逐一发言，结合网格工作谈体会。\n三、明确下一步分工，会后由支部书记督促落实。";
		life.importMeeting(new MeetingCmd(branch.id(), kind, day, pick(random, PLACES), topic, expected,
				expected - absent, absentees, minutes), branch.committee().isEmpty() ? "支部书记" : branch.committee().get(0).name());
		return 1;
	}

	/** Last year's rating with entered scores, finalised with at most the capped number of five stars. */
	private void rateLastYear(Random random, List<OrganisationView> branches, LocalDate today) {
		int year = today.getYear() - 1;
		int fiveAllowed = branches.size() / 10;
		int five = 0;
		for (OrganisationView branch : branches) {
			boolean top = five < fiveAllowed && random.nextInt(4) == 0;
			five += top ? 1 : 0;
			int base = top ? 93 : 60 + random.nextInt(22);
			for (String code : List.of("ORGANISATION", "CADENCE", "SERVICE", "SATISFACTION", "VANGUARD")) {
				int score = Math.min(100, Math.max(0, base + random.nextInt(9) - 4 + (top ? 3 : 0)));
				life.importScore(year, branch.id(), code, BigDecimal.valueOf(score));
			}
		}
		if (!branches.isEmpty()) {
			life.finaliseYear(year, "王建国（街道管理员）", today);
		}
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

}
