package org.gongzhi.people;

import java.time.Instant;

/**
 * A recorded visit (走访): when, who, what was found and what follows; the photo is served separately.
 *
 * @param residentId the resident visited, or null for a household visit recorded on the address only
 * @param photoUrl API path of the photo, or null
 */
public record VisitView(long id, Long residentId, String residentName, String roomCode, String address,
		VisitKind kind, Instant visitedAt, long visitorUserId, String visitorName, String findings, String followUp,
		String photoUrl) {
}
