package org.gongzhi.identity;

/**
 * Account creation for start-up work (demo data, first administrator) outside the identity module's own pages.
 */
public interface UserAccounts {

	/** Creates a user and returns its id; fails with {@link IllegalArgumentException} when the username is taken. */
	long create(NewUser user);

	/** Creates a department (职能部门) if it does not exist. */
	void ensureDepartment(String code, String name, String areaCode);

	boolean anyUserExists();

}
