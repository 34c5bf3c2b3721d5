package org.gongzhi.identity.domain;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\t" })
	void aPasswordIsRequired(String password) {
		assertThat(PasswordPolicy.violation(password)).isEqualTo("user.password.required");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "a1", "abc1234" })
	void shorterThanEightCharactersIsTooShort(String password) {
		assertThat(PasswordPolicy.violation(password)).isEqualTo("user.password.length");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abcdefgh", "12345678", "!!!!????", "Gongzhi@Pass" })
	void lettersAndDigitsAreBothNeeded(String password) {
		assertThat(PasswordPolicy.violation(password)).isEqualTo("user.password.weak");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abcd1234", "Gongzhi@2026", "1234567a", "密码密码密码密码1" })
	void eightOrMoreCharactersWithLettersAndDigitsAreAccepted(String password) {
		assertThat(PasswordPolicy.violation(password)).isNull();
	}

	@Test
	void theLimitIsSeventyTwoBytesNotCharacters() {
		String ascii72 = "a1" + "x".repeat(70);
		assertThat(PasswordPolicy.violation(ascii72)).isNull();
		assertThat(PasswordPolicy.violation(ascii72 + "x")).isEqualTo("user.password.length");
		String chinese24 = "密".repeat(23) + "1";
		assertThat(chinese24.getBytes(StandardCharsets.UTF_8)).hasSize(70);
		assertThat(PasswordPolicy.violation(chinese24)).isNull();
		assertThat(PasswordPolicy.violation("密" + chinese24)).as("73 bytes in 25 characters")
			.isEqualTo("user.password.length");
	}

}
