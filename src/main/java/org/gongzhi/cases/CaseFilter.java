package org.gongzhi.cases;

import java.time.Instant;
import java.util.List;

/**
 * Unscoped search for adapters such as Open311 (which publishes cases publicly); pages and the staff API apply the
 * caller's data scope themselves.
 *
 * @param caseNos only these cases (empty: any)
 * @param categoryCodes only these categories (empty: any)
 * @param open {@code true} open only, {@code false} closed only, {@code null} both
 */
public record CaseFilter(List<String> caseNos, List<String> categoryCodes, Instant from, Instant to, Boolean open,
		int limit) {
}
