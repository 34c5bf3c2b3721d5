package org.gongzhi.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Granting a user a permission on personal data (system administrators only).
 *
 * @param groupCode the key group, required for KEY_GROUP grants
 */
public record GrantCmd(@NotBlank(message = "{people.grant.user.required}") String username,
		@NotNull(message = "{people.grant.kind.required}") GrantKind kind, String groupCode) {
}
