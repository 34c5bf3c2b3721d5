package org.gongzhi.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.cases.CaseApi;
import org.gongzhi.cases.CaseFilter;
import org.gongzhi.cases.CaseView;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.identity.UserSummary;
import org.gongzhi.party.LeaderAssignmentCmd;
import org.gongzhi.party.LeaderContactAdministration;
import org.gongzhi.party.LeaderIssueCmd;
import org.gongzhi.party.LeaderVisitCmd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo street's leaders' contact (领导联系社区) once, after the Party data: the demo leader account contacts
 * the first two communities, street leaders without accounts the others, with a year of visits and issues taken up,
 * some still open, one linked to an open case, and one community left unvisited for months so that it shows as
 * overdue. Skipped when any assignment exists, when the demo street is missing, or when gongzhi.demo.party is false.
 */
@Component
@Order(16)
class DemoLeaderContactLoader implements ApplicationRunner {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Logger log = LoggerFactory.getLogger(DemoLeaderContactLoader.class);

	private static final String[][] LEADERS = { { "王建国", "和平街道党工委书记" }, { "陈秀英", "和平街道办事处主任" },
			{ "刘志强", "和平街道党工委副书记" }, { "孙丽华", "和平街道人大工委主任" } };

	private static final String[] PEOPLE = { "社区党委书记、网格员", "社区居委会主任、居民代表", "物业服务中心经理、业委会主任",
			"在职党员代表、楼栋长", "困难老人家属、社区民警" };

	private static final String[] TOPICS = { "老旧小区加装电梯的意见征集和资金筹措", "背街小巷环境整治和停车秩序",
			"独居老人助餐点运营和探访安排", "汛期排水和地下室防倒灌", "物业服务满意度和收费公示", "社区养老驿站设施改善",
			"在职党员双报到后的岗位安排", "学校周边交通安全和上下学护导" };

	private static final String[][] ISSUES = { { "加装电梯资金缺口协调", "3号楼加装电梯尚差部分资金，协调街道和产权单位" },
			{ "背街小巷路灯修复", "小巷路灯损坏较多，夜间出行不便" }, { "助餐点扩容", "老年助餐点就餐人数超出座位，需增加场地" },
			{ "地下室积水治理", "雨后地下室积水，需排查管网" }, { "停车位划线和充电桩", "居民反映电动车充电难，需规划充电桩" },
			{ "物业费公示不透明", "居民要求物业公开收支明细" } };

	private final boolean enabled;

	private final LeaderContactAdministration contacts;

	private final Areas areas;

	private final UserDirectory users;

	private final CaseApi cases;

	private final DemoOnce once;

	DemoLeaderContactLoader(@Value("${gongzhi.demo:true}") boolean demo,
			@Value("${gongzhi.demo.party:true}") boolean demoParty, LeaderContactAdministration contacts, Areas areas,
			UserDirectory users, CaseApi cases, DemoOnce once) {
		this.enabled = demo && demoParty;
		this.contacts = contacts;
		this.areas = areas;
		this.users = users;
		this.cases = cases;
		this.once = once;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		once.load("gongzhi.demo.leader-contact", "leaders' contact",
				() -> areas.find(DemoStreetPlan.STREET_CODE).isEmpty() || contacts.anyAssignment(),
				() -> load(new Random(2027), LocalDate.now(ZONE)) + " visits");
	}

	/** Loads everything; answers the number of visits. */
	int load(Random random, LocalDate today) {
		List<AreaView> communities = areas.children(DemoStreetPlan.STREET_CODE).stream()
			.filter(a -> a.level() == AreaLevel.COMMUNITY).toList();
		UserSummary leader = users.findByUsername("leader").orElse(null);
		LocalDate start = today.minusYears(1);
		int visits = 0;
		for (int c = 0; c < communities.size(); c++) {
			AreaView community = communities.get(c);
			List<Long> assignments = new ArrayList<>();
			if (leader != null && c < 2) {
				assignments.add(contacts.assign(new LeaderAssignmentCmd(community.code(), leader.id(),
						personName(leader.displayName()), "和平街道联系社区领导", start, null)));
			}
			String[] named = LEADERS[c % LEADERS.length];
			if (leader == null || c >= 2 || c == 1) {
				assignments.add(contacts.assign(new LeaderAssignmentCmd(community.code(), null, named[0], named[1],
						start, null)));
			}
			boolean neglected = c == communities.size() - 1;
			LocalDate lastVisitDay = neglected ? today.minusDays(120 + random.nextInt(30)) : today.minusDays(3);
			for (long assignment : assignments) {
				for (LocalDate day = start.plusDays(5 + random.nextInt(20)); !day.isAfter(lastVisitDay);
						day = day.plusDays(25 + random.nextInt(20))) {
					contacts.importVisit(new LeaderVisitCmd(assignment, day, PEOPLE[random.nextInt(PEOPLE.length)],
							"了解" + TOPICS[random.nextInt(TOPICS.length)] + "情况，听取意见并提出下一步工作要求"));
					visits++;
				}
			}
			List<CaseView> open = cases.search(new CaseFilter(List.of(), List.of(), null, null, true, 200)).stream()
				.filter(v -> community.code().equals(v.communityCode())).limit(1).toList();
			for (int i = 0; i < 3; i++) {
				String[] issue = ISSUES[(c + i) % ISSUES.length];
				long assignment = assignments.get(i % assignments.size());
				LocalDate taken = today.minusDays(20 + random.nextInt(300));
				boolean closed = i < 2 && taken.isBefore(today.minusDays(40));
				String caseNo = i == 2 && !open.isEmpty() ? open.get(0).caseNo() : null;
				LocalDate due = closed ? taken.plusDays(30) : i == 2 && c % 2 == 0 ? today.minusDays(5) : today.plusDays(30);
				contacts.importIssue(new LeaderIssueCmd(assignment, issue[0], issue[1], caseNo, due), taken,
						closed ? taken.plusDays(10 + random.nextInt(20)) : null,
						closed ? "已协调相关部门落实，居民表示满意" : null);
			}
		}
		return visits;
	}

	private static String personName(String displayName) {
		int bracket = displayName.indexOf('（');
		return (bracket < 0 ? displayName : displayName.substring(0, bracket)).strip();
	}

}
