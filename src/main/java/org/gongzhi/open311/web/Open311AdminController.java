package org.gongzhi.open311.web;

import jakarta.servlet.http.HttpServletResponse;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.open311.domain.ClientRegistry;
import org.gongzhi.open311.domain.IssuedKey;
import org.gongzhi.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Open311 client administration (Open311 接入管理) for system administrators: list the clients, create one and see
 * its key once, disable one. The page that shows a new key is answered directly (not after a redirect) so that the
 * key never passes through the session store, and it is not cached.
 */
@Controller
@RequestMapping("/admin/open311")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class Open311AdminController {

	private final ClientRegistry registry;

	private final MessageSource messages;

	Open311AdminController(ClientRegistry registry, MessageSource messages) {
		this.registry = registry;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		return page(model, "");
	}

	@PostMapping
	String create(@RequestParam(defaultValue = "") String name, @AuthenticationPrincipal GongzhiUser me, Model model,
			HttpServletResponse response) {
		try {
			IssuedKey issued = registry.create(name, me.getUsername());
			response.setHeader("Cache-Control", "no-store");
			model.addAttribute("issued", issued);
			return page(model, "");
		}
		catch (DomainException ex) {
			model.addAttribute("nameError",
					messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), LocaleContextHolder.getLocale()));
			return page(model, name);
		}
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, RedirectAttributes redirect) {
		registry.disable(id);
		redirect.addFlashAttribute("notice", "open311.client.disabledNotice");
		return "redirect:/admin/open311";
	}

	private String page(Model model, String name) {
		model.addAttribute("clients", registry.clients());
		model.addAttribute("name", name);
		return "open311/clients";
	}

}
