package org.gongzhi.people.domain;

import java.time.LocalDate;

import org.gongzhi.people.Gender;
import org.gongzhi.people.IdType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumbersTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@Test
	void acceptsTheStandardExampleWithItsCheckDigit() {
		// GB 11643 example number: 11010519491231002X
		assertThat(IdNumbers.checkDigit("11010519491231002")).isEqualTo('X');
		assertThat(IdNumbers.valid("11010519491231002X", TODAY)).isTrue();
		assertThat(IdNumbers.birthDate("11010519491231002X")).contains(LocalDate.of(1949, 12, 31));
		assertThat(IdNumbers.gender("11010519491231002X")).contains(Gender.FEMALE);
	}

	@Test
	void refusesAWrongCheckDigitAnImpossibleDateAndBadShapes() {
		assertThat(IdNumbers.checkDigitValid("110105194912310021")).isFalse();
		String feb30 = "1101051949023000" + "1";
		assertThat(IdNumbers.valid(feb30 + IdNumbers.checkDigit(feb30), TODAY)).isFalse();
		String future = "11010520991231001";
		assertThat(IdNumbers.valid(future + IdNumbers.checkDigit(future), TODAY)).isFalse();
		assertThat(IdNumbers.wellFormed("1101051949123100")).isFalse();
		assertThat(IdNumbers.wellFormed("01010519491231002X")).isFalse();
		assertThat(IdNumbers.wellFormed("11010519491231002Y")).isFalse();
	}

	@Test
	void normalisesSpacesAndLowerCaseX() {
		assertThat(IdNumbers.normalise(" 110105 19491231002x ")).isEqualTo("11010519491231002X");
	}

	@Test
	void masksResidentIdsAsSixStarsFour() {
		assertThat(IdNumbers.mask(IdType.RESIDENT_ID, "110101199003071234")).isEqualTo("110101********1234");
		assertThat(IdNumbers.mask(IdType.PASSPORT, "E12345678")).isEqualTo("E****5678");
		assertThat(IdNumbers.mask(IdType.OTHER, "12345")).isEqualTo("***45");
		assertThat(IdNumbers.tail("11010519491231002X")).isEqualTo("002X");
	}

	/** A valid synthetic resident ID number for tests. */
	static String valid(String area6, LocalDate birth, int seq3, boolean male) {
		int s = seq3 - seq3 % 2 + (male ? 1 : 0);
		String first17 = area6 + birth.toString().replace("-", "") + String.format("%03d", s);
		return first17 + IdNumbers.checkDigit(first17);
	}

}
