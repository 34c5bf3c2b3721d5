package org.gongzhi.cases.web;

import java.time.ZoneId;

import org.gongzhi.cases.domain.CalendarProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds what every case page shows times and maps with: the cases' time zone and the optional map tiles.
 */
@ControllerAdvice(assignableTypes = { CasePageController.class, CaseReportController.class,
		CategoryAdminController.class })
class CasePageAdvice {

	private final ZoneId zone;

	private final String tileUrl;

	private final String tileAttribution;

	CasePageAdvice(CalendarProvider calendars, @Value("${gongzhi.map.tile-url:}") String tileUrl,
			@Value("${gongzhi.map.tile-attribution:}") String tileAttribution) {
		this.zone = calendars.zone();
		this.tileUrl = tileUrl;
		this.tileAttribution = tileAttribution;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return zone;
	}

	@ModelAttribute("tileUrl")
	String tileUrl() {
		return tileUrl;
	}

	@ModelAttribute("tileAttribution")
	String tileAttribution() {
		return tileAttribution;
	}

}
