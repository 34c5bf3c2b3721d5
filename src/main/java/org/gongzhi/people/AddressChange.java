package org.gongzhi.people;

import java.time.LocalDate;

/**
 * One entry of a resident's address history (迁入 / 迁出): which address, of which kind, from when until when. Moving
 * closes the current entry and opens a new one; entries are never deleted.
 *
 * @param roomCode the standard address, or null for an address outside the registry's area
 * @param to the day the resident moved out, or null for the current address
 */
public record AddressChange(Kind kind, String roomCode, String address, String communityCode, LocalDate from,
		LocalDate to, String note, String recordedBy) {

	/** Which of a resident's two addresses changed. */
	public enum Kind {

		/** 户籍地址 */
		REGISTERED,
		/** 居住地址 */
		LIVING;

		public String messageKey() {
			return "people.addressKind." + name();
		}

	}

}
