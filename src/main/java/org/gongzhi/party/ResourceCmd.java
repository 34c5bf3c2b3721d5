package org.gongzhi.party;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Publishes a resource (发布资源): what kind, which category it helps with, how much or how many, when it is
 * available and where. Without a provider the caller offers it as their own unit or member record; staff may name a
 * provider in their scope to record an offer on its behalf.
 */
public record ResourceCmd(
		ProviderKind providerKind,
		Long providerId,
		@NotNull(message = "{party.lists.kind.required}") ResourceKind kind,
		@NotNull(message = "{party.lists.category.required}") NeedCategory category,
		@NotBlank(message = "{party.lists.title.required}") @Size(max = 100, message = "{party.lists.title.size}") String title,
		@Size(max = 1000, message = "{party.lists.description.size}") String description,
		@Size(max = 100, message = "{party.lists.capacity.size}") String capacity,
		@Size(max = 100, message = "{party.lists.availability.size}") String availability,
		@Pattern(regexp = "^$|^\\d{9,24}$", message = "{party.lists.resourceArea.pattern}") String areaCode,
		@DecimalMin(value = "-180", message = "{party.lists.lng.range}") @DecimalMax(value = "180", message = "{party.lists.lng.range}") Double lng,
		@DecimalMin(value = "-90", message = "{party.lists.lat.range}") @DecimalMax(value = "90", message = "{party.lists.lat.range}") Double lat) {
}
