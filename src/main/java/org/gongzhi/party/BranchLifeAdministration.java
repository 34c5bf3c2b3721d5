package org.gongzhi.party;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Bulk set-up of branch life and star rating without a signed-in user (demo data, migrations from other systems): no
 * scope checks and no audit entries, so callers must be trusted code.
 */
public interface BranchLifeAdministration {

	/** Whether any meeting is recorded (demo loading runs once). */
	boolean anyMeeting();

	long importMeeting(MeetingCmd cmd, String recordedBy);

	/** Stores a score of a branch under the year's criterion with this code; the year gets the default criteria first. */
	void importScore(int year, long organisationId, String criterionCode, BigDecimal score);

	/**
	 * Finalises the year as a rater would: computed scores frozen, suggested stars applied.
	 * @return the number of branches rated
	 */
	int finaliseYear(int year, String by, LocalDate today);

}
