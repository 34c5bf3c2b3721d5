package org.gongzhi.people;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Recording a visit (走访) from the grid worker's phone: a resident (a care visit resets their cadence) or a household
 * address, what was found and what follows, and optionally one photo (JPEG, PNG or WebP, at most 5 MB; base64 in
 * JSON).
 *
 * @param residentId the resident visited; either it or roomCode is needed
 * @param roomCode the address visited when no single resident is meant
 * @param visitedAt when, defaults to now; not in the future
 */
public record RecordVisitCmd(
		Long residentId,
		@Size(max = 24, message = "{people.room.unknown}") String roomCode,
		@NotNull(message = "{people.visit.kind.required}") VisitKind kind,
		Instant visitedAt,
		@NotBlank(message = "{people.visit.findings.required}") @Size(max = 2000, message = "{people.visit.findings.size}") String findings,
		@Size(max = 2000, message = "{people.visit.followUp.size}") String followUp,
		byte[] photo) {
}
