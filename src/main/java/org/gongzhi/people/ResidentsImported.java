package org.gongzhi.people;

import java.util.List;

/**
 * Published after an import (Excel or bulk) committed, with the communities it touched.
 */
public record ResidentsImported(int imported, List<String> communityCodes, String by) {
}
