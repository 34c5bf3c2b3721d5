package org.gongzhi.party;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One criterion of a year's star rating (评定指标) as the worksheet saves it; the code keeps an existing criterion and
 * its scores, a blank code adds a new one.
 */
public record CriterionCmd(
		@Size(max = 32, message = "{party.rating.code.size}") String code,
		@NotBlank(message = "{party.rating.name.required}") @Size(max = 50, message = "{party.rating.name.size}") String name,
		@NotNull(message = "{party.rating.weight.required}") @Min(value = 0, message = "{party.rating.weight.range}")
		@Max(value = 100, message = "{party.rating.weight.range}") Integer weight,
		RatingSource source) {
}
