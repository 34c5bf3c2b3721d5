package org.gongzhi.people;

import java.time.LocalDate;
import java.util.List;

/**
 * A resident as lists, search results and exports show them: numbers masked, the living address resolved to its
 * community and grid, and the 人户分离 mark (registered in one community, living in another; both see the resident).
 *
 * @param idNumberMasked e.g. 110101 then eight asterisks then 1234
 * @param phoneMasked e.g. 138 then four asterisks then 5678, or null
 * @param livingRoomCode the standard address (an area module room code) where the resident lives, or null when they
 * live outside the registry's area (户在人不在)
 * @param communityCode community of the living address
 * @param registeredCommunityCode community of the registered address (户籍地) when it lies in the registry's area
 * @param separated 人户分离: the registered and the living community are both known and differ, or one lies outside
 * @param groups care groups, and key groups the caller is granted
 */
public record ResidentSummary(long id, String name, Gender gender, LocalDate birthDate, Integer age, String ethnicity,
		IdType idType, String idNumberMasked, String phoneMasked, RegistrationStatus registrationStatus,
		ResidentState state, String livingRoomCode, String livingAddress, String communityCode, String communityName,
		String gridCode, String gridName, String registeredCommunityCode, String registeredAddress, boolean separated,
		Long householdId, HouseholdRelation relation, List<GroupTag> groups, List<String> tags) {
}
