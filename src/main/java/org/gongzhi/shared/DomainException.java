package org.gongzhi.shared;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal the user should read: carries a message bundle key (shown in the user's language), the HTTP status the API
 * answers with, and optionally the form field it concerns.
 */
public class DomainException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final HttpStatus status;

	private final String messageKey;

	private final transient Object[] args;

	private final String field;

	private final transient List<?> details;

	public DomainException(HttpStatus status, String messageKey, String field, List<?> details, Object... args) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.field = field;
		this.details = details == null ? List.of() : List.copyOf(details);
		this.args = args;
	}

	public static DomainException notFound(String messageKey, Object... args) {
		return new DomainException(HttpStatus.NOT_FOUND, messageKey, null, null, args);
	}

	public static DomainException forbidden(String messageKey, Object... args) {
		return new DomainException(HttpStatus.FORBIDDEN, messageKey, null, null, args);
	}

	public static DomainException conflict(String messageKey, Object... args) {
		return new DomainException(HttpStatus.CONFLICT, messageKey, null, null, args);
	}

	public static DomainException invalid(String field, String messageKey, Object... args) {
		return new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, messageKey, field, null, args);
	}

	public HttpStatus status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args;
	}

	public String field() {
		return field;
	}

	/** Structured details the API adds to the problem body (e.g. every offending feature of an import). */
	public List<?> details() {
		return details;
	}

}
