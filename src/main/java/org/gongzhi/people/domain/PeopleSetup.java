package org.gongzhi.people.domain;

import java.util.List;

import org.gongzhi.people.GrantKind;
import org.gongzhi.people.HouseCmd;
import org.gongzhi.people.ImportMode;
import org.gongzhi.people.ImportReport;
import org.gongzhi.people.NewResident;
import org.gongzhi.people.PeopleAdministration;
import org.gongzhi.people.PersonGroupView;
import org.gongzhi.people.RecordVisitCmd;
import org.gongzhi.people.UnitCmd;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk set-up behind {@link PeopleAdministration}, for the demo data and initial loads: the same validation and
 * writing paths as the pages and the Excel import, without a caller or a scope.
 */
@Service
public class PeopleSetup implements PeopleAdministration {

	private final ResidentImporter importer;

	private final HouseRegistry houses;

	private final UnitRegistry units;

	private final VisitBook visits;

	private final GroupCatalogue groups;

	private final GroupStore groupStore;

	private final JdbcClient jdbc;

	PeopleSetup(ResidentImporter importer, HouseRegistry houses, UnitRegistry units, VisitBook visits,
			GroupCatalogue groups, GroupStore groupStore, JdbcClient jdbc) {
		this.importer = importer;
		this.houses = houses;
		this.units = units;
		this.visits = visits;
		this.groups = groups;
		this.groupStore = groupStore;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean anyResident() {
		return jdbc.sql("select exists (select 1 from people.resident)").query(Boolean.class).single();
	}

	@Override
	public ImportReport importResidents(List<NewResident> residents, ImportMode mode) {
		return importer.importList(residents, mode == null ? ImportMode.CREATE_ONLY : mode);
	}

	@Override
	public void saveHouses(List<HouseCmd> list) {
		houses.saveAll(list);
	}

	@Override
	public void createUnits(List<UnitCmd> list) {
		units.createAll(list);
	}

	@Override
	public void recordVisit(long visitorUserId, String visitorName, RecordVisitCmd cmd) {
		visits.recordAs(visitorUserId, visitorName, cmd);
	}

	@Override
	public void grant(long userId, GrantKind kind, String groupCode) {
		groups.grantAs(userId, kind, groupCode, "system");
	}

	@Override
	@Transactional(readOnly = true)
	public List<PersonGroupView> groups() {
		return groupStore.all().stream().filter(PersonGroupView::enabled).toList();
	}

}
