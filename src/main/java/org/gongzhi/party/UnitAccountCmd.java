package org.gongzhi.party;

import jakarta.validation.constraints.NotNull;

/**
 * Links a sign-in account to a unit (驻区单位账号): the account then publishes resources and claims needs for the
 * unit's Party organisation, or for one member unit of a joint organisation.
 */
public record UnitAccountCmd(@NotNull(message = "{party.lists.user.required}") Long userId,
		@NotNull(message = "{party.organisation.required}") Long organisationId, Long memberUnitId) {
}
