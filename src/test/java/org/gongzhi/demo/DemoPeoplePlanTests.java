package org.gongzhi.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.gongzhi.demo.DemoPeoplePlan.Gender;
import org.gongzhi.demo.DemoPeoplePlan.House;
import org.gongzhi.demo.DemoPeoplePlan.HouseUse;
import org.gongzhi.demo.DemoPeoplePlan.Household;
import org.gongzhi.demo.DemoPeoplePlan.IdType;
import org.gongzhi.demo.DemoPeoplePlan.Registration;
import org.gongzhi.demo.DemoPeoplePlan.Resident;
import org.gongzhi.demo.DemoPeoplePlan.Unit;
import org.gongzhi.demo.DemoPeoplePlan.UnitKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo people: about 20,000 residents of a realistic mix, every ID number a valid 居民身份证 number of its holder's
 * birth date and gender, households with one head, houses for every room, units with valid credit codes, and the
 * same people for the same seed and day.
 */
class DemoPeoplePlanTests {

	static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);

	static DemoStreetPlan street;

	static DemoPeoplePlan plan;

	static Map<String, Resident> byKey;

	@BeforeAll
	static void generate() {
		street = DemoStreetPlan.generate(2026);
		plan = DemoPeoplePlan.generate(street, 2026, AS_OF);
		byKey = plan.residents().stream().collect(Collectors.toMap(Resident::key, r -> r));
	}

	@Test
	void aboutTwentyThousandResidentsInHouseholdsAcrossTheStreet() {
		assertThat(plan.residents()).hasSizeBetween(18_000, 23_000);
		assertThat(plan.residents().stream().map(Resident::communityCode).distinct()).hasSize(6);
		assertThat(plan.residents().stream().map(Resident::gridCode).distinct().count()).isGreaterThan(40);
		Map<String, Long> sizes = plan.residents().stream()
			.collect(Collectors.groupingBy(Resident::householdKey, Collectors.counting()));
		double mean = sizes.values().stream().mapToLong(Long::longValue).average().orElseThrow();
		assertThat(mean).isBetween(1.8, 3.0);
		assertThat(sizes.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 6L));
	}

	@Test
	void everyIdCardNumberIsValidAndMatchesItsHolder() {
		Set<String> numbers = new HashSet<>();
		for (Resident r : plan.residents()) {
			assertThat(numbers.add(r.idNumber())).as("unique %s", r.idNumber()).isTrue();
			if (r.idType() != IdType.RESIDENT_ID) {
				assertThat(r.registration()).isEqualTo(Registration.OVERSEAS);
				continue;
			}
			String id = r.idNumber();
			assertThat(id).as(r.toString()).matches("\\d{17}[\\dX]");
			assertThat(id).startsWith("110199");
			assertThat(id.substring(6, 14)).isEqualTo(r.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE));
			int sequence = Integer.parseInt(id.substring(14, 17));
			assertThat(sequence % 2 == 1).as("odd sequence for men %s", id).isEqualTo(r.gender() == Gender.MALE);
			assertThat(id.charAt(17)).as("check digit of %s", id).isEqualTo(iso7064Mod112(id.substring(0, 17)));
		}
	}

	@Test
	void checkDigitAgreesWithKnownNumbers() {
		// the sample number of GB 11643 and the sample code of GB 32100
		assertThat(DemoPeoplePlan.idCheckChar("11010519491231002")).isEqualTo('X');
		assertThat(DemoPeoplePlan.creditCheckChar("91350100M000100Y4")).isEqualTo('3');
	}

	@Test
	void phonesAreMobileNumbersAndUnique() {
		List<String> phones = plan.residents().stream().map(Resident::phone).filter(p -> p != null).toList();
		assertThat(phones).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).matches("1[3-9]\\d{9}"));
		assertThat(plan.residents().stream().filter(r -> r.phone() == null))
			.allSatisfy(r -> assertThat(r.ageOn(AS_OF)).satisfiesAnyOf(a -> assertThat(a).isLessThan(14),
					a -> assertThat(a).isGreaterThanOrEqualTo(80)));
	}

	@Test
	void agesGendersAndEthnicitiesAreRealistic() {
		assertThat(share(r -> r.ageOn(AS_OF) <= 14)).isBetween(0.08, 0.18);
		assertThat(share(r -> r.ageOn(AS_OF) >= 60)).isBetween(0.15, 0.30);
		assertThat(share(r -> r.ageOn(AS_OF) >= 18 && r.ageOn(AS_OF) < 60)).isBetween(0.50, 0.75);
		assertThat(share(r -> r.gender() == Gender.FEMALE)).isBetween(0.45, 0.55);
		assertThat(share(r -> "汉族".equals(r.ethnicity()))).isBetween(0.90, 0.99);
		assertThat(plan.residents()).allSatisfy(r -> {
			assertThat(r.birthDate()).isBeforeOrEqualTo(AS_OF);
			assertThat(r.ageOn(AS_OF)).isBetween(0, 100);
			assertThat(r.name()).matches("[\\u4e00-\\u9fa5·]{2,8}");
		});
	}

	@Test
	void registrationMixAndSeparatedResidents() {
		assertThat(share(r -> r.registration() == Registration.LOCAL)).isBetween(0.60, 0.85);
		assertThat(share(r -> r.registration() == Registration.FLOATING)).isBetween(0.12, 0.35);
		assertThat(share(r -> r.registration() == Registration.OVERSEAS)).isBetween(0.002, 0.02);
		assertThat(share(r -> r.registration() == Registration.UNSETTLED)).isBetween(0.001, 0.02);
		assertThat(share(Resident::separated)).isBetween(0.02, 0.10);
		Set<String> rooms = new HashSet<>();
		plan.houses().forEach(h -> rooms.add(h.roomCode()));
		assertThat(plan.residents().stream().filter(Resident::separated)).allSatisfy(r -> {
			assertThat(r.registration()).isEqualTo(Registration.LOCAL);
			assertThat(rooms).contains(r.registeredRoomCode());
			assertThat(r.registeredCommunityCode()).isNotEqualTo(r.communityCode());
			assertThat(r.registeredAddress()).startsWith("示范区和平街道");
		});
		assertThat(plan.residents().stream().filter(r -> r.registration() != Registration.UNSETTLED))
			.allSatisfy(r -> assertThat(r.registeredAddress()).isNotBlank());
	}

	@Test
	void aboutEightPercentInCareGroupsConsistentWithAgeAndGender() {
		assertThat(share(r -> !r.careGroups().isEmpty())).isBetween(0.06, 0.10);
		Set<String> used = new HashSet<>();
		Map<String, Long> householdSizes = plan.residents().stream()
			.collect(Collectors.groupingBy(Resident::householdKey, Collectors.counting()));
		for (Resident r : plan.residents()) {
			used.addAll(r.careGroups());
			assertThat(DemoPeoplePlan.CARE_GROUPS).containsAll(r.careGroups());
			int age = r.ageOn(AS_OF);
			if (r.careGroups().contains("留守儿童")) {
				assertThat(age).isLessThan(16);
			}
			if (r.careGroups().contains("空巢老人")) {
				assertThat(age).isGreaterThanOrEqualTo(60);
			}
			if (r.careGroups().contains("独居老人")) {
				assertThat(age).isGreaterThanOrEqualTo(60);
				assertThat(householdSizes.get(r.householdKey())).isEqualTo(1);
			}
			if (r.careGroups().contains("孕产妇")) {
				assertThat(r.gender()).isEqualTo(Gender.FEMALE);
				assertThat(age).isBetween(18, 49);
			}
			if (r.careGroups().contains("优抚对象")) {
				assertThat(age).isGreaterThanOrEqualTo(18);
			}
		}
		assertThat(used).containsExactlyInAnyOrderElementsOf(DemoPeoplePlan.CARE_GROUPS);
	}

	@Test
	void aFewAdultsInKeyGroups() {
		List<Resident> key = plan.residents().stream().filter(r -> !r.keyGroups().isEmpty()).toList();
		assertThat(key).hasSizeBetween(10, 40);
		assertThat(key).allSatisfy(r -> {
			assertThat(r.ageOn(AS_OF)).isGreaterThanOrEqualTo(18);
			assertThat(DemoPeoplePlan.KEY_GROUPS).containsAll(r.keyGroups());
		});
		assertThat(key.stream().flatMap(r -> r.keyGroups().stream()).distinct())
			.containsExactlyInAnyOrderElementsOf(DemoPeoplePlan.KEY_GROUPS);
	}

	@Test
	void householdsHaveOneHeadAndLiveInOneRoom() {
		Map<String, List<Resident>> members = plan.residents().stream()
			.collect(Collectors.groupingBy(Resident::householdKey));
		assertThat(members).hasSameSizeAs(plan.households());
		for (Household h : plan.households()) {
			List<Resident> list = members.get(h.key());
			assertThat(list.stream().filter(r -> "户主".equals(r.relation()))).hasSize(1);
			assertThat(byKey.get(h.headKey()).relation()).isEqualTo("户主");
			assertThat(list).allSatisfy(r -> assertThat(r.roomCode()).isEqualTo(h.roomCode()));
			assertThat(h.movedIn()).isBefore(AS_OF);
			if (h.previousRoomCode() != null) {
				assertThat(h.previousRoomCode()).isNotEqualTo(h.roomCode());
			}
		}
		assertThat(plan.households().stream().map(Household::roomCode)).doesNotHaveDuplicates();
		assertThat(plan.households().stream().filter(h -> h.previousRoomCode() != null).count()).isPositive();
		Set<String> relations = plan.residents().stream().map(Resident::relation).collect(Collectors.toSet());
		assertThat(relations).contains("户主", "配偶", "子", "女", "孙子", "孙女", "其他");
		assertThat(relations).containsAnyOf("父亲", "母亲", "公公", "婆婆", "岳父", "岳母");
	}

	@Test
	void everyRoomIsAHouseAndTenantsLiveInRentedHouses() {
		long rooms = street.areas().stream().filter(a -> a.level() == DemoStreetPlan.Level.ROOM).count();
		assertThat(plan.houses()).hasSize((int) rooms);
		assertThat(plan.houses().stream().map(House::roomCode)).doesNotHaveDuplicates();
		Map<HouseUse, Long> uses = plan.houses().stream()
			.collect(Collectors.groupingBy(House::use, Collectors.counting()));
		assertThat(uses.get(HouseUse.OWNER_OCCUPIED) / (double) rooms).isBetween(0.35, 0.65);
		assertThat(uses.get(HouseUse.RENTED) / (double) rooms).isBetween(0.10, 0.30);
		assertThat(uses.get(HouseUse.VACANT) / (double) rooms).isBetween(0.10, 0.40);
		assertThat(uses.get(HouseUse.COMMERCIAL) / (double) rooms).isBetween(0.02, 0.15);
		Map<String, Household> households = new HashMap<>();
		plan.households().forEach(h -> households.put(h.roomCode(), h));
		for (House house : plan.houses()) {
			Household h = households.get(house.roomCode());
			assertThat(house.ownerName()).isNotBlank();
			switch (house.use()) {
				case OWNER_OCCUPIED -> {
					assertThat(h.tenant()).isFalse();
					assertThat(house.ownerKey()).isEqualTo(h.headKey());
				}
				case RENTED -> {
					assertThat(h.tenant()).isTrue();
					assertThat(house.tenantKeys()).isNotEmpty()
						.allSatisfy(k -> assertThat(byKey.get(k).householdKey()).isEqualTo(h.key()));
				}
				default -> assertThat(h).isNull();
			}
		}
		assertThat(share(r -> r.note() != null && r.note().startsWith("租住"))).isPositive();
	}

	@Test
	void unitsOfEveryKindWithContactsGridsAndValidCreditCodes() {
		assertThat(plan.units()).hasSizeBetween(100, 400);
		assertThat(plan.units().stream().map(Unit::kind).distinct()).containsExactlyInAnyOrder(UnitKind.values());
		assertThat(plan.units().stream().map(Unit::name)).doesNotHaveDuplicates();
		Set<String> grids = street.grids().stream().map(DemoStreetPlan.GridInfo::code).collect(Collectors.toSet());
		assertThat(plan.units()).allSatisfy(u -> {
			assertThat(grids).contains(u.gridCode());
			assertThat(u.buildingCode()).startsWith(u.gridCode()).hasSize(18);
			if (u.roomCode() != null) {
				assertThat(u.roomCode()).startsWith(u.buildingCode());
			}
			assertThat(u.contactName()).isNotBlank();
			assertThat(u.contactPhone()).matches("1[3-9]\\d{9}");
			assertThat(u.creditCode()).hasSize(18).contains("110199");
			assertThat(u.creditCode().charAt(17)).isEqualTo(DemoPeoplePlan.creditCheckChar(u.creditCode().substring(0, 17)));
		});
		assertThat(plan.units().stream().filter(u -> u.kind() == UnitKind.SHOP))
			.allSatisfy(u -> assertThat(u.roomCode()).isNotNull());
	}

	@Test
	void everyCareGroupMemberHasBeenVisited() {
		assertThat(plan.visits()).isNotEmpty().allSatisfy(v -> {
			Resident r = byKey.get(v.residentKey());
			assertThat(r).isNotNull();
			assertThat(v.roomCode()).isEqualTo(r.roomCode());
			assertThat(v.gridCode()).isEqualTo(r.gridCode());
			assertThat(v.daysAgo()).isPositive();
			assertThat(v.findings()).isNotBlank();
			if (v.care()) {
				assertThat(r.careGroups()).isNotEmpty();
			}
		});
		Set<String> visited = plan.visits().stream().filter(v -> v.care()).map(v -> v.residentKey())
			.collect(Collectors.toSet());
		long care = plan.residents().stream().filter(r -> !r.careGroups().isEmpty()).count();
		assertThat(visited).hasSize((int) care);
	}

	@Test
	void theSameSeedAndDayGiveTheSamePeople() {
		DemoPeoplePlan again = DemoPeoplePlan.generate(DemoStreetPlan.generate(2026), 2026, AS_OF);
		assertThat(again.residents()).isEqualTo(plan.residents());
		assertThat(again.households()).isEqualTo(plan.households());
		assertThat(again.houses()).isEqualTo(plan.houses());
		assertThat(again.units()).isEqualTo(plan.units());
		assertThat(again.visits()).isEqualTo(plan.visits());
		DemoPeoplePlan other = DemoPeoplePlan.generate(street, 7, AS_OF);
		assertThat(other.residents().get(0)).isNotEqualTo(plan.residents().get(0));
		DemoPeoplePlan later = DemoPeoplePlan.generate(street, 2026, AS_OF.plusYears(1));
		assertThat(later.residents().get(0).ageOn(later.asOf())).isEqualTo(plan.residents().get(0).ageOn(AS_OF));
	}

	private static double share(Predicate<Resident> test) {
		return plan.residents().stream().filter(test).count() / (double) plan.residents().size();
	}

	/** ISO 7064 MOD 11-2 computed the iterative way, independent of the plan's weighted sum. */
	private static char iso7064Mod112(String digits) {
		int p = 0;
		for (char c : digits.toCharArray()) {
			p = ((p + (c - '0')) * 2) % 11;
		}
		int check = (12 - p) % 11;
		return check == 10 ? 'X' : (char) ('0' + check);
	}

}
