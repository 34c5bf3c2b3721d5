package org.gongzhi.cases.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gongzhi.cases.CaseActionCmd;
import org.gongzhi.cases.CaseDetail;
import org.gongzhi.cases.CaseQuery;
import org.gongzhi.cases.CaseStatus;
import org.gongzhi.cases.CaseView;
import org.gongzhi.cases.CategoryView;
import org.gongzhi.cases.Channel;
import org.gongzhi.cases.ReportCaseCmd;
import org.gongzhi.cases.domain.CaseDesk;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Cases", description = "案件: intake, the closed loop, lists")
class CaseApiController {

	private final CaseDesk desk;

	CaseApiController(CaseDesk desk) {
		this.desk = desk;
	}

	/** The answer to an intake: the new case number, the case, and open cases nearby that may be the same. */
	record Intake(String caseNo, @JsonProperty("case") CaseView caseView, List<String> possibleDuplicates) {
	}

	/** A page of cases. */
	record Page(List<CaseView> items, long total, int page, int size) {
	}

	@PostMapping("/api/v1/cases")
	@Operation(summary = "Report a case (受理)", description = "Located to its grid and routed by category and area. "
			+ "An Idempotency-Key header makes retries answer the first case instead of creating another.")
	ResponseEntity<Intake> report(@Valid @RequestBody ReportCaseCmd cmd,
			@Parameter(description = "client-chosen key that makes retries safe")
			@RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
			@Parameter(description = "grid worker handles it on the spot (自处理)")
			@RequestParam(defaultValue = "false") boolean selfHandle, @AuthenticationPrincipal GongzhiUser me) {
		CaseDesk.Filed filed = desk.file(me, cmd.via(channelOf(me), null), idempotencyKey, selfHandle);
		CaseView created = filed.view();
		return ResponseEntity.created(URI.create("/api/v1/cases/" + created.caseNo()))
			.body(new Intake(created.caseNo(), created, filed.possibleDuplicates()));
	}

	static Channel channelOf(GongzhiUser me) {
		if (me.has(Role.HOTLINE_CLERK)) {
			return Channel.HOTLINE;
		}
		if (me.has(Role.GRID_WORKER)) {
			return Channel.PATROL;
		}
		if (me.hasAny(Role.RESIDENT, Role.PARTY_MEMBER, Role.VOLUNTEER)) {
			return Channel.RESIDENT;
		}
		return Channel.API;
	}

	@GetMapping("/api/v1/cases/{caseNo}")
	@Operation(summary = "A case with its timeline, whistles and the actions the caller may take now")
	CaseDetail get(@PathVariable String caseNo, @AuthenticationPrincipal GongzhiUser me) {
		return desk.detail(me, caseNo);
	}

	@GetMapping("/api/v1/cases")
	@Operation(summary = "Cases in the caller's scope, newest first, paged")
	Page list(@RequestParam(required = false) CaseStatus status, @RequestParam(required = false) String category,
			@RequestParam(required = false) String area, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Boolean todo, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal GongzhiUser me) {
		PageResult<CaseView> result = desk.search(me, new CaseQuery(status, category, area, overdue, from, to, todo, q,
				sort, Math.max(0, page), PageResult.size(size, 20, 200)));
		return new Page(result.items(), result.total(), result.page(), result.size());
	}

	@PostMapping("/api/v1/cases/{caseNo}/actions/{action}")
	@Operation(summary = "Take an action on a case", description = "Actions: " + "register, dispatch, sign, handle, "
			+ "feedback, verify, close, rate, send-back, extend, approve-extension, suspend, resume, void, supervise, "
			+ "reopen, whistle, whistle-sign, whistle-report, merge. A disallowed or stale action answers 409.")
	CaseDetail act(@PathVariable String caseNo, @PathVariable String action,
			@Valid @RequestBody(required = false) CaseActionCmd cmd, @AuthenticationPrincipal GongzhiUser me) {
		return desk.act(me, caseNo, action, cmd);
	}

	@GetMapping("/api/v1/case-categories")
	@Operation(summary = "The enabled case categories (事件/部件, major and minor)")
	List<CategoryView> categories() {
		return desk.categories();
	}

}
