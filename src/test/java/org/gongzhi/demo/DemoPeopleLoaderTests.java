package org.gongzhi.demo;

import java.time.LocalDate;
import java.time.ZoneId;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.people.HouseQuery;
import org.gongzhi.people.HouseUse;
import org.gongzhi.people.Houses;
import org.gongzhi.people.PeopleGroups;
import org.gongzhi.people.ResidentQuery;
import org.gongzhi.people.ResidentSummary;
import org.gongzhi.people.Residents;
import org.gongzhi.people.UnitQuery;
import org.gongzhi.people.Units;
import org.gongzhi.people.Visits;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo people as the first start loads them through the people module's facade: every planned resident, house
 * and unit, 人户分离 residents seen by both communities, care members with visit history, the demo grants, and a
 * second start that loads nothing again.
 */
@GongzhiTest
class DemoPeopleLoaderTests {

	static final String COMMUNITY = "110199001001";

	@Autowired
	DemoPeopleLoader loader;

	@Autowired
	SignInService signIn;

	@Autowired
	Residents residents;

	@Autowired
	Houses houses;

	@Autowired
	Units units;

	@Autowired
	Visits visits;

	@Autowired
	PeopleGroups groups;

	static DemoPeoplePlan plan = DemoPeoplePlan.generate(DemoStreetPlan.generate(2026), DemoPeopleLoader.SEED,
			LocalDate.now(ZoneId.of("Asia/Shanghai")));

	@Test
	void everyPlannedResidentHouseAndUnitIsInTheRegistry() {
		GongzhiUser admin = user("admin");
		long total = residents.search(admin, new ResidentQuery(null, null, null, null, null, null, null, 0, 1)).total();
		assertThat(total).isBetween((long) plan.residents().size(), plan.residents().size() + 200L);
		assertThat(houses.search(admin, new HouseQuery(null, null, null, 0, 1)).total())
			.isEqualTo(plan.houses().size());
		long rented = plan.houses().stream().filter(h -> h.use() == DemoPeoplePlan.HouseUse.RENTED).count();
		assertThat(houses.search(admin, new HouseQuery(null, HouseUse.RENTED, null, 0, 1)).total()).isEqualTo(rented);
		assertThat(units.search(admin, new UnitQuery(null, null, null, 0, 1)).total())
			.isEqualTo(plan.units().size());

		DemoPeoplePlan.Resident first = plan.residents().get(0);
		ResidentSummary found = residents.search(admin, ResidentQuery.search(first.idNumber())).items().get(0);
		assertThat(found.name()).isEqualTo(first.name());
		assertThat(found.birthDate()).isEqualTo(first.birthDate());
		assertThat(found.livingRoomCode()).isEqualTo(first.roomCode());
	}

	@Test
	void separatedResidentsAreSeenByTheCommunityTheyAreRegisteredIn() {
		DemoPeoplePlan.Resident away = plan.residents().stream()
			.filter(r -> r.separated() && COMMUNITY.equals(r.registeredCommunityCode())).findFirst().orElseThrow();
		ResidentSummary seen = residents.search(user("community"), ResidentQuery.search(away.idNumber())).items().get(0);
		assertThat(seen.separated()).isTrue();
		assertThat(seen.communityCode()).isEqualTo(away.communityCode()).isNotEqualTo(COMMUNITY);
	}

	@Test
	void careMembersHaveVisitHistoryAndTheDemoGrantsAreThere() {
		DemoPeoplePlan.Visit visit = plan.visits().stream().filter(DemoPeoplePlan.Visit::care).findFirst().orElseThrow();
		DemoPeoplePlan.Resident visited = plan.residents().stream()
			.filter(r -> r.key().equals(visit.residentKey())).findFirst().orElseThrow();
		GongzhiUser admin = user("admin");
		long id = residents.search(admin, ResidentQuery.search(visited.idNumber())).items().get(0).id();
		assertThat(visits.ofResident(admin, id)).isNotEmpty()
			.anySatisfy(v -> assertThat(v.findings()).isEqualTo(visit.findings()));

		assertThat(groups.canReveal(user("street"))).isTrue();
		assertThat(groups.canReveal(user("community"))).isTrue();
		assertThat(groups.canReveal(user("grid"))).isFalse();
	}

	@Test
	void theDemoGridWorkerHasOverdueCareVisitsOnTheFirstDay() {
		assertThat(visits.overdue(user("grid"), null, 0, 20).total()).isPositive();
	}

	@Test
	void aSecondStartLoadsNothing() {
		GongzhiUser admin = user("admin");
		long before = residents.search(admin, new ResidentQuery(null, null, null, null, null, null, null, 0, 1)).total();
		loader.run(null);
		assertThat(residents.search(admin, new ResidentQuery(null, null, null, null, null, null, null, 0, 1)).total())
			.isEqualTo(before);
	}

	private GongzhiUser user(String username) {
		return signIn.loadUserByUsername(username);
	}

}
