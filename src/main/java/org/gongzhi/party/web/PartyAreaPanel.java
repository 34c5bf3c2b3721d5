package org.gongzhi.party.web;

import java.util.List;
import java.util.Optional;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaPanel;
import org.gongzhi.area.AreaView;
import org.gongzhi.party.BadgeView;
import org.gongzhi.party.OrganisationView;
import org.gongzhi.party.PartyDirectory;
import org.springframework.stereotype.Component;

/**
 * The Party panel on grid and building pages (党员亮身份 on the grid page): the Party organisations attached there,
 * or a note that the area is still a gap, and the badges of the members living or organised there.
 */
@Component
class PartyAreaPanel implements AreaPanel {

	static final int MAX_BADGES = 12;

	/** What the panel shows: organisations, the first badges and how many badges there are in all. */
	record Content(String areaCode, List<OrganisationView> organisations, List<BadgeView> badges, int badgeCount) {
	}

	private final PartyDirectory directory;

	PartyAreaPanel(PartyDirectory directory) {
		this.directory = directory;
	}

	@Override
	public String template() {
		return "party/area-panel";
	}

	@Override
	public Optional<Object> content(AreaView area) {
		if (area.level() != AreaLevel.GRID && area.level() != AreaLevel.BUILDING) {
			return Optional.empty();
		}
		List<BadgeView> badges = directory.badges(area.code());
		return Optional.of(new Content(area.code(), directory.organisationsIn(area.code()),
				badges.subList(0, Math.min(MAX_BADGES, badges.size())), badges.size()));
	}

}
