package org.gongzhi.open311.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the reporter's name and phone from an Open311 client become the case's reporter fields.
 */
class ReporterFieldsTest {

	@Test
	void chineseNamesPutTheFamilyNameFirst() {
		assertThat(GeoReport.name("小明", "王")).isEqualTo("王小明");
		assertThat(GeoReport.name("Ming", "Wang")).isEqualTo("Ming Wang");
		assertThat(GeoReport.name(null, "王")).isEqualTo("王");
		assertThat(GeoReport.name(" ", null)).isNull();
		assertThat(GeoReport.name("x".repeat(40), "y".repeat(40))).hasSize(50);
	}

	@Test
	void phonesAreNormalisedOrDropped() {
		assertThat(GeoReport.phone("138 1234 5678")).isEqualTo("13812345678");
		assertThat(GeoReport.phone("+86 13812345678")).isEqualTo("13812345678");
		assertThat(GeoReport.phone("010-12345678")).isEqualTo("010-12345678");
		assertThat(GeoReport.phone("+1 415 555 0100")).isNull();
		assertThat(GeoReport.phone("")).isNull();
	}

}
