package org.gongzhi.party;

import java.time.Instant;

/**
 * A resource (资源) as the lists and the API show it: who offers it, what and where, and how many projects it serves
 * now and its provider has completed.
 */
public record ResourceView(long id, ProviderKind providerKind, String providerKey, String providerName,
		ResourceKind kind, NeedCategory category, String title, String description, String capacity,
		String availability, String areaCode, String areaName, Double lng, Double lat, boolean open,
		Instant createdAt, long liveProjects, long providerDelivered) {
}
