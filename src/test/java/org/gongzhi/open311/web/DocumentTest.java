package org.gongzhi.open311.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.open311.web.Document.fields;

/**
 * One GeoReport document, two renderings: JSON arrays and objects, XML with the item element names, empty elements for
 * missing values and text that stays well-formed.
 */
class DocumentTest {

	@Test
	void aListRendersAsAJsonArrayAndAsNamedXmlItems() {
		Document doc = new Document("service_requests", new Document.Items("request",
				List.of(fields("service_request_id", "C1", "lat", 39.9, "account_id", null))));

		assertThat(doc.render(Format.JSON)).isEqualTo("[{\"service_request_id\":\"C1\",\"lat\":39.9,\"account_id\":null}]");
		assertThat(doc.render(Format.XML)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests>"
				+ "<request><service_request_id>C1</service_request_id><lat>39.9</lat><account_id/></request>"
				+ "</service_requests>");
	}

	@Test
	void textIsEscapedAndCharactersXmlCannotCarryAreDropped() {
		Document doc = new Document("errors", new Document.Items("error",
				List.of(fields("code", 400, "description", "<b>&\u0001井盖</b>"))));

		assertThat(doc.render(Format.XML)).contains("<description>&lt;b&gt;&amp;井盖&lt;/b&gt;</description>");
		assertThat(doc.render(Format.JSON)).isEqualTo("[{\"code\":400,\"description\":\"<b>&\\u0001井盖</b>\"}]");
	}

	@Test
	void datesAreInShanghaiTimeWithTheirOffset() {
		assertThat(Representations.date(Instant.parse("2026-03-01T01:30:00.123Z")))
			.isEqualTo("2026-03-01T09:30:00+08:00");
		assertThat(Representations.date(null)).isNull();
	}

	@Test
	void theFormatIsTheExtension() {
		assertThat(Format.split("0101.xml")).isEqualTo(new Format.Resource("0101", Format.XML));
		assertThat(Format.split("0101.JSON")).isEqualTo(new Format.Resource("0101", Format.JSON));
		assertThat(Format.split("0101")).isEqualTo(new Format.Resource("0101", Format.JSON));
		assertThat(Format.split("0101.csv")).isEqualTo(new Format.Resource("0101.csv", Format.JSON));
		assertThat(Format.of("csv")).isEmpty();
		assertThat(Format.ofPath("/open311/v2/requests.xml")).isEqualTo(Format.XML);
	}

}
