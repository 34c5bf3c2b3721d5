package org.gongzhi.cases.web;

import java.util.Set;

import org.gongzhi.cases.CaseStatus;
import org.gongzhi.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Puts the domain's refusals into the user's words on the case pages: as a flash text (with status and action names
 * translated, not raw codes) or as a form field error.
 */
@Component
class PageMessages {

	private final MessageSource messages;

	PageMessages(MessageSource messages) {
		this.messages = messages;
	}

	/** The refusal in the user's language. */
	String text(DomainException ex) {
		Object[] args = ex.args() == null ? new Object[0] : ex.args().clone();
		for (int i = 0; i < args.length; i++) {
			args[i] = translate(ex.messageKey(), args[i]);
		}
		return messages.getMessage(ex.messageKey(), args, ex.messageKey(), LocaleContextHolder.getLocale());
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private Object translate(String key, Object arg) {
		if (!(arg instanceof String s)) {
			return arg;
		}
		if ("case.action.notNow".equals(key)) {
			for (CaseStatus status : CaseStatus.values()) {
				if (status.name().equals(s)) {
					return text(status.messageKey());
				}
			}
		}
		if ("case.action.forbidden".equals(key)) {
			return text("case.action." + s);
		}
		return arg;
	}

	/** Adds the refusal to the form: on its field when the form has one, else as a form-wide error. */
	void reject(BindingResult result, DomainException ex, Set<String> fields) {
		if (ex.field() != null && fields.contains(ex.field())) {
			result.rejectValue(ex.field(), ex.messageKey(), ex.args(), text(ex));
		}
		else {
			result.reject(ex.messageKey(), ex.args(), text(ex));
		}
	}

}
