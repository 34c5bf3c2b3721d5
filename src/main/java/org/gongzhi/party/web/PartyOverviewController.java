package org.gongzhi.party.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.PartyOverviewView;
import org.gongzhi.party.domain.PartyOverview;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Party-building overview (党建概览): headline counts and two charts (service hours by month, and reported
 * members, post places and hours by community), as a page for staff and as JSON for dashboards.
 */
@Controller
@Tag(name = "Party overview", description = "党建概览")
class PartyOverviewController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PartyOverview overview;

	private final MessageSource messages;

	PartyOverviewController(PartyOverview overview, MessageSource messages) {
		this.overview = overview;
		this.messages = messages;
	}

	@GetMapping("/party/overview")
	String page(@AuthenticationPrincipal GongzhiUser me, Model model) {
		PartyOverviewView view = overview.overview(me);
		model.addAttribute("o", view);
		model.addAttribute("chartJson", chartJson(view));
		return "party/overview";
	}

	@GetMapping("/api/v1/party/overview")
	@ResponseBody
	@Operation(summary = "Counts of the caller's scope: organisations, members, 双报到, posts, service hours by month and community")
	PartyOverviewView api(@AuthenticationPrincipal GongzhiUser me) {
		return overview.overview(me);
	}

	private String chartJson(PartyOverviewView view) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Object> labels = new LinkedHashMap<>();
		for (String key : new String[] { "hours", "records", "reported", "headcount", "filled", "projectsDone" }) {
			labels.put(key, messages.getMessage("party.overview.chart." + key, null, locale));
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels", labels);
		data.put("months", view.months().stream().map(PartyOverviewView.Month::month).toList());
		data.put("hours", view.months().stream().map(PartyOverviewView.Month::hours).toList());
		data.put("records", view.months().stream().map(PartyOverviewView.Month::records).toList());
		data.put("communities", view.communities().stream().map(PartyOverviewView.Community::name).toList());
		data.put("reported", view.communities().stream().map(PartyOverviewView.Community::reportedActive).toList());
		data.put("headcount", view.communities().stream().map(PartyOverviewView.Community::postHeadcount).toList());
		data.put("filled", view.communities().stream().map(PartyOverviewView.Community::postsFilled).toList());
		data.put("projectsDone", view.communities().stream().map(PartyOverviewView.Community::projectsDone).toList());
		data.put("communityHours", view.communities().stream().map(PartyOverviewView.Community::hoursThisYear).toList());
		return JSON.writeValueAsString(data).replace("</", "<\\/");
	}

}
