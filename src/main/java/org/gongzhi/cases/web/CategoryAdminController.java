package org.gongzhi.cases.web;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import org.gongzhi.cases.CategoryView;
import org.gongzhi.cases.domain.CategoryAdministration;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.shared.DomainException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The category catalogue page (类别管理) of street and system administrators: the table, the edit form and new minor
 * classes under a major one.
 */
@Controller
class CategoryAdminController {

	private static final Set<String> FIELDS = Set.of("code", "name", "description", "handlingLevel",
			"departmentCode", "urgency", "timeLimitValue", "timeLimitUnit", "responseLimitMinutes");

	private final CategoryAdministration categories;

	private final UserDirectory users;

	private final PageMessages messages;

	CategoryAdminController(CategoryAdministration categories, UserDirectory users, PageMessages messages) {
		this.categories = categories;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/cases/categories")
	String list(@AuthenticationPrincipal GongzhiUser me, Model model) {
		requireEditor(me);
		model.addAttribute("categories", categories.all());
		model.addAttribute("departments", users.departmentNames());
		return "cases/categories";
	}

	@GetMapping("/cases/categories/new")
	String createForm(@RequestParam String parent, @AuthenticationPrincipal GongzhiUser me, Model model) {
		requireEditor(me);
		CategoryView major = categories.get(parent);
		if (!major.major()) {
			throw DomainException.notFound("case.cat.notFound", parent);
		}
		model.addAttribute("categoryForm", CategoryForm.under(major));
		return form(model, null, major);
	}

	@PostMapping("/cases/categories")
	String create(@Valid @ModelAttribute("categoryForm") CategoryForm form, BindingResult result,
			@AuthenticationPrincipal GongzhiUser me, Model model, RedirectAttributes redirect) {
		requireEditor(me);
		CategoryView major = categories.get(form.getParentCode() == null ? "" : form.getParentCode());
		if (!result.hasErrors()) {
			try {
				categories.create(me, major.code(), form.getCode(), form.toChange());
				redirect.addFlashAttribute("notice", "case.cat.created");
				return "redirect:/cases/categories/" + form.getCode().strip();
			}
			catch (DomainException ex) {
				messages.reject(result, ex, FIELDS);
			}
		}
		return form(model, null, major);
	}

	@GetMapping("/cases/categories/{code}")
	String edit(@PathVariable String code, @AuthenticationPrincipal GongzhiUser me, Model model) {
		requireEditor(me);
		CategoryView category = categories.get(code);
		model.addAttribute("categoryForm", CategoryForm.of(category));
		return form(model, category, parent(category));
	}

	@PostMapping("/cases/categories/{code}")
	String update(@PathVariable String code, @Valid @ModelAttribute("categoryForm") CategoryForm form,
			BindingResult result, @AuthenticationPrincipal GongzhiUser me, Model model, RedirectAttributes redirect) {
		requireEditor(me);
		CategoryView category = categories.get(code);
		form.setCode(code);
		form.setParentCode(category.parentCode());
		if (!result.hasErrors()) {
			try {
				categories.update(me, code, form.toChange());
				redirect.addFlashAttribute("notice", "case.cat.saved");
				return "redirect:/cases/categories";
			}
			catch (DomainException ex) {
				messages.reject(result, ex, FIELDS);
			}
		}
		return form(model, category, parent(category));
	}

	private CategoryView parent(CategoryView category) {
		return category.parentCode() == null ? null : categories.get(category.parentCode());
	}

	private String form(Model model, CategoryView category, CategoryView parent) {
		model.addAttribute("category", category);
		model.addAttribute("parent", parent);
		model.addAttribute("departments", users.departmentNames());
		model.addAttribute("levels", List.of("GRID", "COMMUNITY", "STREET", "DEPARTMENT"));
		model.addAttribute("urgencies", List.of("EMERGENCY", "UTILITY", "GENERAL", "COMPLEX"));
		model.addAttribute("units", List.of("HOURS", "WORKING_HOURS", "WORKING_DAYS"));
		return "cases/category-form";
	}

	private static void requireEditor(GongzhiUser me) {
		if (!CategoryAdministration.mayEdit(me)) {
			throw DomainException.forbidden("case.cat.forbidden");
		}
	}

}
