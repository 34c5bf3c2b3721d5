package org.gongzhi.party;

/**
 * Who the signed-in user offers resources as (提供方): their unit through a linked unit account, or their own Party
 * member record.
 */
public record ProviderView(ProviderKind kind, long id, String key, String name) {
}
