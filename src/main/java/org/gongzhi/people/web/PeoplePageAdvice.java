package org.gongzhi.people.web;

import java.time.ZoneId;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds the registry's time zone to every registry page, so visit times show as Beijing times wherever the server runs.
 */
@ControllerAdvice(assignableTypes = { ResidentPages.class, HouseAndUnitPages.class, ImportPages.class,
		VisitPages.class })
class PeoplePageAdvice {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@ModelAttribute("zone")
	ZoneId zone() {
		return ZONE;
	}

}
