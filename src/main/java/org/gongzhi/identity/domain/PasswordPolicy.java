package org.gongzhi.identity.domain;

/**
 * 密码规则: at least 8 characters with both letters and digits, at most 72 bytes (the bcrypt limit).
 */
final class PasswordPolicy {

	private PasswordPolicy() {
	}

	/** The message key of the first rule the password breaks, or {@code null} when it is acceptable. */
	static String violation(String password) {
		if (password == null || password.isBlank()) {
			return "user.password.required";
		}
		if (password.length() < 8 || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
			return "user.password.length";
		}
		boolean letter = password.chars().anyMatch(Character::isLetter);
		boolean digit = password.chars().anyMatch(Character::isDigit);
		return letter && digit ? null : "user.password.weak";
	}

}
