package org.gongzhi.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Recording what a house is used for and who owns it (creates the house record of a room or replaces it).
 */
public record HouseCmd(
		@NotBlank(message = "{people.room.required}") @Size(max = 24, message = "{people.room.unknown}") String roomCode,
		@NotNull(message = "{people.houseUse.required}") HouseUse use,
		@Size(max = 50, message = "{people.name.size}") String ownerName,
		@Pattern(regexp = "^$|^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$", message = "{people.phone.pattern}") String ownerPhone,
		@PositiveOrZero(message = "{people.house.area}") Double areaSqm,
		@Size(max = 500, message = "{people.note.size}") String note) {
}
