package org.gongzhi.cases.domain;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.area.GridsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Area names, remembered for a few minutes and forgotten when grids change: a KPI report over a district names
 * hundreds of areas, and every case routed to a street names the street; names seldom change.
 */
@Component
public class AreaNames {

	private final Areas areas;

	private final Map<String, Optional<String>> names = new ConcurrentHashMap<>();

	AreaNames(Areas areas) {
		this.areas = areas;
	}

	/** The area's name, or {@code null} when no area has the code. */
	public String name(String code) {
		return names.computeIfAbsent(code, c -> areas.find(c).map(AreaView::name)).orElse(null);
	}

	@EventListener
	void gridsChanged(GridsChanged event) {
		names.clear();
	}

	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
	void expire() {
		names.clear();
	}

}
