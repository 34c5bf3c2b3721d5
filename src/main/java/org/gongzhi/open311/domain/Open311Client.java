package org.gongzhi.open311.domain;

import java.time.Instant;

/**
 * An Open311 client (接入方) as the administration page lists it; its API key is never kept, only its hash.
 */
public record Open311Client(long id, String name, boolean enabled, Instant createdAt, String createdBy) {
}
