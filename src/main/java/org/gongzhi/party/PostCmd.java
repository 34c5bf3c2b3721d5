package org.gongzhi.party;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Publishes a service post in a community (设岗): kind, title, the skills it asks for and how many members it needs.
 */
public record PostCmd(
		@NotBlank(message = "{party.community.required}") @Pattern(regexp = "^\\d{12}$", message = "{party.community.pattern}") String communityCode,
		@NotNull(message = "{party.postKind.required}") PostKind kind,
		@NotBlank(message = "{party.title.required}") @Size(max = 100, message = "{party.title.size}") String title,
		@Size(max = 200, message = "{party.skills.size}") String skills,
		@NotNull(message = "{party.headcount.required}") @Min(value = 1, message = "{party.headcount.range}") @Max(value = 500, message = "{party.headcount.range}") Integer headcount,
		@Size(max = 500, message = "{party.description.size}") String description) {
}
