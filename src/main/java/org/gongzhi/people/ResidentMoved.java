package org.gongzhi.people;

import java.time.LocalDate;

/**
 * Published when a resident's living or registered address changed (搬迁, 户籍迁移 or 迁出).
 *
 * @param toRoomCode the new standard address, or null when the resident left the area
 */
public record ResidentMoved(long residentId, AddressChange.Kind kind, String fromRoomCode, String toRoomCode,
		LocalDate on) {
}
