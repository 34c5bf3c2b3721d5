package org.gongzhi.identity;

import java.util.List;
import java.util.Optional;

/**
 * What identity needs to know about areas to give users a data scope, implemented by the area module (so identity
 * does not depend on it): whether a code exists, its name, and the areas offered as scope roots.
 */
public interface ScopeAreaCatalog {

	/** Name of the area with this code (a scope root must be a district, street, community or grid). */
	Optional<String> scopeRootName(String code);

	/** Areas a scope may be rooted at, parents before children, each indented by its depth. */
	List<ScopeRoot> scopeRoots();

	/** One selectable scope root. */
	record ScopeRoot(String code, String name, int depth) {
	}

}
