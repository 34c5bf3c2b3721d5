package org.gongzhi.people;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Creating or changing a person group (the code never changes once created).
 */
public record PersonGroupCmd(
		@NotBlank(message = "{people.group.code.required}") @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,31}$", message = "{people.group.code.pattern}") String code,
		@NotBlank(message = "{people.group.name.required}") @Size(max = 30, message = "{people.group.name.size}") String name,
		@NotNull(message = "{people.group.kind.required}") GroupKind kind,
		@Min(value = 1, message = "{people.group.cadence}") @Max(value = 366, message = "{people.group.cadence}") Integer visitCadenceDays,
		boolean enabled,
		int sort) {
}
