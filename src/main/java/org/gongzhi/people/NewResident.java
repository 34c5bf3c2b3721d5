package org.gongzhi.people;

import java.time.LocalDate;
import java.util.List;

/**
 * One resident of a bulk import (the Excel import and the demo data go through the same validation and insert).
 * Residents with the same living room form one household; the row whose relation is HEAD heads it.
 *
 * @param registeredRoomCode the registered address as a standard address, or null
 * @param livingRoomCode the standard address where the resident lives (required)
 * @param groupCodes care and key group codes
 * @param movedInOn defaults to the import day
 */
public record NewResident(String name, Gender gender, String ethnicity, LocalDate birthDate, IdType idType,
		String idNumber, String phone, RegistrationStatus registrationStatus, String registeredAddress,
		String registeredRoomCode, String livingRoomCode, HouseholdRelation relation, List<String> groupCodes,
		List<String> tags, String note, LocalDate movedInOn) {
}
