package org.gongzhi.area;

import java.util.Optional;

/**
 * A panel another module adds to an area's pages (the staff page of a grid or building, and the resident's own-grid
 * page), so that an area page can show, for example, the Party members serving there without the area module
 * knowing about them. The area module renders the fragment named panel of the given template with the content
 * object as its only parameter.
 */
public interface AreaPanel {

	/** The Thymeleaf template holding a fragment named panel that takes one parameter. */
	String template();

	/** What to show for the area, or empty to leave the panel out. */
	Optional<Object> content(AreaView area);

	/** A rendered panel: the template and what it shows. */
	record Shown(String template, Object content) {
	}

}
