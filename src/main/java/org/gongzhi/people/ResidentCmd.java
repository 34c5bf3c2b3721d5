package org.gongzhi.people;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Registering or changing one resident by hand (the form and the API). On a change, a blank ID number or phone keeps
 * the stored one (callers only ever see them masked). The ID number of a 居民身份证 must pass the GB 11643 check and
 * match the birth date.
 *
 * @param registeredRoomCode the registered address as a standard address when it lies in the registry's area
 * @param registeredAddress the registered address as text (户籍地址), for addresses elsewhere
 * @param livingRoomCode the standard address where the resident lives (a room code)
 * @param groupCodes care and key groups; key groups only by users granted them
 * @param movedInOn when the resident moved in, defaults to today
 */
public record ResidentCmd(
		@NotBlank(message = "{people.name.required}") @Size(max = 50, message = "{people.name.size}") String name,
		@NotNull(message = "{people.gender.required}") Gender gender,
		@Size(max = 20, message = "{people.ethnicity.size}") String ethnicity,
		LocalDate birthDate,
		@NotNull(message = "{people.idType.required}") IdType idType,
		@Size(max = 40, message = "{people.idNumber.size}") String idNumber,
		@Pattern(regexp = "^$|^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$", message = "{people.phone.pattern}") String phone,
		@NotNull(message = "{people.status.required}") RegistrationStatus registrationStatus,
		@Size(max = 24, message = "{people.room.unknown}") String registeredRoomCode,
		@Size(max = 200, message = "{people.address.size}") String registeredAddress,
		@Size(max = 24, message = "{people.room.unknown}") String livingRoomCode,
		HouseholdRelation relation,
		@Size(max = 20, message = "{people.groups.size}") List<String> groupCodes,
		@Size(max = 20, message = "{people.tags.size}") List<@Size(max = 20, message = "{people.tags.size}") String> tags,
		@Size(max = 500, message = "{people.note.size}") String note,
		LocalDate movedInOn) {
}
