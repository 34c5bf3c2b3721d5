package org.gongzhi.notify.web;

import java.time.ZoneId;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.notify.MessageView;
import org.gongzhi.notify.domain.Inbox;
import org.gongzhi.shared.PageResult;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class MessagesController {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final Inbox inbox;

	MessagesController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/messages")
	String list(@AuthenticationPrincipal GongzhiUser me, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		PageResult<MessageView> result = inbox.page(me.id(), page, PageResult.size(size, 20, 100));
		model.addAttribute("result", result);
		model.addAttribute("unread", inbox.unreadCount(me.id()));
		model.addAttribute("zone", ZONE);
		return htmx != null ? "notify/messages :: list" : "notify/messages";
	}

	/** Marks one message read, then opens its link ({@code open=true}) or returns to the page of the list. */
	@PostMapping("/messages/{id}/read")
	String read(@AuthenticationPrincipal GongzhiUser me, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "0") int page) {
		MessageView message = inbox.read(me.id(), id);
		if (open && message.link() != null && Inbox.isAppPath(message.link())) {
			return "redirect:" + message.link();
		}
		return page > 0 ? "redirect:/messages?page=" + page : "redirect:/messages";
	}

	@PostMapping("/messages/read-all")
	String readAll(@AuthenticationPrincipal GongzhiUser me, RedirectAttributes redirect) {
		inbox.markAllRead(me.id());
		redirect.addFlashAttribute("notice", "notify.allRead");
		return "redirect:/messages";
	}

}
