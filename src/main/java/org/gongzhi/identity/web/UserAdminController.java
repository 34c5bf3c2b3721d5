package org.gongzhi.identity.web;

import java.util.Arrays;

import jakarta.validation.Valid;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.domain.UserAccount;
import org.gongzhi.identity.domain.UserAdministration;
import org.gongzhi.identity.domain.UserForm;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.PageResult;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private final UserAdministration users;

	UserAdminController(UserAdministration users) {
		this.users = users;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
			@RequestParam(required = false) Boolean enabled, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		PageResult<UserAccount> result = users.search(q, role, enabled, sort, Math.max(page, 0),
				PageResult.size(size, 20, 100));
		model.addAttribute("result", result);
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("enabled", enabled);
		model.addAttribute("sort", sort);
		model.addAttribute("roles", Role.values());
		model.addAttribute("scopeNames", users.scopeRoots().stream()
			.collect(java.util.stream.Collectors.toMap(r -> r.code(), r -> r.name(), (a, b) -> a)));
		return htmx != null ? "identity/users :: table" : "identity/users";
	}

	@GetMapping("/new")
	String createForm(Model model) {
		model.addAttribute("form", new UserForm());
		return form(model, null);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				long id = users.create(form);
				redirect.addFlashAttribute("notice", "user.created");
				return "redirect:/admin/users/" + id;
			}
			catch (DomainException ex) {
				reject(result, ex);
			}
		}
		return form(model, null);
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		UserAccount user = users.get(id);
		UserForm form = new UserForm();
		form.setUsername(user.username());
		form.setDisplayName(user.displayName());
		form.setRoles(user.roles());
		form.setScopeAll(user.scope().all());
		form.setScopeAreaCode(user.scope().areaCode());
		form.setDepartmentCode(user.scope().departmentCode());
		form.setVersion(user.version());
		model.addAttribute("form", form);
		return form(model, user);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		UserAccount user = users.get(id);
		form.setUsername(user.username());
		if (!result.hasErrors()) {
			try {
				users.update(id, form);
				redirect.addFlashAttribute("notice", "user.saved");
				return "redirect:/admin/users/" + id;
			}
			catch (DomainException ex) {
				reject(result, ex);
			}
		}
		return form(model, user);
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, @AuthenticationPrincipal GongzhiUser me,
			RedirectAttributes redirect) {
		try {
			users.setEnabled(id, enabled, me.getUsername());
			redirect.addFlashAttribute("notice", enabled ? "user.enabledNotice" : "user.disabledNotice");
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
		try {
			users.resetPassword(id, password);
			redirect.addFlashAttribute("notice", "user.passwordReset");
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		users.unlock(id);
		redirect.addFlashAttribute("notice", "user.unlocked");
		return "redirect:/admin/users/" + id;
	}

	private String form(Model model, UserAccount user) {
		model.addAttribute("user", user);
		model.addAttribute("roles", Arrays.asList(Role.values()));
		model.addAttribute("departments", users.departments());
		model.addAttribute("scopeRoots", users.scopeRoots());
		return "identity/user-form";
	}

	private static void reject(BindingResult result, DomainException ex) {
		if (ex.field() != null) {
			result.rejectValue(ex.field(), ex.messageKey(), ex.args(), null);
		}
		else {
			result.reject(ex.messageKey(), ex.args(), null);
		}
	}

}
