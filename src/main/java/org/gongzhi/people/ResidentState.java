package org.gongzhi.people;

/**
 * Whether a resident still lives in the registry's area; residents are never deleted, a departure only changes this.
 */
public enum ResidentState {

	/** 在住 */
	LIVING,
	/** 已迁出 */
	MOVED_AWAY,
	/** 已死亡 */
	DECEASED;

	public String messageKey() {
		return "people.state." + name();
	}

}
