package org.gongzhi.party.web;

import java.util.Set;
import java.util.function.Supplier;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.gongzhi.shared.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How the Party pages run a form's action: validate the command, run the action, and flash the outcome for the page
 * after the redirect, as the notice party.page.saved or as the message key of the first refusal. A record that is
 * not found (404) is not a form error and goes on to the error page.
 */
@Component
class FormActions {

	private final Validator validator;

	FormActions(Validator validator) {
		this.validator = validator;
	}

	/** The message key of the first constraint the command breaks, or nothing when it is valid. */
	String violation(Object cmd) {
		if (cmd == null) {
			return null;
		}
		Set<ConstraintViolation<Object>> violations = validator.validate(cmd);
		return violations.isEmpty() ? null
				: violations.iterator().next().getMessageTemplate().replaceAll("^\\{|\\}$", "");
	}

	/** Validates, runs and flashes; answers whether the action ran. */
	boolean act(RedirectAttributes redirect, Object cmd, Supplier<?> action) {
		String invalid = violation(cmd);
		if (invalid != null) {
			redirect.addFlashAttribute("error", invalid);
			return false;
		}
		try {
			action.get();
			redirect.addFlashAttribute("notice", "party.page.saved");
			return true;
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("error", ex.messageKey());
			return false;
		}
	}

	/** The same for an action that answers nothing. */
	boolean act(RedirectAttributes redirect, Object cmd, Runnable action) {
		return act(redirect, cmd, () -> {
			action.run();
			return null;
		});
	}

}
