package org.gongzhi.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gongzhi.area.Areas;
import org.gongzhi.identity.DataScope;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.identity.UserSummary;
import org.gongzhi.people.Gender;
import org.gongzhi.people.GrantKind;
import org.gongzhi.people.GroupKind;
import org.gongzhi.people.HouseCmd;
import org.gongzhi.people.HouseUse;
import org.gongzhi.people.HouseholdRelation;
import org.gongzhi.people.IdType;
import org.gongzhi.people.ImportMode;
import org.gongzhi.people.ImportReport;
import org.gongzhi.people.NewResident;
import org.gongzhi.people.PeopleAdministration;
import org.gongzhi.people.PersonGroupView;
import org.gongzhi.people.RecordVisitCmd;
import org.gongzhi.people.RegistrationStatus;
import org.gongzhi.people.ResidentQuery;
import org.gongzhi.people.ResidentSummary;
import org.gongzhi.people.Residents;
import org.gongzhi.people.UnitCmd;
import org.gongzhi.people.UnitKind;
import org.gongzhi.people.VisitKind;
import org.gongzhi.shared.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo people (DemoPeoplePlan) after the demo street, once: skipped when any resident exists, when the
 * demo street is not there, or when gongzhi.demo.people is false (GONGZHI_DEMO_PEOPLE). Everything goes through the
 * people module's bulk import and administration facade, in one transaction under an advisory lock so that several
 * nodes load it once.
 */
@Component
@Order(12)
class DemoPeopleLoader implements ApplicationRunner {

	static final long SEED = 2026;

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Logger log = LoggerFactory.getLogger(DemoPeopleLoader.class);

	private final boolean enabled;

	private final PeopleAdministration people;

	private final Residents residents;

	private final Areas areas;

	private final UserDirectory users;

	private final DemoOnce once;

	DemoPeopleLoader(@Value("${gongzhi.demo:true}") boolean demo,
			@Value("${gongzhi.demo.people:true}") boolean demoPeople, PeopleAdministration people,
			Residents residents, Areas areas, UserDirectory users, DemoOnce once) {
		this.enabled = demo && demoPeople;
		this.people = people;
		this.residents = residents;
		this.areas = areas;
		this.users = users;
		this.once = once;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		once.run("gongzhi.demo.people",
				() -> areas.find(DemoStreetPlan.STREET_CODE).isEmpty() || people.anyResident(), status -> {
			long started = System.currentTimeMillis();
			DemoPeoplePlan plan = DemoPeoplePlan.generate(DemoStreetPlan.generate(2026), SEED,
					LocalDate.now(ZONE));
			long planned = System.currentTimeMillis();
			if (!load(plan)) {
				status.setRollbackOnly();
				return;
			}
			log.info("Demo people loaded in {} ms ({} ms planning): {} residents, {} houses, {} units, {} visits",
					System.currentTimeMillis() - started, planned - started, plan.residents().size(),
					plan.houses().size(), plan.units().size(), plan.visits().size());
		});
	}

	/** Loads the plan; false when the registry refused it (logged, nothing kept). */
	boolean load(DemoPeoplePlan plan) {
		Map<String, String> codes = new HashMap<>();
		for (PersonGroupView g : people.groups()) {
			codes.put(g.name(), g.code());
		}
		long t0 = System.currentTimeMillis();
		ImportReport report = people.importResidents(residents(plan, codes), ImportMode.CREATE_ONLY);
		if (!report.errors().isEmpty()) {
			log.error("Demo people refused by the registry ({} errors), first: {}", report.errors().size(),
					report.errors().subList(0, Math.min(5, report.errors().size())));
			return false;
		}
		long t1 = System.currentTimeMillis();
		people.saveHouses(plan.houses().stream().map(DemoPeopleLoader::house).toList());
		long t2 = System.currentTimeMillis();
		people.createUnits(plan.units().stream().map(u -> unit(plan, u)).toList());
		grants(codes);
		long t3 = System.currentTimeMillis();
		visits(plan, codes);
		log.info("Demo people: residents {} ms, houses {} ms, units and grants {} ms, visits {} ms", t1 - t0, t2 - t1,
				t3 - t2, System.currentTimeMillis() - t3);
		return true;
	}

	private static List<NewResident> residents(DemoPeoplePlan plan, Map<String, String> codes) {
		List<NewResident> list = new ArrayList<>(plan.residents().size());
		for (DemoPeoplePlan.Resident r : plan.residents()) {
			List<String> groups = new ArrayList<>();
			r.careGroups().forEach(g -> Optional.ofNullable(codes.get(g)).ifPresent(groups::add));
			r.keyGroups().forEach(g -> Optional.ofNullable(codes.get(g)).ifPresent(groups::add));
			list.add(new NewResident(r.name(), r.gender() == DemoPeoplePlan.Gender.MALE ? Gender.MALE : Gender.FEMALE,
					r.ethnicity(), r.birthDate(), IdType.valueOf(r.idType().name()), r.idNumber(), r.phone(),
					status(r.registration()), r.registeredAddress(), r.registeredRoomCode(), r.roomCode(),
					relation(r.relation()), groups, List.of(), r.note(), r.livingSince()));
		}
		return list;
	}

	static RegistrationStatus status(DemoPeoplePlan.Registration registration) {
		return switch (registration) {
			case LOCAL -> RegistrationStatus.HOUSEHOLD;
			case FLOATING -> RegistrationStatus.FLOATING;
			case OVERSEAS -> RegistrationStatus.OVERSEAS;
			case UNSETTLED -> RegistrationStatus.UNSETTLED;
		};
	}

	static HouseholdRelation relation(String relation) {
		return switch (relation) {
			case "户主" -> HouseholdRelation.HEAD;
			case "配偶" -> HouseholdRelation.SPOUSE;
			case "子", "女" -> HouseholdRelation.CHILD;
			case "父亲", "母亲", "公公", "婆婆", "岳父", "岳母" -> HouseholdRelation.PARENT;
			case "孙子", "孙女" -> HouseholdRelation.GRANDCHILD;
			case "兄弟姐妹" -> HouseholdRelation.SIBLING;
			default -> HouseholdRelation.OTHER;
		};
	}

	private static HouseCmd house(DemoPeoplePlan.House h) {
		return new HouseCmd(h.roomCode(), HouseUse.valueOf(h.use().name()), h.ownerName(), h.ownerPhone(),
				h.areaSqm(), null);
	}

	private static UnitCmd unit(DemoPeoplePlan plan, DemoPeoplePlan.Unit u) {
		String area = u.roomCode() != null ? u.roomCode() : u.buildingCode();
		return new UnitCmd(u.name(), UnitKind.valueOf(u.kind().name()), u.creditCode(), area,
				plan.address(area).replace(" ", ""), u.contactName(), u.contactPhone(), u.staff(), null);
	}

	/** Street staff may reveal numbers and see every key group; community staff may reveal numbers. */
	private void grants(Map<String, String> codes) {
		users.findByUsername("street").ifPresent(u -> {
			people.grant(u.id(), GrantKind.REVEAL_NUMBERS, null);
			people.groups().stream().filter(g -> g.kind() == GroupKind.KEY)
				.forEach(g -> people.grant(u.id(), GrantKind.KEY_GROUP, g.code()));
		});
		users.findByUsername("community").ifPresent(u -> people.grant(u.id(), GrantKind.REVEAL_NUMBERS, null));
	}

	/**
	 * Past visits by each grid's worker: care visits to the care group members (found by group through the registry's
	 * own search, matched on living room, name and birth date) and household visits to addresses.
	 */
	private void visits(DemoPeoplePlan plan, Map<String, String> codes) {
		Optional<UserSummary> admin = users.findByUsername("admin");
		if (admin.isEmpty()) {
			return;
		}
		GongzhiUser system = new GongzhiUser(admin.get().id(), admin.get().username(), admin.get().displayName(), null,
				true, true, Set.of(Role.SYSTEM_ADMIN), DataScope.everything());
		Map<String, Long> ids = new HashMap<>();
		for (String group : DemoPeoplePlan.CARE_GROUPS) {
			String code = codes.get(group);
			if (code == null) {
				continue;
			}
			int page = 0;
			PageResult<ResidentSummary> result;
			do {
				result = residents.search(system,
						new ResidentQuery(null, null, null, null, code, null, null, page++, 100));
				result.items().forEach(s -> ids.put(s.livingRoomCode() + s.name() + s.birthDate(), s.id()));
			}
			while (result.hasNext());
		}
		Map<String, DemoPeoplePlan.Resident> byKey = new HashMap<>();
		plan.residents().forEach(r -> byKey.put(r.key(), r));
		Map<String, Optional<UserSummary>> workers = new HashMap<>();
		for (DemoPeoplePlan.Visit v : plan.visits()) {
			Optional<UserSummary> worker = workers.computeIfAbsent(v.gridCode(), this::gridWorker);
			if (worker.isEmpty()) {
				continue;
			}
			DemoPeoplePlan.Resident r = byKey.get(v.residentKey());
			Long id = v.care() ? ids.get(r.roomCode() + r.name() + r.birthDate()) : null;
			if (v.care() && id == null) {
				continue;
			}
			Instant at = plan.asOf().minusDays(v.daysAgo()).atTime(9 + v.daysAgo() % 8, (v.daysAgo() * 7) % 60)
				.atZone(ZONE).toInstant();
			people.recordVisit(worker.get().id(), worker.get().displayName(),
					new RecordVisitCmd(id, v.care() ? null : v.roomCode(), v.care() ? VisitKind.CARE
							: VisitKind.HOUSEHOLD, at, v.findings(), v.followUp(), null));
		}
	}

	/** The full-time grid worker account of a demo grid: grid for the first grid, gw and six digits for the others. */
	private Optional<UserSummary> gridWorker(String gridCode) {
		Optional<UserSummary> worker = users.findByUsername("gw" + gridCode.substring(gridCode.length() - 6));
		return worker.isPresent() ? worker
				: users.findByUsername("grid").filter(u -> u.roles().contains(Role.GRID_WORKER));
	}

}
