package org.gongzhi.people.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.people.CareVisitReport;
import org.gongzhi.people.OverdueVisit;
import org.gongzhi.people.RecordVisitCmd;
import org.gongzhi.people.VisitKind;
import org.gongzhi.people.VisitPhoto;
import org.gongzhi.people.VisitView;
import org.gongzhi.people.Visits;
import org.gongzhi.shared.DomainException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Validated
@Tag(name = "Visits", description = "走访: record visits, the overdue care visit worklist and the community report")
class VisitApiController {

	private final Visits visits;

	VisitApiController(Visits visits) {
		this.visits = visits;
	}

	@PostMapping(value = "/api/v1/visits", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Record a visit", description = "A resident (residentId) or an address (roomCode); a CARE "
			+ "visit restarts the resident's visit cadence. photo is optional, base64 of a JPEG, PNG or WebP of at most "
			+ "5 MB.")
	ResponseEntity<VisitView> record(@Valid @RequestBody RecordVisitCmd cmd, @AuthenticationPrincipal GongzhiUser me) {
		VisitView v = visits.record(me, cmd);
		return ResponseEntity.created(URI.create("/api/v1/visits/" + v.id())).body(v);
	}

	@PostMapping(value = "/api/v1/visits", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Record a visit from a phone form with a photo file")
	ResponseEntity<VisitView> recordForm(@RequestParam(required = false) Long residentId,
			@RequestParam(required = false) String roomCode, @RequestParam VisitKind kind,
			@RequestParam(required = false) Instant visitedAt, @RequestParam String findings,
			@RequestParam(required = false) String followUp,
			@RequestPart(value = "photo", required = false) MultipartFile photo, @AuthenticationPrincipal GongzhiUser me) {
		if (findings.isBlank()) {
			throw DomainException.invalid("findings", "people.visit.findings.required");
		}
		if (findings.length() > 2000) {
			throw DomainException.invalid("findings", "people.visit.findings.size");
		}
		byte[] bytes = null;
		if (photo != null && !photo.isEmpty()) {
			try {
				bytes = photo.getBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		VisitView v = visits.record(me, new RecordVisitCmd(residentId, roomCode, kind, visitedAt, findings, followUp,
				bytes));
		return ResponseEntity.created(URI.create("/api/v1/visits/" + v.id())).body(v);
	}

	@GetMapping("/api/v1/visits")
	@Operation(summary = "Recent visits in the caller's scope, newest first")
	ApiPage<VisitView> recent(@Parameter(description = "community or grid code") @RequestParam(required = false) String area,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal GongzhiUser me) {
		return ApiPage.of(visits.recent(me, area, page, size == null ? 20 : size));
	}

	@GetMapping("/api/v1/visits/overdue")
	@Operation(summary = "The care visit worklist: group members overdue for a visit, most overdue first",
			description = "A grid worker sees their grids; key group members only with the grant for that group.")
	ApiPage<OverdueVisit> overdue(@Parameter(description = "community or grid code") @RequestParam(required = false) String area,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal GongzhiUser me) {
		return ApiPage.of(visits.overdue(me, area, page, size == null ? 50 : size));
	}

	@GetMapping("/api/v1/visits/report")
	@Operation(summary = "The care visit report of a community: members, visited on time and overdue per grid and group")
	CareVisitReport report(@RequestParam String community, @AuthenticationPrincipal GongzhiUser me) {
		return visits.report(me, community);
	}

	@GetMapping("/api/v1/visits/{id}/photo")
	@Operation(summary = "The photo of a visit")
	ResponseEntity<byte[]> photo(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me) {
		VisitPhoto photo = visits.photo(me, id).orElseThrow(() -> DomainException.notFound("people.resident.notFound"));
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
			.cacheControl(CacheControl.noStore()).body(photo.bytes());
	}

}
