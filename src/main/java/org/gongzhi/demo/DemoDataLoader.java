package org.gongzhi.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.gongzhi.shared.Masking;
import org.gongzhi.area.AreaAdministration;
import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.NewArea;
import org.gongzhi.area.StaffDuty;
import org.gongzhi.identity.NewUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.UserAccounts;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo street once, on the first start with demo data on; several nodes starting together load it once
 * (a transaction-level advisory lock, then a check whether it is already there).
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

	static final String PASSWORD = "Gongzhi@2026";

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final boolean enabled;

	private final AreaAdministration areas;

	private final UserAccounts users;

	private final DemoOnce once;

	DemoDataLoader(@Value("${gongzhi.demo:true}") boolean enabled, AreaAdministration areas, UserAccounts users,
			DemoOnce once) {
		this.enabled = enabled;
		this.areas = areas;
		this.users = users;
		this.once = once;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		once.run("gongzhi.demo", () -> areas.exists(DemoStreetPlan.STREET_CODE), status -> {
			long started = System.currentTimeMillis();
			DemoStreetPlan plan = DemoStreetPlan.generate(2026);
			loadAreas(plan);
			loadUsers(plan);
			log.info("Demo street loaded in {} ms", System.currentTimeMillis() - started);
		});
	}

	private void loadAreas(DemoStreetPlan plan) {
		Map<String, String> gridTypes = new HashMap<>();
		plan.grids().forEach(g -> gridTypes.put(g.code(), g.type()));
		Map<String, DemoStreetPlan.Point> points = new HashMap<>();
		plan.buildingPoints().forEach(p -> points.put(p.code(), p));
		List<NewArea> list = new ArrayList<>();
		for (DemoStreetPlan.Area a : plan.areas()) {
			AreaLevel level = AreaLevel.valueOf(a.level().name());
			DemoStreetPlan.Point p = points.get(a.code());
			list.add(new NewArea(a.code(), a.parentCode(), level, a.name(), a.sort(), gridTypes.get(a.code()),
					p == null ? null : p.lng(), p == null ? null : p.lat()));
		}
		Map<String, Geometry> boundaries = new HashMap<>();
		plan.boundaries().forEach(b -> boundaries.put(b.code(), b.polygon()));
		areas.createAll(list, boundaries);
	}

	private void loadUsers(DemoStreetPlan plan) {
		String street = DemoStreetPlan.STREET_CODE;
		List<DemoStreetPlan.Area> communities = plan.areas().stream()
			.filter(a -> a.level() == DemoStreetPlan.Level.COMMUNITY).toList();
		List<DemoStreetPlan.Area> grids = plan.areas().stream().filter(a -> a.level() == DemoStreetPlan.Level.GRID)
			.toList();
		String community = communities.get(0).code();
		String grid = grids.get(0).code();

		users.ensureDepartment("CGZF", "城管执法队", street);
		users.ensureDepartment("SZSR", "市政市容委", street);
		users.ensureDepartment("STHJ", "生态环境局", street);
		users.ensureDepartment("ZJW", "住房城乡建设委", street);
		users.ensureDepartment("PCS", "和平派出所", street);

		user("admin", "系统管理员", Role.SYSTEM_ADMIN, null, true, null);
		user("street", "王建国（街道管理员）", Role.STREET_ADMIN, street, false, null);
		user("community", "李秀英（社区工作者）", Role.COMMUNITY_STAFF, community, false, null);
		long gridUser = user("grid", "张伟（网格员）", Role.GRID_WORKER, grid, false, null);
		user("dept", "刘洋（城管执法队）", Role.DEPARTMENT_HANDLER, street, false, "CGZF");
		user("clerk", "陈静（热线坐席）", Role.HOTLINE_CLERK, street, false, null);
		user("secretary", "杨光明（党组织书记）", Role.PARTY_SECRETARY, community, false, null);
		user("member", "赵磊（党员）", Role.PARTY_MEMBER, null, false, null);
		user("volunteer", "黄丽（志愿者）", Role.VOLUNTEER, null, false, null);
		user("leader", "周海（街道领导）", Role.LEADER, street, false, null);
		user("resident", "吴芳（居民）", Role.RESIDENT, null, false, null);

		Random random = new Random(2026);
		areas.assign(grid, StaffDuty.GRID_WORKER_FULL, gridUser, "张伟（网格员）", "139****0001");
		for (int i = 1; i < grids.size(); i++) {
			String code = grids.get(i).code();
			String name = DemoNames.person(random);
			String username = "gw" + code.substring(code.length() - 6);
			String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
			long id = users.create(new NewUser(username, name, PASSWORD, Set.of(Role.GRID_WORKER), code, false, null,
					phone));
			areas.assign(code, StaffDuty.GRID_WORKER_FULL, id, name, Masking.phone(phone));
			if (random.nextInt(3) == 0) {
				areas.assign(code, StaffDuty.GRID_WORKER_PART, null, DemoNames.person(random), null);
			}
		}
		for (DemoStreetPlan.Area a : plan.areas()) {
			if (a.level() == DemoStreetPlan.Level.BUILDING && random.nextInt(3) > 0) {
				areas.assign(a.code(), StaffDuty.BUILDING_CHIEF, null, DemoNames.person(random), null);
			}
			else if (a.level() == DemoStreetPlan.Level.UNIT && random.nextInt(4) == 0) {
				areas.assign(a.code(), StaffDuty.UNIT_CHIEF, null, DemoNames.person(random), null);
			}
		}
	}

	private long user(String username, String name, Role role, String area, boolean all, String department) {
		return users.create(new NewUser(username, name, PASSWORD, Set.of(role), area, all, department, null));
	}

}
