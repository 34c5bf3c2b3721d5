package org.gongzhi.open311.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.gongzhi.open311.domain.GeoReport;
import org.gongzhi.open311.domain.NewServiceRequest;
import org.gongzhi.open311.domain.RequestQuery;
import org.gongzhi.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Open311 GeoReport v2 at {@code /open311/v2/}: every resource in XML or JSON by its extension ({@code .xml},
 * {@code .json}; JSON without one). Reads are public; filing a request needs the client's {@code api_key}.
 */
@RestController
@RequestMapping("/open311")
class GeoReportController {

	/** When this endpoint's interface last changed (the discovery document's changeset). */
	static final String CHANGESET = "2026-11-22T00:00:00+08:00";

	private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]+)\\](\\[\\])?");

	private final GeoReport geoReport;

	private final MessageSource messages;

	private final String contact;

	private final String keyService;

	GeoReportController(GeoReport geoReport, MessageSource messages,
			@Value("${gongzhi.open311.contact:}") String contact,
			@Value("${gongzhi.open311.key-service:}") String keyService) {
		this.geoReport = geoReport;
		this.messages = messages;
		this.contact = contact;
		this.keyService = keyService;
	}

	@GetMapping({ "/discovery", "/discovery.{format}", "/v2/discovery", "/v2/discovery.{format}" })
	ResponseEntity<String> discovery(@PathVariable(required = false) String format, HttpServletRequest request) {
		String url = ServletUriComponentsBuilder.fromContextPath(request).path("/open311/v2").toUriString();
		return answer(format(format), Representations.discovery(CHANGESET,
				contact.isBlank() ? message("open311.discovery.contact") : contact,
				keyService.isBlank() ? message("open311.discovery.keyService") : keyService, url));
	}

	@GetMapping({ "/v2/services", "/v2/services.{format}" })
	ResponseEntity<String> services(@PathVariable(required = false) String format) {
		Format f = format(format);
		return answer(f, Representations.services(geoReport.services()));
	}

	@GetMapping("/v2/services/{resource}")
	ResponseEntity<String> service(@PathVariable String resource) {
		Format.Resource r = Format.split(resource);
		return answer(r.format(), Representations.definition(geoReport.definition(r.id())));
	}

	@PostMapping({ "/v2/requests", "/v2/requests.{format}" })
	ResponseEntity<String> submit(@PathVariable(required = false) String format, HttpServletRequest request) {
		Format f = format(format);
		Map<String, String[]> params = request.getParameterMap();
		Map<String, List<String>> attributes = new LinkedHashMap<>();
		params.forEach((name, values) -> {
			Matcher m = ATTRIBUTE.matcher(name);
			if (m.matches()) {
				attributes.computeIfAbsent(m.group(1), k -> new ArrayList<>()).addAll(List.of(values));
			}
		});
		NewServiceRequest submitted = new NewServiceRequest(first(params, "api_key"), first(params, "service_code"),
				first(params, "lat"), first(params, "long"), first(params, "address_string"),
				first(params, "address_id"), first(params, "email"), first(params, "device_id"),
				first(params, "account_id"), first(params, "first_name"), first(params, "last_name"),
				first(params, "phone"), first(params, "description"), first(params, "media_url"), attributes);
		return answer(f, Representations.receipt(geoReport.submit(submitted)));
	}

	@GetMapping({ "/v2/requests", "/v2/requests.{format}" })
	ResponseEntity<String> requests(@PathVariable(required = false) String format,
			@RequestParam(name = "service_request_id", required = false) String serviceRequestId,
			@RequestParam(name = "service_code", required = false) String serviceCode,
			@RequestParam(name = "start_date", required = false) String startDate,
			@RequestParam(name = "end_date", required = false) String endDate,
			@RequestParam(required = false) String status) {
		Format f = format(format);
		RequestQuery query = RequestQuery.parse(serviceRequestId, serviceCode, startDate, endDate, status);
		return answer(f, Representations.requests(geoReport.requests(query)));
	}

	@GetMapping("/v2/requests/{resource}")
	ResponseEntity<String> request(@PathVariable String resource) {
		Format.Resource r = Format.split(resource);
		return answer(r.format(), Representations.requests(List.of(geoReport.request(r.id()))));
	}

	@GetMapping("/v2/tokens/{resource}")
	ResponseEntity<String> token(@PathVariable String resource) {
		Format.Resource r = Format.split(resource);
		return answer(r.format(), Representations.token(geoReport.token(r.id())));
	}

	/** Anything else under {@code /open311/} is the specification's 404. */
	@RequestMapping("/**")
	ResponseEntity<String> unknown() {
		throw DomainException.notFound("open311.error.notFound");
	}

	static ResponseEntity<String> answer(Format format, Document document) {
		return answer(HttpStatus.OK, format, document);
	}

	static ResponseEntity<String> answer(HttpStatus status, Format format, Document document) {
		return ResponseEntity.status(status).contentType(format.mediaType()).cacheControl(CacheControl.noCache())
			.body(document.render(format));
	}

	private static Format format(String extension) {
		return Format.of(extension).orElseThrow(() -> DomainException.notFound("open311.error.format", extension));
	}

	private static String first(Map<String, String[]> params, String name) {
		String[] values = params.get(name);
		return values == null || values.length == 0 ? null : values[0];
	}

	private String message(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
