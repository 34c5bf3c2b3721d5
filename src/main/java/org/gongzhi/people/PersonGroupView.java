package org.gongzhi.people;

/**
 * A configurable care group (关爱人群, e.g. 独居老人) or key group (重点人群, e.g. 社区矫正) with its visit cadence.
 *
 * @param visitCadenceDays days between visits, or null when members need no scheduled visits
 */
public record PersonGroupView(String code, String name, GroupKind kind, Integer visitCadenceDays, boolean enabled,
		int sort) {
}
