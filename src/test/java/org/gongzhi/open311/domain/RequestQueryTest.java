package org.gongzhi.open311.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gongzhi.cases.CaseFilter;
import org.gongzhi.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The search window and record limit of {@code GET requests}: the specification's defaults (the last 90 days, at
 * most 1000 records), its 90-day cap on a given range, and service_request_id overriding every other filter.
 */
class RequestQueryTest {

	static final Instant NOW = Instant.parse("2026-06-30T04:00:00Z");

	@Test
	void withoutDatesTheLastNinetyDaysUpToNowAtMostAThousandNewestFirst() {
		CaseFilter filter = RequestQuery.parse(null, null, null, null, null).toFilter(NOW);

		assertThat(filter.from()).isEqualTo(NOW.minus(Duration.ofDays(90)));
		assertThat(filter.to()).isEqualTo(NOW);
		assertThat(filter.limit()).isEqualTo(1000);
		assertThat(filter.caseNos()).isEmpty();
		assertThat(filter.categoryCodes()).isEmpty();
		assertThat(filter.open()).isNull();
	}

	@Test
	void aStartDateAloneReachesNinetyDaysForward() {
		CaseFilter filter = RequestQuery.parse(null, null, "2026-01-01T00:00:00+08:00", null, null).toFilter(NOW);

		assertThat(filter.from()).isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
		assertThat(filter.to()).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
		assertThat(filter.limit()).isEqualTo(1000);
	}

	@Test
	void anEndDateAloneReachesNinetyDaysBack() {
		CaseFilter filter = RequestQuery.parse(null, null, null, "2026-04-01T00:00:00Z", null).toFilter(NOW);

		assertThat(filter.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(filter.to()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
	}

	@Test
	void bothDatesAreTakenAsGivenUpToNinetyDays() {
		CaseFilter filter = RequestQuery
			.parse(null, "0102, 1101", "2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z", "open").toFilter(NOW);

		assertThat(filter.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(filter.to()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
		assertThat(filter.categoryCodes()).containsExactly("0102", "1101");
		assertThat(filter.open()).isTrue();
	}

	@Test
	void aRangeOverNinetyDaysOrBackwardsIsRefused() {
		RequestQuery tooLong = RequestQuery.parse(null, null, "2026-01-01T00:00:00Z", "2026-04-01T00:00:01Z", null);
		RequestQuery backwards = RequestQuery.parse(null, null, "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", null);

		assertThatThrownBy(() -> tooLong.toFilter(NOW)).isInstanceOfSatisfying(DomainException.class, ex -> {
			assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(ex.messageKey()).isEqualTo("open311.error.dateSpan");
		});
		assertThatThrownBy(() -> backwards.toFilter(NOW)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("open311.error.dateOrder"));
	}

	@Test
	void serviceRequestIdsOverrideEveryOtherFilter() {
		CaseFilter filter = RequestQuery
			.parse("C1, C2,,C1", "0102", "2020-01-01T00:00:00Z", "2020-02-01T00:00:00Z", "closed").toFilter(NOW);

		assertThat(filter.caseNos()).containsExactly("C1", "C2");
		assertThat(filter.categoryCodes()).isEmpty();
		assertThat(filter.from()).isNull();
		assertThat(filter.to()).isNull();
		assertThat(filter.open()).isNull();
		assertThat(filter.limit()).isEqualTo(1000);
	}

	@Test
	void statusIsOpenClosedOrBoth() {
		assertThat(RequestQuery.status("open")).isTrue();
		assertThat(RequestQuery.status("CLOSED")).isFalse();
		assertThat(RequestQuery.status("open,closed")).isNull();
		assertThat(RequestQuery.status("")).isNull();
		assertThatThrownBy(() -> RequestQuery.status("pending")).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST));
	}

	@Test
	void datesCarryTheirZoneAndUnencodedPlusSignsAreForgiven() {
		Instant expected = Instant.parse("2026-03-01T01:30:00Z");

		assertThat(RequestQuery.date("start_date", "2026-03-01T09:30:00+08:00")).isEqualTo(expected);
		assertThat(RequestQuery.date("start_date", "2026-03-01T09:30:00 08:00")).isEqualTo(expected);
		assertThat(RequestQuery.date("start_date", "2026-03-01T01:30:00Z")).isEqualTo(expected);
		assertThat(RequestQuery.date("start_date", "2026-03-01T09:30:00")).isEqualTo(expected);
		assertThat(RequestQuery.date("start_date", "2026-03-01")).isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
		assertThat(RequestQuery.date("start_date", " ")).isNull();
		assertThatThrownBy(() -> RequestQuery.date("end_date", "yesterday"))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.args()).containsExactly("end_date");
			});
	}

	@Test
	void theSearchIsBuiltFromTheParsedLists() {
		assertThat(RequestQuery.list(" a, b ,a,,")).isEqualTo(List.of("a", "b"));
		assertThat(RequestQuery.list(null)).isEmpty();
	}

}
