package org.gongzhi.open311.domain;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.gongzhi.cases.CaseApi;
import org.gongzhi.cases.CaseEventView;
import org.gongzhi.cases.CaseView;
import org.gongzhi.cases.CategoryView;
import org.gongzhi.cases.Channel;
import org.gongzhi.cases.ReportCaseCmd;
import org.gongzhi.cases.RequestKind;
import org.gongzhi.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The GeoReport v2 operations over {@link CaseApi}: services are the enabled minor categories, a service request is a
 * case (its id is the case number) and filing one reports a complaint (投诉) through the Open311 channel on behalf of
 * the client that holds the api_key. Refusals are {@link DomainException}s with the status the specification asks
 * for: 400 for bad input (including the case module's own refusals), 403 for a missing or wrong api_key, 404 for an
 * unknown service, request or token.
 */
@Service
public class GeoReport {

	/** What the case module accepts as a phone number (see {@link ReportCaseCmd}). */
	static final Pattern PHONE = Pattern.compile("^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$");

	private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

	/** Text added to a case's description is in the language staff read cases in. */
	private static final Locale CASE_LOCALE = Locale.SIMPLIFIED_CHINESE;

	private final CaseApi cases;

	private final ClientRegistry clients;

	private final MessageSource messages;

	private final Validator validator;

	GeoReport(CaseApi cases, ClientRegistry clients, MessageSource messages, Validator validator) {
		this.cases = cases;
		this.clients = clients;
		this.messages = messages;
		this.validator = validator;
	}

	/** Every enabled minor category, in catalogue order. */
	public List<ServiceView> services() {
		List<CategoryView> categories = cases.categories();
		Map<String, CategoryView> majors = categories.stream().filter(CategoryView::major)
			.collect(Collectors.toMap(CategoryView::code, Function.identity(), (a, b) -> a));
		Locale locale = LocaleContextHolder.getLocale();
		return categories.stream().filter(c -> !c.major()).map(c -> {
			CategoryView major = majors.get(c.parentCode());
			String group = major == null ? null : major.name();
			String kind = messages.getMessage("open311.kind." + c.kind(), null, c.kind(), locale);
			String keywords = group == null ? kind : kind + "," + group;
			return new ServiceView(c.code(), c.name(), c.description() == null ? c.name() : c.description(),
					!Attribute.parse(c.attributes()).isEmpty(), "realtime", keywords, group);
		}).toList();
	}

	public ServiceDefinition definition(String serviceCode) {
		CategoryView category = service(serviceCode)
			.orElseThrow(() -> DomainException.notFound("open311.error.serviceNotFound", serviceCode));
		return new ServiceDefinition(category.code(), Attribute.parse(category.attributes()));
	}

	/**
	 * Files the request as a new case.
	 * @throws DomainException 403 without a valid api_key, 400 when a field is missing or wrong
	 * @throws ConstraintViolationException when the case command is invalid (e.g. a description over 2,000 characters)
	 */
	public Receipt submit(NewServiceRequest request) {
		Open311Client client = clients.authenticate(request.apiKey())
			.orElseThrow(() -> DomainException.forbidden("open311.error.apiKey"));
		String code = clean(request.serviceCode());
		if (code == null) {
			throw bad("open311.error.serviceCodeRequired");
		}
		CategoryView category = service(code).orElseThrow(() -> bad("open311.error.serviceUnknown", code));
		Double lat = null;
		Double lng = null;
		if (clean(request.lat()) != null || clean(request.lng()) != null) {
			lat = coordinate(request.lat(), 90);
			lng = coordinate(request.lng(), 180);
		}
		String address = clean(request.addressString()) != null ? clean(request.addressString())
				: clean(request.addressId());
		if (lat == null && address == null) {
			throw bad("open311.error.location");
		}
		List<String> notes = new ArrayList<>(answers(Attribute.parse(category.attributes()), request.attributes()));
		String phone = phone(request.phone());
		String mediaUrl = mediaUrl(request.mediaUrl());
		String description = description(clean(request.description()), notes, category.name());
		ReportCaseCmd cmd = new ReportCaseCmd(category.code(), RequestKind.COMPLAINT, description, lng, lat, address,
				name(request.firstName(), request.lastName()), phone,
				mediaUrl == null ? List.of() : List.of(mediaUrl), null, null)
			.via(Channel.OPEN311, client.name());
		Set<ConstraintViolation<ReportCaseCmd>> violations = validator.validate(cmd);
		if (!violations.isEmpty()) {
			throw new ConstraintViolationException(violations);
		}
		CaseView created;
		try {
			created = cases.report(cmd, "open311:" + client.name(), null);
		}
		catch (DomainException ex) {
			if (ex.status().is4xxClientError()) {
				throw new DomainException(HttpStatus.BAD_REQUEST, ex.messageKey(), ex.field(), null, ex.args());
			}
			throw ex;
		}
		return new Receipt(created.caseNo(), messages.getMessage("open311.notice.created",
				new Object[] { created.caseNo() }, LocaleContextHolder.getLocale()), null);
	}

	/** The requests the query asks for, newest first, at most {@value RequestQuery#MAX_RECORDS}. */
	public List<ServiceRequestView> requests(RequestQuery query) {
		List<CaseView> found = cases.search(query.toFilter(Instant.now())).stream()
			.sorted(Comparator.comparing(CaseView::receivedAt, Comparator.nullsLast(Comparator.reverseOrder())))
			.limit(RequestQuery.MAX_RECORDS)
			.toList();
		Map<String, List<CaseEventView>> timelines = cases.timelines(found.stream().map(CaseView::caseNo).toList());
		return found.stream().map(c -> view(c, timelines.getOrDefault(c.caseNo(), List.of()))).toList();
	}

	public ServiceRequestView request(String serviceRequestId) {
		return find(serviceRequestId).map(c -> view(c, cases.timeline(c.caseNo())))
			.orElseThrow(() -> DomainException.notFound("open311.error.requestNotFound", serviceRequestId));
	}

	/** Tokens are the case numbers of requests filed through Open311. */
	public TokenView token(String token) {
		return find(token).filter(c -> c.channel() == Channel.OPEN311)
			.map(c -> new TokenView(c.caseNo(), token))
			.orElseThrow(() -> DomainException.notFound("open311.error.tokenNotFound", token));
	}

	private Optional<CaseView> find(String caseNo) {
		String no = clean(caseNo);
		return no == null || no.length() > 24 ? Optional.empty() : cases.find(no);
	}

	private Optional<CategoryView> service(String code) {
		String c = clean(code);
		if (c == null || c.length() > 16) {
			return Optional.empty();
		}
		return cases.category(c).filter(CategoryView::enabled).filter(category -> !category.major());
	}

	private static ServiceRequestView view(CaseView c, List<CaseEventView> timeline) {
		String statusNotes = null;
		String mediaUrl = null;
		for (CaseEventView event : timeline) {
			if (event.note() != null && !event.note().isBlank()) {
				statusNotes = event.note();
			}
			if (mediaUrl == null && event.photos() != null && !event.photos().isEmpty()) {
				mediaUrl = event.photos().get(0);
			}
		}
		return new ServiceRequestView(c.caseNo(), c.status().open311(), statusNotes, c.categoryName(),
				c.categoryCode(), c.description(), c.unitName(), null, c.receivedAt(), c.updatedAt(), c.deadline(),
				c.address(), null, null, c.lat(), c.lng(), mediaUrl);
	}

	/** Checks the answers against the service's attributes and turns them into lines of the description. */
	private List<String> answers(List<Attribute> attributes, Map<String, List<String>> given) {
		List<String> lines = new ArrayList<>();
		for (Attribute attribute : attributes) {
			List<String> values = given.getOrDefault(attribute.code(), List.of()).stream()
				.filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
			String label = attribute.description() == null ? attribute.code() : attribute.description();
			if (values.isEmpty()) {
				if (attribute.required()) {
					throw bad("open311.error.attributeRequired", attribute.code(), label);
				}
				continue;
			}
			String answer = switch (attribute.datatype()) {
				case "singlevaluelist" -> {
					if (values.size() > 1) {
						throw bad("open311.error.attributeSingle", attribute.code(), label);
					}
					yield listName(attribute, values.get(0), label);
				}
				case "multivaluelist" -> values.stream().distinct().map(v -> listName(attribute, v, label))
					.collect(Collectors.joining("、"));
				case "number" -> {
					for (String v : values) {
						try {
							new BigDecimal(v);
						}
						catch (NumberFormatException ex) {
							throw bad("open311.error.attributeNumber", attribute.code(), label);
						}
					}
					yield String.join("、", values);
				}
				case "datetime" -> {
					for (String v : values) {
						try {
							RequestQuery.date(attribute.code(), v);
						}
						catch (DomainException ex) {
							throw bad("open311.error.attributeDatetime", attribute.code(), label);
						}
					}
					yield String.join("、", values);
				}
				default -> String.join(" ", values);
			};
			lines.add(caseText("open311.case.attribute", label, answer));
		}
		return lines;
	}

	private String listName(Attribute attribute, String key, String label) {
		String name = attribute.nameOf(key);
		if (name == null) {
			throw bad("open311.error.attributeValue", attribute.code(), label, key);
		}
		return name;
	}

	private static String description(String text, List<String> notes, String fallback) {
		String appendix = String.join("\n", notes);
		if (text == null) {
			return appendix.isEmpty() ? fallback : appendix;
		}
		return appendix.isEmpty() ? text : text + "\n" + appendix;
	}

	private static Double coordinate(String value, double limit) {
		String v = clean(value);
		if (v == null) {
			throw bad("open311.error.latLong");
		}
		try {
			double d = Double.parseDouble(v);
			if (Double.isNaN(d) || Math.abs(d) > limit) {
				throw bad("open311.error.latLong");
			}
			return d;
		}
		catch (NumberFormatException ex) {
			throw bad("open311.error.latLong");
		}
	}

	/** The phone number in the form the case module accepts, or {@code null} when it is not one. */
	static String phone(String value) {
		String v = clean(value);
		if (v == null) {
			return null;
		}
		v = v.replaceAll("[\\s()]", "");
		if (v.startsWith("+86")) {
			v = v.substring(3);
		}
		else if (v.startsWith("0086")) {
			v = v.substring(4);
		}
		if (v.startsWith("-")) {
			v = v.substring(1);
		}
		return PHONE.matcher(v).matches() ? v : null;
	}

	/** Family name first without a space for Chinese names, else first name, a space and last name; at most 50 characters. */
	static String name(String first, String last) {
		String f = clean(first);
		String l = clean(last);
		String name;
		if (f == null || l == null) {
			name = f != null ? f : l;
		}
		else if (CJK.matcher(f).find() && CJK.matcher(l).find()) {
			name = l + f;
		}
		else {
			name = f + " " + l;
		}
		return name == null ? null : name.length() > 50 ? name.substring(0, 50) : name;
	}

	private static String mediaUrl(String value) {
		String v = clean(value);
		if (v == null) {
			return null;
		}
		try {
			URI uri = new URI(v);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && v.length() <= 2000) {
				return v;
			}
		}
		catch (URISyntaxException ex) {
			// refused below
		}
		throw bad("open311.error.mediaUrl");
	}

	private String caseText(String key, Object... args) {
		return messages.getMessage(key, args, CASE_LOCALE);
	}

	private static String clean(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static DomainException bad(String key, Object... args) {
		return new DomainException(HttpStatus.BAD_REQUEST, key, null, null, args);
	}

}
