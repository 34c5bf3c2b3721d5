package org.gongzhi.open311.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.gongzhi.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every refusal of the Open311 endpoints as the specification's error body ({@code errors}/{@code error} with
 * {@code code} and {@code description}) in the format the request asked for: 400 for bad input, 403 for a missing or
 * wrong api_key, 404 for what does not exist. An unexpected error answers 500 with an incident number only.
 */
@RestControllerAdvice(assignableTypes = GeoReportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class GeoReportErrors {

	private static final Logger log = LoggerFactory.getLogger(GeoReportErrors.class);

	private final MessageSource messages;

	GeoReportErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<String> refused(DomainException ex, HttpServletRequest request) {
		HttpStatus status = switch (ex.status()) {
			case FORBIDDEN, NOT_FOUND -> ex.status();
			default -> ex.status().is4xxClientError() ? HttpStatus.BAD_REQUEST : null;
		};
		if (status == null) {
			return unexpected(ex, request);
		}
		return error(status, request, List.of(message(ex.messageKey(), ex.args())));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<String> invalid(ConstraintViolationException ex, HttpServletRequest request) {
		List<String> descriptions = ex.getConstraintViolations().stream().map(ConstraintViolation::getMessage)
			.distinct().sorted().toList();
		return error(HttpStatus.BAD_REQUEST, request,
				descriptions.isEmpty() ? List.of(message("open311.error.invalid")) : descriptions);
	}

	@ExceptionHandler(MethodValidationException.class)
	ResponseEntity<String> invalid(MethodValidationException ex, HttpServletRequest request) {
		List<String> descriptions = ex.getAllErrors().stream()
			.map(e -> messages.getMessage(e, LocaleContextHolder.getLocale())).distinct().sorted().toList();
		return error(HttpStatus.BAD_REQUEST, request,
				descriptions.isEmpty() ? List.of(message("open311.error.invalid")) : descriptions);
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
			HttpMediaTypeNotSupportedException.class })
	ResponseEntity<String> badRequest(Exception ex, HttpServletRequest request) {
		return error(HttpStatus.BAD_REQUEST, request, List.of(message("open311.error.invalid")));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<String> method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		return error(HttpStatus.METHOD_NOT_ALLOWED, request, List.of(message("open311.error.method")));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<String> unexpected(Exception ex, HttpServletRequest request) {
		String incident = UUID.randomUUID().toString();
		log.error("Unexpected Open311 error, incident {}", incident, ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, request, List.of(message("open311.error.unexpected", incident)));
	}

	private static ResponseEntity<String> error(HttpStatus status, HttpServletRequest request,
			List<String> descriptions) {
		return GeoReportController.answer(status, Format.ofPath(request.getRequestURI()),
				Representations.errors(status.value(), descriptions));
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
