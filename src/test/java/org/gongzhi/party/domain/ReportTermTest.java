package org.gongzhi.party.domain;

import java.time.LocalDate;
import java.time.Period;

import org.gongzhi.party.ReportStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The life of an accepted 双报到: valid for the configured period from acceptance, then expired, renewable in its last
 * month.
 */
class ReportTermTest {

	private final ReportTerm sixMonths = new ReportTerm(Period.ofMonths(6));

	@Test
	void anAcceptanceIsValidForSixMonthsByDefault() {
		LocalDate accepted = LocalDate.of(2026, 3, 10);
		LocalDate last = sixMonths.expiresOn(accepted);
		assertThat(last).isEqualTo(LocalDate.of(2026, 9, 9));
		assertThat(ReportTerm.statusOn("ACCEPTED", last, last)).isEqualTo(ReportStatus.ACCEPTED);
		assertThat(ReportTerm.statusOn("ACCEPTED", last, last.plusDays(1))).isEqualTo(ReportStatus.EXPIRED);
	}

	@Test
	void aShorterConfiguredPeriodExpiresSooner() {
		ReportTerm oneMonth = new ReportTerm(Period.ofMonths(1));
		LocalDate last = oneMonth.expiresOn(LocalDate.of(2026, 1, 15));
		assertThat(last).isEqualTo(LocalDate.of(2026, 2, 14));
		assertThat(ReportTerm.statusOn("ACCEPTED", last, LocalDate.of(2026, 3, 1))).isEqualTo(ReportStatus.EXPIRED);
	}

	@Test
	void pendingAndRefusedReportsNeverExpire() {
		LocalDate today = LocalDate.of(2027, 1, 1);
		assertThat(ReportTerm.statusOn("PENDING", null, today)).isEqualTo(ReportStatus.PENDING);
		assertThat(ReportTerm.statusOn("REFUSED", null, today)).isEqualTo(ReportStatus.REFUSED);
		assertThat(ReportTerm.statusOn(null, null, today)).isNull();
	}

	@Test
	void renewalOpensThirtyDaysBeforeTheEnd() {
		LocalDate today = LocalDate.of(2026, 6, 1);
		assertThat(ReportTerm.renewable(today.plusDays(31), today)).isFalse();
		assertThat(ReportTerm.renewable(today.plusDays(30), today)).isTrue();
		assertThat(ReportTerm.renewable(today.minusDays(1), today)).isTrue();
	}

	@Test
	void aZeroPeriodIsRefused() {
		assertThatThrownBy(() -> new ReportTerm(Period.ZERO)).isInstanceOf(IllegalArgumentException.class);
	}

}
