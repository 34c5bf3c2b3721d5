package org.gongzhi.people;

/**
 * The kind of identity document (证件类型) a resident's number belongs to; only the resident identity card is checked
 * with the GB 11643 check digit.
 */
public enum IdType {

	/** 居民身份证 */
	RESIDENT_ID,
	/** 护照 */
	PASSPORT,
	/** 港澳居民来往内地通行证 */
	HK_MACAO_PERMIT,
	/** 台湾居民来往大陆通行证 */
	TAIWAN_PERMIT,
	/** 外国人永久居留身份证 */
	FOREIGNER_PERMANENT_ID,
	/** 其他证件 */
	OTHER;

	public String messageKey() {
		return "people.idType." + name();
	}

}
