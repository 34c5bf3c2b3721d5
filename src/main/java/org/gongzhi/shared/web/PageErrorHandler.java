package org.gongzhi.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.gongzhi.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows a page's refusals ({@link DomainException}: not found, out of scope, forbidden, conflict) as the error page
 * with the right status and a message in the user's language.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class PageErrorHandler {

	private final MessageSource messages;

	public PageErrorHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DomainException.class)
	ModelAndView refused(DomainException ex, HttpServletResponse response) {
		response.setStatus(ex.status().value());
		ModelAndView mav = new ModelAndView("error");
		mav.setStatus(ex.status());
		mav.addObject("status", ex.status().value());
		mav.addObject("errorMessage",
				messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), LocaleContextHolder.getLocale()));
		return mav;
	}

}
