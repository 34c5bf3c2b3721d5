package org.gongzhi.identity.web;

import java.time.LocalDate;
import java.time.ZoneId;

import org.gongzhi.identity.domain.AuditEntry;
import org.gongzhi.identity.domain.AuditQuery;
import org.gongzhi.identity.domain.AuditLogService;
import org.gongzhi.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditLogController {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final AuditLogService audit;

	AuditLogController(AuditLogService audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String target, @RequestParam(required = false) String ip,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "false") boolean oldestFirst, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		AuditQuery query = new AuditQuery(actor, action, target, ip,
				from == null ? null : from.atStartOfDay(ZONE).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toInstant(), oldestFirst);
		PageResult<AuditEntry> result = audit.search(query, Math.max(page, 0), PageResult.size(size, 50, 200));
		model.addAttribute("result", result);
		model.addAttribute("actions", audit.actions());
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("target", target);
		model.addAttribute("ip", ip);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("oldestFirst", oldestFirst);
		model.addAttribute("zone", ZONE);
		return htmx != null ? "identity/audit :: table" : "identity/audit";
	}

}
