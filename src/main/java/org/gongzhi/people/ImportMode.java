package org.gongzhi.people;

/**
 * What an import does with an ID number already in the registry: refuse the row (the default), or update the
 * existing resident from the row (更新已有居民, chosen explicitly).
 */
public enum ImportMode {

	/** A known ID number is an error of its row. */
	CREATE_ONLY,
	/** A known ID number updates that resident. */
	UPDATE_EXISTING

}
