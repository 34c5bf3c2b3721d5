package org.gongzhi.party;

import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Publishes a community need (发布需求): the community or grid it belongs to, title, category, where it comes from
 * (with the case number for a recurring case), an optional point and the date it is wanted by.
 */
public record NeedCmd(
		@NotBlank(message = "{party.lists.area.required}") @Pattern(regexp = "^\\d{12}(\\d{3})?$", message = "{party.lists.area.pattern}") String areaCode,
		@NotBlank(message = "{party.lists.title.required}") @Size(max = 100, message = "{party.lists.title.size}") String title,
		@NotNull(message = "{party.lists.category.required}") NeedCategory category,
		@Size(max = 1000, message = "{party.lists.description.size}") String description,
		@NotNull(message = "{party.lists.source.required}") NeedSource source,
		@Size(max = 32, message = "{party.lists.caseNo.size}") String caseNo,
		@DecimalMin(value = "-180", message = "{party.lists.lng.range}") @DecimalMax(value = "180", message = "{party.lists.lng.range}") Double lng,
		@DecimalMin(value = "-90", message = "{party.lists.lat.range}") @DecimalMax(value = "90", message = "{party.lists.lat.range}") Double lat,
		LocalDate wantedBy) {
}
