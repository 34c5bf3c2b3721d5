package org.gongzhi.shared;

/**
 * Shows personal numbers masked, the one way every page, export and API does it (e.g. {@code 138****5678}).
 */
public final class Masking {

	private Masking() {
	}

	/** A mobile number with the middle four digits hidden, or {@code null} for a blank one. */
	public static String phone(String phone) {
		if (phone == null || phone.isBlank()) {
			return null;
		}
		String p = phone.strip();
		return p.length() < 7 ? "****" : p.substring(0, 3) + "****" + p.substring(p.length() - 4);
	}

}
