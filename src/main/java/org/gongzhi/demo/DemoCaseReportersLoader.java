package org.gongzhi.demo;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.DataScope;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.identity.UserSummary;
import org.gongzhi.people.ResidentQuery;
import org.gongzhi.people.ResidentSort;
import org.gongzhi.people.ResidentSummary;
import org.gongzhi.people.Residents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links some demo hotline cases to the demo residents who called (诉求人), after both the cases and the people are
 * loaded, so the person card shows cases reported: in each community, 40 hotline cases go to 20 residents of that
 * community, two each, with the resident's name and masked phone as the reporter's. The residents are read through
 * the registry's own search; the link is the case's reporter resident id, as intake would have set it.
 */
@Component
@Order(13)
class DemoCaseReportersLoader implements ApplicationRunner {

	static final int RESIDENTS_PER_COMMUNITY = 20;

	private static final Logger log = LoggerFactory.getLogger(DemoCaseReportersLoader.class);

	private final boolean enabled;

	private final Residents residents;

	private final Areas areas;

	private final UserDirectory users;

	private final DemoOnce once;

	private final JdbcClient jdbc;

	DemoCaseReportersLoader(@Value("${gongzhi.demo:true}") boolean demo,
			@Value("${gongzhi.demo.people:true}") boolean demoPeople, Residents residents, Areas areas,
			UserDirectory users, DemoOnce once, JdbcClient jdbc) {
		this.enabled = demo && demoPeople;
		this.residents = residents;
		this.areas = areas;
		this.users = users;
		this.once = once;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<UserSummary> admin = users.findByUsername("admin");
		if (!enabled || admin.isEmpty()) {
			return;
		}
		GongzhiUser system = new GongzhiUser(admin.get().id(), admin.get().username(), admin.get().displayName(), null,
				true, true, Set.of(Role.SYSTEM_ADMIN), DataScope.everything());
		once.run("gongzhi.demo.case-reporters", this::linked, status -> {
			int cases = 0;
			for (AreaView community : areas.ofLevel(AreaLevel.COMMUNITY)) {
				if (community.code().startsWith(DemoStreetPlan.STREET_CODE)) {
					cases += link(system, community.code());
				}
			}
			if (cases > 0) {
				log.info("Demo case reporters: {} hotline cases linked to residents", cases);
			}
		});
	}

	private boolean linked() {
		return jdbc.sql("select exists (select 1 from cases.case_record where reporter_resident_id is not null"
				+ " and street_code = :street)").param("street", DemoStreetPlan.STREET_CODE).query(Boolean.class)
			.single();
	}

	private int link(GongzhiUser system, String communityCode) {
		List<ResidentSummary> callers = residents.search(system, new ResidentQuery(null, communityCode, null, null,
				null, false, null, 0, RESIDENTS_PER_COMMUNITY * 3, ResidentSort.NAME, false))
			.items().stream().filter(r -> r.phoneMasked() != null && r.age() != null && r.age() >= 18)
			.limit(RESIDENTS_PER_COMMUNITY).toList();
		List<Long> cases = jdbc.sql("""
				select id from cases.case_record
				 where community_code = :community and channel = 'HOTLINE' and reporter_resident_id is null
				 order by received_at desc limit :n
				""").param("community", communityCode).param("n", callers.size() * 2).query(Long.class).list();
		for (int i = 0; i < cases.size(); i++) {
			ResidentSummary caller = callers.get(i % callers.size());
			jdbc.sql("""
					update cases.case_record set reporter_resident_id = :resident, reporter_name = :name,
					       reporter_phone_masked = :phone
					 where id = :id
					""").param("resident", caller.id()).param("name", caller.name())
				.param("phone", caller.phoneMasked()).param("id", cases.get(i)).update();
		}
		return cases.size();
	}

}
