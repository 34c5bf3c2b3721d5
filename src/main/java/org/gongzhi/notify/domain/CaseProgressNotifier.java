package org.gongzhi.notify.domain;

import java.time.Instant;
import java.util.LinkedHashSet;

import org.gongzhi.cases.CaseStatusChanged;
import org.gongzhi.notify.MessageView;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells every resident following a case how it has moved on (办理进度), e.g. 「您反映的问题 GZ… 已派遣」, with the
 * step's note and a link to the case.
 */
@Component
class CaseProgressNotifier {

	private final Inbox inbox;

	private final MessageSource bundle;

	CaseProgressNotifier(Inbox inbox, MessageSource bundle) {
		this.inbox = inbox;
		this.bundle = bundle;
	}

	@ApplicationModuleListener
	void on(CaseStatusChanged event) {
		if (event.followers() == null || event.followers().isEmpty()) {
			return;
		}
		String title = text("notify.case.title", event.caseNo(), step(event.action()));
		String body = event.note() == null || event.note().isBlank() ? text("notify.case.body.none")
				: text("notify.case.body", event.note().strip());
		String link = "/cases/" + event.caseNo();
		Instant at = event.at() == null ? Instant.now() : event.at();
		for (Long follower : new LinkedHashSet<>(event.followers())) {
			if (follower != null) {
				inbox.send(follower, MessageView.CASE, title, body, link, null, at);
			}
		}
	}

	/** The step's name (派遣 → 已派遣); an action without its own wording reads 有新进展. */
	private String step(String action) {
		String name = action == null ? null
				: bundle.getMessage("notify.case.step." + action, null, null, Inbox.TEXT_LOCALE);
		return name != null ? name : text("notify.case.step.other");
	}

	private String text(String key, Object... args) {
		return bundle.getMessage(key, args, Inbox.TEXT_LOCALE);
	}

}
