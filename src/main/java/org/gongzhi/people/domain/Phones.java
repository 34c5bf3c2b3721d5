package org.gongzhi.people.domain;

/**
 * Phone numbers as the registry accepts them: an 11-digit mobile number or a landline with its area code.
 */
final class Phones {

	static final String PATTERN = "^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$";

	private Phones() {
	}

	static boolean valid(String phone) {
		return phone != null && phone.strip().matches(PATTERN);
	}

	/** Only the digits, as the blind index is built from them. */
	static String digits(String phone) {
		return phone == null ? null : phone.replaceAll("\\D", "");
	}

}
