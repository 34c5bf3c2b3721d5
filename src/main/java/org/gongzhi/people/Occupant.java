package org.gongzhi.people;

import java.time.LocalDate;

/**
 * Someone living in a house, as the house view lists them; tenants (租户) are marked.
 */
public record Occupant(long residentId, String name, HouseholdRelation relation, boolean tenant, LocalDate movedInOn,
		String phoneMasked) {
}
