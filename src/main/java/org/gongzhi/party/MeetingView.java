package org.gongzhi.party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One recorded branch-life meeting as pages and the API show it.
 */
public record MeetingView(long id, long organisationId, String organisationName, String areaCode, MeetingKind kind,
		LocalDate heldOn, String place, String topic, int expected, int present, List<MeetingCmd.Absentee> absentees,
		String minutes, String recordedBy, Instant recordedAt) {

	/** Attendance in percent, rounded down. */
	@JsonProperty("attendance")
	public int attendance() {
		return expected == 0 ? 0 : present * 100 / expected;
	}

}
