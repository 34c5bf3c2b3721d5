package org.gongzhi.party;

import java.time.LocalDate;

import org.gongzhi.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Quarters as the service card reads them: 2026Q3 spans July to September, the quarter of a day, the one before the
 * first quarter is the last of the year before, and anything else written is a 400 naming the quarter parameter.
 */
class QuarterTest {

	@Test
	void aQuarterSpansItsThreeMonths() {
		Quarter q = Quarter.parse("2026Q3");
		assertThat(q.firstDay()).isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(q.lastDay()).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(Quarter.parse(" 2024q1 ").lastDay()).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(Quarter.of(LocalDate.of(2026, 11, 23))).isEqualTo(new Quarter(2026, 4));
		assertThat(new Quarter(2026, 1).previous()).isEqualTo(new Quarter(2025, 4));
		assertThat(q).hasToString("2026Q3");
	}

	@Test
	void anythingElseIsABadRequestOnTheQuarterField() {
		for (String text : new String[] { "2026Q0", "2026Q5", "26Q3", "2026-Q3", "Q3", "", null, "1999Q4" }) {
			assertThatThrownBy(() -> Quarter.parse(text)).isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.status().value()).isEqualTo(400);
				assertThat(ex.field()).isEqualTo("quarter");
				assertThat(ex.messageKey()).isEqualTo("party.card.quarter.invalid");
			});
		}
	}

}
