package org.gongzhi.people;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Moving a resident (迁移): a new living address (搬迁) or a new registered address (户籍迁移). A living move without
 * a room code means the resident left the registry's area (迁出); the old address stays in the history.
 *
 * @param toRoomCode the new standard address, or null when moving out of the area
 * @param toAddress the destination as text when it lies outside the area
 * @param on the day of the move, defaults to today
 */
public record MoveCmd(
		@NotNull(message = "{people.move.kind.required}") AddressChange.Kind kind,
		@Size(max = 24, message = "{people.room.unknown}") String toRoomCode,
		@Size(max = 200, message = "{people.address.size}") String toAddress,
		LocalDate on,
		@Size(max = 500, message = "{people.note.size}") String note) {
}
