package org.gongzhi.people;

/**
 * A person group named on a resident in lists (e.g. 独居老人); key groups appear only for users granted them.
 */
public record GroupTag(String code, String name, GroupKind kind) {
}
