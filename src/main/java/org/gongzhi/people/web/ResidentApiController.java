package org.gongzhi.people.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.people.HouseholdView;
import org.gongzhi.people.MoveCmd;
import org.gongzhi.people.RegistrationStatus;
import org.gongzhi.people.ReportedCase;
import org.gongzhi.people.ResidentCard;
import org.gongzhi.people.ResidentCmd;
import org.gongzhi.people.ResidentQuery;
import org.gongzhi.people.ResidentSort;
import org.gongzhi.people.ResidentState;
import org.gongzhi.people.ResidentSummary;
import org.gongzhi.people.Residents;
import org.gongzhi.people.RevealedNumbers;
import org.gongzhi.people.VisitView;
import org.gongzhi.shared.DomainException;
import org.gongzhi.people.Visits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Residents", description = "实有人口: search, person card, register, change, move, reveal, export")
class ResidentApiController {

	private final Residents residents;

	private final Visits visits;

	ResidentApiController(Residents residents, Visits visits) {
		this.residents = residents;
		this.visits = visits;
	}

	static ResidentQuery query(String q, String community, String grid, RegistrationStatus status, String group,
			Boolean separated, ResidentState state, int page, Integer size) {
		return new ResidentQuery(q, community, grid, status, group, separated, state, Math.max(0, page),
				size == null ? 20 : Math.max(1, Math.min(size, 200)));
	}

	/** The sort and direction parameters; an unknown value is a 400 naming the parameter. */
	static ResidentQuery sorted(ResidentQuery query, String sort, String dir) {
		ResidentSort order = ResidentSort.parse(sort);
		if (order == null && sort != null && !sort.isBlank()) {
			throw new DomainException(HttpStatus.BAD_REQUEST, "people.sort.unknown", "sort", null, sort);
		}
		if (dir != null && !dir.isBlank() && !dir.equalsIgnoreCase("asc") && !dir.equalsIgnoreCase("desc")) {
			throw new DomainException(HttpStatus.BAD_REQUEST, "people.sort.direction", "dir", null, dir);
		}
		return query.sorted(order, "desc".equalsIgnoreCase(dir));
	}

	@GetMapping("/api/v1/residents")
	@Operation(summary = "Search residents in the caller's scope (paged)", description = "q is the one search box: a "
			+ "name or its beginning, pinyin initials or full pinyin (zsf finds 张三丰), the last 4 digits of a phone or "
			+ "ID number, a whole phone or ID number, or an address such as 3号楼1单元101. Numbers are masked.")
	ApiPage<ResidentSummary> search(@RequestParam(required = false) String q,
			@Parameter(description = "community code (12 digits)") @RequestParam(required = false) String community,
			@Parameter(description = "grid code (15 digits)") @RequestParam(required = false) String grid,
			@RequestParam(required = false) RegistrationStatus status,
			@Parameter(description = "care or key group code") @RequestParam(required = false) String group,
			@Parameter(description = "人户分离 only (true) or none of them (false)") @RequestParam(required = false) Boolean separated,
			@RequestParam(required = false) ResidentState state, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size,
			@Parameter(description = "order: community (by address, the default of lists), name (pinyin), age, "
					+ "updated (most recent change); a name or pinyin search defaults to name") @RequestParam(required = false) String sort,
			@Parameter(description = "asc (default) or desc; age asc is youngest first, updated desc is newest change "
					+ "first") @RequestParam(required = false) String dir,
			@AuthenticationPrincipal GongzhiUser me) {
		return ApiPage.of(residents.search(me,
				sorted(query(q, community, grid, status, group, separated, state, page, size), sort, dir)));
	}

	@GetMapping("/api/v1/residents/{id}")
	@Operation(summary = "The person card: resident, household, address history, visits and groups")
	ResidentCard card(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me) {
		return residents.card(me, id);
	}

	@PostMapping("/api/v1/residents")
	@Operation(summary = "Register a resident", description = "422 with every offending field when the ID number "
			+ "fails the GB 11643 check, does not match the birth date, is already registered, or the room is unknown.")
	ResponseEntity<Map<String, Long>> create(@Valid @RequestBody ResidentCmd cmd, @AuthenticationPrincipal GongzhiUser me) {
		long id = residents.create(me, cmd);
		return ResponseEntity.created(URI.create("/api/v1/residents/" + id)).body(Map.of("id", id));
	}

	@PutMapping("/api/v1/residents/{id}")
	@Operation(summary = "Change a resident", description = "Send the version of the card read; a blank idNumber or "
			+ "phone keeps the stored one. A stale version answers 409.")
	ResidentCard update(@PathVariable long id, @RequestParam int version, @Valid @RequestBody ResidentCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		residents.update(me, id, cmd, version);
		return residents.card(me, id);
	}

	@PostMapping("/api/v1/residents/{id}/move")
	@Operation(summary = "Move a resident (搬迁, 户籍迁移 or 迁出); the history keeps the old address")
	ResidentCard move(@PathVariable long id, @Valid @RequestBody MoveCmd cmd, @AuthenticationPrincipal GongzhiUser me) {
		residents.move(me, id, cmd);
		return residents.card(me, id);
	}

	@PostMapping("/api/v1/residents/{id}/reveal")
	@Operation(summary = "The full ID and phone numbers", description = "Needs the REVEAL_NUMBERS grant (system "
			+ "administrators grant it per user at /api/v1/people-grants); every call is audit-logged.")
	RevealedNumbers reveal(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me) {
		return residents.reveal(me, id);
	}

	@GetMapping("/api/v1/residents/{id}/cases")
	@Operation(summary = "Cases the resident reported, newest first (paged)", description = "Cases are linked to a "
			+ "resident at intake: by the reporterResidentId sent with POST /api/v1/cases, or by a hotline reporter's "
			+ "phone matching exactly one resident. Each item names the case page in url.")
	ApiPage<ReportedCase> cases(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal GongzhiUser me) {
		return ApiPage.of(residents.reportedCases(me, id, page, size == null ? 20 : size));
	}

	@GetMapping("/api/v1/residents/{id}/visits")
	@Operation(summary = "Visits of a resident, newest first")
	List<VisitView> visits(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me) {
		return visits.ofResident(me, id);
	}

	@GetMapping("/api/v1/residents/export")
	@Operation(summary = "Export the filtered list to .xlsx", description = "Same filters as the search, at most "
			+ "100,000 rows, numbers masked. unmasked=true needs the REVEAL_NUMBERS grant and is audit-logged.")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String q,
			@RequestParam(required = false) String community, @RequestParam(required = false) String grid,
			@RequestParam(required = false) RegistrationStatus status, @RequestParam(required = false) String group,
			@RequestParam(required = false) Boolean separated, @RequestParam(required = false) ResidentState state,
			@RequestParam(defaultValue = "false") boolean unmasked, @AuthenticationPrincipal GongzhiUser me) {
		ResidentQuery query = query(q, community, grid, status, group, separated, state, 0, 20);
		java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
		residents.export(me, query, unmasked, buffer);
		String name = "居民信息-" + LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE) + ".xlsx";
		return ResponseEntity.ok().headers(Downloads.xlsx(name)).body(buffer.toByteArray());
	}

	@GetMapping("/api/v1/households/{id}")
	@Operation(summary = "A household (户) with its members")
	HouseholdView household(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me) {
		return residents.household(me, id);
	}

	@GetMapping("/api/v1/households")
	@Operation(summary = "The households at one standard address")
	List<HouseholdView> householdsAt(@Parameter(description = "room code (24 digits)") @RequestParam String room,
			@AuthenticationPrincipal GongzhiUser me) {
		return residents.householdsAt(me, room);
	}

}
