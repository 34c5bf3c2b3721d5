package org.gongzhi.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.gongzhi.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error of the REST API into an RFC 9457 problem body with a message in the caller's language; an
 * unexpected error answers 500 with an incident id and never its exception message or stack trace. Module advices
 * with a higher precedence may add module-specific problems.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class ApiProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	private final MessageSource messages;

	public ApiProblemHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DomainException.class)
	ProblemDetail domain(DomainException ex) {
		ProblemDetail problem = problem(ex.status(), message(ex.messageKey(), ex.args()));
		if (ex.field() != null) {
			problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", problem.getDetail())));
		}
		if (!ex.details().isEmpty()) {
			problem.setProperty("errors", ex.details());
		}
		return problem;
	}

	@ExceptionHandler(BindException.class)
	ProblemDetail invalid(BindException ex) {
		List<Map<String, String>> errors = ex.getFieldErrors().stream()
			.map(e -> Map.of("field", e.getField(), "message", messages.getMessage(e, locale())))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message("problem.validation"));
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ProblemDetail invalidParameters(HandlerMethodValidationException ex) {
		List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
			.flatMap(r -> r.getResolvableErrors().stream()
				.map(e -> Map.of("field", String.valueOf(r.getMethodParameter().getParameterName()), "message",
						messages.getMessage(e, locale()))))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message("problem.validation"));
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
			MethodArgumentTypeMismatchException.class, MissingServletRequestPartException.class })
	ProblemDetail badRequest(Exception ex) {
		String detail;
		if (ex instanceof MissingServletRequestParameterException m) {
			detail = message("problem.missingParameter", m.getParameterName());
		}
		else if (ex instanceof MissingServletRequestPartException m) {
			detail = message("problem.missingParameter", m.getRequestPartName());
		}
		else if (ex instanceof MethodArgumentTypeMismatchException m) {
			detail = message("problem.badParameter", m.getName());
		}
		else {
			detail = message("problem.unreadable");
		}
		return problem(HttpStatus.BAD_REQUEST, detail);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, message("problem.tooLarge"));
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	ProblemDetail forbidden(Exception ex) {
		return problem(HttpStatus.FORBIDDEN, message("problem.forbidden"));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail stale(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, message("problem.stale"));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ProblemDetail notFound(NoResourceFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, message("problem.notFound"));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ProblemDetail method(HttpRequestMethodNotSupportedException ex) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, message("problem.method"));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail mediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message("problem.mediaType"));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		String incident = UUID.randomUUID().toString();
		log.error("Unexpected API error, incident {}", incident, ex);
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, message("problem.unexpected"));
		problem.setProperty("incident", incident);
		return problem;
	}

	private ProblemDetail problem(HttpStatusCode status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		return problem;
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
