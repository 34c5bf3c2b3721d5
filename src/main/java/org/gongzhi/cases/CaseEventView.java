package org.gongzhi.cases;

import java.time.Instant;
import java.util.List;

/**
 * One step on a case's timeline (流转记录).
 */
public record CaseEventView(Instant at, String action, String actor, String actorName, CaseStatus fromStatus,
		CaseStatus toStatus, String note, List<String> photos) {
}
