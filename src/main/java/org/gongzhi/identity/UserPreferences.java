package org.gongzhi.identity;

/**
 * Per-user display preferences that follow the user from device to device, such as the elder-friendly mode (适老化).
 */
public interface UserPreferences {

	boolean elderMode(long userId);

	void setElderMode(long userId, boolean on);

}
