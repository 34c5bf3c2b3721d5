package org.gongzhi.open311.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.gongzhi.open311.domain.Attribute;
import org.gongzhi.open311.domain.Receipt;
import org.gongzhi.open311.domain.RequestQuery;
import org.gongzhi.open311.domain.ServiceDefinition;
import org.gongzhi.open311.domain.ServiceRequestView;
import org.gongzhi.open311.domain.ServiceView;
import org.gongzhi.open311.domain.TokenView;

import static org.gongzhi.open311.web.Document.fields;

/**
 * The GeoReport v2 documents, field by field in the specification's order and with its element names: ids are
 * strings, dates W3C date-times with the +08:00 offset.
 */
final class Representations {

	static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

	private Representations() {
	}

	static Document discovery(String changeset, String contact, String keyService, String url) {
		return new Document("discovery", fields("changeset", changeset, "contact", contact, "key_service", keyService,
				"endpoints", new Document.Items("endpoint", List.of(fields("specification", SPECIFICATION, "url", url,
						"changeset", changeset, "type", "production", "formats",
						new Document.Items("format", List.of("text/xml", "application/json")))))));
	}

	static Document services(List<ServiceView> services) {
		return new Document("services", new Document.Items("service", services.stream()
			.map(s -> fields("service_code", s.code(), "service_name", s.name(), "description", s.description(),
					"metadata", s.metadata(), "type", s.type(), "keywords", s.keywords(), "group", s.group()))
			.toList()));
	}

	static Document definition(ServiceDefinition definition) {
		return new Document("service_definition", fields("service_code", definition.serviceCode(), "attributes",
				new Document.Items("attribute", definition.attributes().stream().map(Representations::attribute)
					.toList())));
	}

	private static Object attribute(Attribute a) {
		return fields("variable", true, "code", a.code(), "datatype", a.datatype(), "required", a.required(),
				"datatype_description", a.datatypeDescription(), "order", a.order(), "description", a.description(),
				"values", new Document.Items("value", a.values().stream()
					.map(v -> fields("key", v.key(), "name", v.name())).toList()));
	}

	static Document receipt(Receipt receipt) {
		return new Document("service_requests", new Document.Items("request", List.of(fields("service_request_id",
				receipt.serviceRequestId(), "service_notice", receipt.serviceNotice(), "account_id",
				receipt.accountId()))));
	}

	static Document token(TokenView token) {
		return new Document("service_requests", new Document.Items("request",
				List.of(fields("service_request_id", token.serviceRequestId(), "token", token.token()))));
	}

	static Document requests(List<ServiceRequestView> requests) {
		return new Document("service_requests", new Document.Items("request", requests.stream()
			.map(r -> fields("service_request_id", r.serviceRequestId(), "status", r.status(), "status_notes",
					r.statusNotes(), "service_name", r.serviceName(), "service_code", r.serviceCode(), "description",
					r.description(), "agency_responsible", r.agencyResponsible(), "service_notice", r.serviceNotice(),
					"requested_datetime", date(r.requested()), "updated_datetime", date(r.updated()),
					"expected_datetime", date(r.expected()), "address", r.address(), "address_id", r.addressId(),
					"zipcode", r.zipcode(), "lat", r.lat(), "long", r.lng(), "media_url", r.mediaUrl()))
			.toList()));
	}

	/** One error per description, all with the same code. */
	static Document errors(int code, List<String> descriptions) {
		return new Document("errors", new Document.Items("error",
				descriptions.stream().map(d -> fields("code", code, "description", d)).toList()));
	}

	/** A W3C date-time in Asia/Shanghai to the second, e.g. {@code 2026-03-01T09:30:00+08:00}. */
	static String date(Instant instant) {
		return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(RequestQuery.ZONE).toOffsetDateTime());
	}

}
