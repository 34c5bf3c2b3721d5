package org.gongzhi.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.gongzhi.identity.NewUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.UserAccounts;
import org.gongzhi.shared.DomainException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.Set;

@Controller
class LoginController {

	private final UserAccounts accounts;

	LoginController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/login")
	String login() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName())) {
			return "redirect:/";
		}
		return "identity/login";
	}

	/** The first administrator's password, asked for once on a start without demo data. */
	static class SetupForm {

		@NotBlank(message = "{user.password.required}")
		private String password;

		@NotBlank(message = "{user.password.required}")
		private String confirm;

		public String getPassword() {
			return password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public String getConfirm() {
			return confirm;
		}

		public void setConfirm(String confirm) {
			this.confirm = confirm;
		}

	}

	@GetMapping("/setup")
	String setup(@ModelAttribute("form") SetupForm form) {
		if (accounts.anyUserExists()) {
			return "redirect:/login";
		}
		return "identity/setup";
	}

	@PostMapping("/setup")
	String createFirstAdmin(@Valid @ModelAttribute("form") SetupForm form, BindingResult result, Model model) {
		if (accounts.anyUserExists()) {
			return "redirect:/login";
		}
		if (!result.hasErrors() && !form.getPassword().equals(form.getConfirm())) {
			result.rejectValue("confirm", "user.password.mismatch");
		}
		if (result.hasErrors()) {
			return "identity/setup";
		}
		try {
			accounts.create(new NewUser("admin", "系统管理员", form.getPassword(), Set.of(Role.SYSTEM_ADMIN), null, true,
					null, null));
		}
		catch (IllegalArgumentException ex) {
			if (ex.getCause() instanceof DomainException d) {
				result.rejectValue("password", d.messageKey());
				return "identity/setup";
			}
			throw ex;
		}
		return "redirect:/login?setup";
	}

}
