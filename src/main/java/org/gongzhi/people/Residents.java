package org.gongzhi.people;

import java.io.OutputStream;
import java.util.List;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.shared.PageResult;

/**
 * The resident registry (实有人口) for pages and the API, always within the caller's data scope: a resident is seen by
 * users whose scope covers their living or their registered address (人户分离 residents by both communities). A
 * resident outside the scope is answered like one that does not exist (not found). Key group memberships appear only
 * to users granted that group, and every view of a key group member is audit-logged.
 */
public interface Residents {

	/**
	 * The one search box and the list filters, paged. The total counts every match in scope exactly up to 100,000; a
	 * larger match answers 100,001 (show it as more than 100,000).
	 */
	PageResult<ResidentSummary> search(GongzhiUser me, ResidentQuery query);

	/** The person card; fails with not found outside the scope. */
	ResidentCard card(GongzhiUser me, long residentId);

	/**
	 * The cases a resident reported, newest first, paged; fails with not found when the resident is outside the
	 * scope.
	 */
	PageResult<ReportedCase> reportedCases(GongzhiUser me, long residentId, int page, int size);

	/** Registers a resident (and their household by living room); answers the new id. */
	long create(GongzhiUser me, ResidentCmd cmd);

	/** Changes a resident; a stale version fails with a conflict. */
	void update(GongzhiUser me, long residentId, ResidentCmd cmd, int version);

	/** Moves a resident and keeps the history. */
	void move(GongzhiUser me, long residentId, MoveCmd cmd);

	/** The full ID and phone numbers; needs the REVEAL_NUMBERS grant and is audit-logged. */
	RevealedNumbers reveal(GongzhiUser me, long residentId);

	/** A household with its members; fails with not found outside the scope. */
	HouseholdView household(GongzhiUser me, long householdId);

	/** The households at one standard address (a room code) in scope. */
	List<HouseholdView> householdsAt(GongzhiUser me, String roomCode);

	/**
	 * Writes every resident matching the filters (page and size ignored, at most 100,000) as an .xlsx workbook with
	 * the import template's columns. Numbers are masked unless unmasked is true, which needs the REVEAL_NUMBERS grant
	 * and is audit-logged.
	 */
	void export(GongzhiUser me, ResidentQuery query, boolean unmasked, OutputStream out);

	/** Whether the caller may register and change residents (and houses and units). */
	boolean canEdit(GongzhiUser me);

}
