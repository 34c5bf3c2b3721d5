package org.gongzhi.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.identity.UserSummary;
import org.gongzhi.party.CommitteePost;
import org.gongzhi.party.MemberCmd;
import org.gongzhi.party.MemberStatus;
import org.gongzhi.party.OrgKind;
import org.gongzhi.party.OrganisationCmd;
import org.gongzhi.party.OrganisationCmd.Seat;
import org.gongzhi.party.OrganisationCmd.Unit;
import org.gongzhi.party.PartyAdministration;
import org.gongzhi.party.PartyDirectory;
import org.gongzhi.party.PostCmd;
import org.gongzhi.party.PostKind;
import org.gongzhi.party.ReportStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo street's Party organisations, members, 双报到, service posts and service records after the demo
 * street, once: skipped when any Party organisation exists, when the demo street is missing, or when
 * gongzhi.demo.party is false (GONGZHI_DEMO_PARTY). Written through the party module's administration facade.
 */
@Component
@Order(13)
class DemoPartyLoader implements ApplicationRunner {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Logger log = LoggerFactory.getLogger(DemoPartyLoader.class);

	static final List<String> EMPLOYERS = List.of("示范区城管执法局", "示范区教育委员会", "示范区人民医院", "示范区税务局",
			"和平科技有限公司");

	private final boolean enabled;

	private final PartyAdministration party;

	private final PartyDirectory directory;

	private final Areas areas;

	private final UserDirectory users;

	private final DemoOnce once;

	DemoPartyLoader(@Value("${gongzhi.demo:true}") boolean demo, @Value("${gongzhi.demo.party:true}") boolean demoParty,
			PartyAdministration party, PartyDirectory directory, Areas areas, UserDirectory users,
			DemoOnce once) {
		this.enabled = demo && demoParty;
		this.party = party;
		this.directory = directory;
		this.areas = areas;
		this.users = users;
		this.once = once;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		once.load("gongzhi.demo.party", "Party data",
				() -> areas.find(DemoStreetPlan.STREET_CODE).isEmpty() || directory.anyOrganisation(),
				() -> load(new Random(2026), LocalDate.now(ZONE)) + " members");
	}

	/** Loads everything; answers the number of members. */
	int load(Random random, LocalDate today) {
		String street = DemoStreetPlan.STREET_CODE;
		long working = party.createOrganisation(org(OrgKind.WORKING_COMMITTEE, "和平街道党工委", null, street,
				today.minusYears(2), committee(random, 3), null));
		List<Long> employerOrgs = new ArrayList<>();
		for (String employer : EMPLOYERS) {
			employerOrgs.add(party.createOrganisation(org(employer.endsWith("公司") ? OrgKind.BRANCH : OrgKind.COMMITTEE,
					employer + (employer.endsWith("公司") ? "党支部" : "机关党委"), working, street, today.minusYears(1),
					committee(random, 2), null)));
		}
		List<AreaView> communities = areas.children(street).stream().filter(a -> a.level() == AreaLevel.COMMUNITY)
			.toList();
		Long firstCommunityOrg = null;
		List<long[]> branchOrgs = new ArrayList<>();
		List<String> branchAreas = new ArrayList<>();
		List<List<AreaView>> buildingsOfBranch = new ArrayList<>();
		for (int c = 0; c < communities.size(); c++) {
			AreaView community = communities.get(c);
			boolean big = c % 2 == 0;
			long communityOrg = party.createOrganisation(org(big ? OrgKind.BIG_COMMITTEE : OrgKind.COMMITTEE,
					community.name() + (big ? "大党委" : "党委"), working, community.code(), today.minusYears(1),
					committee(random, 4), big ? List.of(new Unit("示范区第" + (c + 1) + "小学", "学校"),
							new Unit(community.name().replace("社区", "") + "物业服务中心", "物业企业"),
							new Unit("和平社区卫生服务站", "医疗机构")) : null));
			if (firstCommunityOrg == null) {
				firstCommunityOrg = communityOrg;
			}
			List<AreaView> grids = areas.children(community.code()).stream()
				.filter(a -> a.level() == AreaLevel.GRID).toList();
			for (int g = 0; g < grids.size(); g += 3) {
				AreaView grid = grids.get(g);
				long branch = party.createOrganisation(org(OrgKind.BRANCH,
						community.name().replace("社区", "") + "第" + (g / 3 + 1) + "网格党支部", communityOrg, grid.code(),
						today.minusMonths(8), committee(random, 2), null));
				branchOrgs.add(new long[] { branch });
				branchAreas.add(grid.code());
				List<AreaView> buildings = new ArrayList<>();
				for (int k = g; k < Math.min(g + 3, grids.size()); k++) {
					buildings.addAll(areas.children(grids.get(k).code()).stream()
						.filter(a -> a.level() == AreaLevel.BUILDING).toList());
				}
				buildingsOfBranch.add(buildings.isEmpty() ? List.of(grid) : buildings);
				if (g == 0 && c == 0) {
					party.createOrganisation(org(OrgKind.ALLIANCE, grid.name() + "小区党建联盟", communityOrg, grid.code(),
							today.minusMonths(6), List.of(new Seat(CommitteePost.ALLIANCE_CHAIR, DemoNames.person(random), "社区党委"),
									new Seat(CommitteePost.ALLIANCE_VICE_CHAIR, DemoNames.person(random), "业主委员会"),
									new Seat(CommitteePost.OFFICE_DIRECTOR, DemoNames.person(random), "物业服务中心"),
									new Seat(CommitteePost.BUILDING_CHIEF, DemoNames.person(random), "1号楼")),
							List.of(new Unit("业主委员会", "业委会"), new Unit("物业服务中心", "物业企业"))));
				}
				if (!buildings.isEmpty() && g % 6 == 0) {
					AreaView building = buildings.get(0);
					party.createOrganisation(org(OrgKind.GROUP, building.name() + "党小组", branch, building.code(),
							today.minusMonths(6), List.of(new Seat(CommitteePost.SECRETARY, DemoNames.person(random), null)),
							null));
				}
			}
		}

		String[] promises = { "带头遵守居民公约，有事找我", "守护邻里平安，随叫随到", "为老人办实事，做好帮扶", "宣传政策到户，解答邻里疑问",
				"带头垃圾分类，美化楼院环境" };
		String[] badgePosts = { "党员中心户", "楼栋长", "平安志愿者", "政策宣传员", "环境监督员" };
		int count = 0;
		List<Long> communityMembers = new ArrayList<>();
		for (int b = 0; b < branchOrgs.size(); b++) {
			for (int i = 0; i < 20; i++) {
				List<AreaView> buildings = buildingsOfBranch.get(b);
				AreaView home = buildings.get(random.nextInt(buildings.size()));
				boolean badge = random.nextInt(3) == 0;
				long id = party.createMember(new MemberCmd(branchOrgs.get(b)[0], DemoNames.person(random),
						today.minusDays(400 + random.nextInt(15000)),
						random.nextInt(15) == 0 ? MemberStatus.PROBATIONARY : MemberStatus.FULL, false, null,
						home.name(), home.code(), phone(random), null, badge ? badgePosts[random.nextInt(5)] : null,
						badge ? promises[random.nextInt(5)] : null));
				communityMembers.add(id);
				count++;
			}
		}

		Long memberUser = users.findByUsername("member").map(UserSummary::id).orElse(null);
		List<AreaView> homes = new ArrayList<>();
		buildingsOfBranch.forEach(homes::addAll);
		List<long[]> accepted = new ArrayList<>();
		for (int i = 0; i < 450; i++) {
			int e = i % employerOrgs.size();
			AreaView home = i == 0 ? buildingsOfBranch.get(0).get(0) : homes.get(random.nextInt(homes.size()));
			String community = home.code().substring(0, AreaLevel.COMMUNITY.codeLength());
			long id = party.createMember(new MemberCmd(employerOrgs.get(e), i == 0 ? "赵磊" : DemoNames.person(random),
					today.minusDays(800 + random.nextInt(9000)), MemberStatus.FULL, true, EMPLOYERS.get(e), home.name(),
					home.code(), phone(random), i == 0 ? memberUser : null, i % 4 == 0 ? "在职党员" : null,
					i % 4 == 0 ? "八小时之外，社区就是我的岗位" : null));
			count++;
			int state = i == 0 ? 0 : random.nextInt(20);
			Instant reported = today.minusDays(20 + random.nextInt(120)).atTime(9, 30).atZone(ZONE).toInstant();
			if (state < 12) {
				party.importReport(id, community, ReportStatus.ACCEPTED, reported, reported.plus(2, ChronoUnit.DAYS), null);
				accepted.add(new long[] { id, Long.parseLong(community) });
			}
			else if (state < 14) {
				party.importReport(id, community, ReportStatus.PENDING, today.minusDays(random.nextInt(5))
					.atTime(10, 0).atZone(ZONE).toInstant(), null, null);
			}
			else if (state < 16) {
				party.importReport(id, community, ReportStatus.REFUSED, reported, reported.plus(1, ChronoUnit.DAYS),
						"居住地址不在本社区，请到实际居住社区报到");
			}
			else if (state < 18) {
				Instant old = today.minusMonths(8).atTime(9, 0).atZone(ZONE).toInstant();
				party.importReport(id, community, ReportStatus.ACCEPTED, old, old.plus(3, ChronoUnit.DAYS), null);
			}
		}

		String[] commitments = { "每季度进社区开展一次志愿服务，开放单位会议室供社区议事使用",
				"组织在职党员参与社区文明劝导，每月一次", "每半年进社区义诊一次，为独居老人上门随访",
				"协助社区开展税收与社保政策宣传", "提供技术志愿者，帮助老年人使用智能手机" };
		for (int e = 0; e < employerOrgs.size(); e++) {
			AreaView community = communities.get(e % communities.size());
			Instant reported = today.minusDays(40 + 10 * e).atTime(9, 0).atZone(ZONE).toInstant();
			ReportStatus status = e < 3 ? ReportStatus.ACCEPTED : e == 3 ? ReportStatus.PENDING : null;
			if (status != null) {
				party.importOrganisationReport(employerOrgs.get(e), community.code(), DemoNames.person(random),
						commitments[e % commitments.length], status, reported,
						status == ReportStatus.ACCEPTED ? reported.plus(2, ChronoUnit.DAYS) : null);
			}
		}

		PostKind[] kinds = { PostKind.BUILDING_CHIEF, PostKind.POLICY_OUTREACH, PostKind.PATROL, PostKind.ELDER_CARE,
				PostKind.MEDIATION };
		String[] titles = { "楼栋长", "政策宣传员", "治安巡逻队员", "助老服务员", "矛盾调解员" };
		String[] skills = { "熟悉楼内住户，热心沟通", "表达清楚，熟悉政策", "身体健康，晚间有空", "有耐心，会基本护理", "善于沟通，有调解经验" };
		java.util.Map<Long, List<Long>> postsOf = new java.util.HashMap<>();
		for (AreaView community : communities) {
			List<Long> posts = new ArrayList<>();
			for (int k = 0; k < kinds.length; k++) {
				posts.add(party.createPost(new PostCmd(community.code(), kinds[k], titles[k], skills[k], 3 + k * 2,
						"每月至少服务 4 小时，服务后在平台记录，由社区确认")));
			}
			postsOf.put(Long.parseLong(community.code()), posts);
		}
		int[] taken = new int[1000];
		for (int i = 0; i < accepted.size(); i++) {
			if (i != 0 && random.nextInt(5) == 0) {
				continue;
			}
			List<Long> posts = postsOf.get(accepted.get(i)[1]);
			int k = i == 0 ? 1 : random.nextInt(posts.size());
			long postId = posts.get(k);
			if (taken[(int) (postId % 1000)] >= 3 + k * 2) {
				continue;
			}
			taken[(int) (postId % 1000)]++;
			long claim = party.claim(postId, accepted.get(i)[0]);
			int records = random.nextInt(4);
			for (int r = 0; r < records; r++) {
				party.importService(claim, today.minusDays(3 + random.nextInt(60)),
						BigDecimal.valueOf(1 + random.nextInt(6)).divide(BigDecimal.valueOf(2)).add(BigDecimal.ONE),
						titles[k] + "服务：" + promises[random.nextInt(5)], r > 0 || random.nextBoolean());
			}
		}
		return count;
	}

	private static OrganisationCmd org(OrgKind kind, String name, Long parent, String area, LocalDate start,
			List<Seat> committee, List<Unit> units) {
		return new OrganisationCmd(kind, name, parent, area, start, start.plusYears(kind == OrgKind.BRANCH
				|| kind == OrgKind.GROUP ? 3 : 5).minusDays(1), committee, units);
	}

	private static List<Seat> committee(Random random, int size) {
		List<Seat> seats = new ArrayList<>();
		seats.add(new Seat(CommitteePost.SECRETARY, DemoNames.person(random), null));
		if (size > 2) {
			seats.add(new Seat(CommitteePost.DEPUTY_SECRETARY, DemoNames.person(random), null));
		}
		for (int i = seats.size(); i < size; i++) {
			seats.add(new Seat(CommitteePost.MEMBER, DemoNames.person(random), null));
		}
		return seats;
	}

	private static String phone(Random random) {
		return "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
	}

}
