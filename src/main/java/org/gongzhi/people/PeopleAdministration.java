package org.gongzhi.people;

import java.util.List;

/**
 * Bulk set-up of the registry outside the module's pages and API (demo data, initial loads), without a signed-in
 * user and without a data scope. The demo data loader uses it instead of writing the module's tables.
 */
public interface PeopleAdministration {

	/** Whether any resident exists (demo data loads once). */
	boolean anyResident();

	/**
	 * Validates and imports residents exactly as the Excel import does, in one transaction: any invalid record rejects
	 * all (the errors number records from row 2, as if the list were a sheet under a header). Households form per
	 * living room.
	 */
	ImportReport importResidents(List<NewResident> residents, ImportMode mode);

	/** Records the use of many houses at once. */
	void saveHouses(List<HouseCmd> houses);

	/** Registers many units at once. */
	void createUnits(List<UnitCmd> units);

	/** Records a visit by a user, e.g. to give demo care groups a visit history. */
	void recordVisit(long visitorUserId, String visitorName, RecordVisitCmd cmd);

	/** Grants a user a permission (demo accounts); groupCode only for KEY_GROUP. */
	void grant(long userId, GrantKind kind, String groupCode);

	/** The enabled groups, care and key alike. */
	List<PersonGroupView> groups();

}
