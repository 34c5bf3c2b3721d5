package org.gongzhi.party.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.MemberView;
import org.gongzhi.party.PostCmd;
import org.gongzhi.party.PostView;
import org.gongzhi.party.ReportCmd;
import org.gongzhi.party.ReportStatus;
import org.gongzhi.party.ReportView;
import org.gongzhi.party.ReviewCmd;
import org.gongzhi.party.ServiceCmd;
import org.gongzhi.party.ServiceRecordView;
import org.gongzhi.party.domain.DualReports;
import org.gongzhi.party.domain.ServicePosts;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Party 双报到 and service posts", description = "在职党员双报到、设岗定责、认岗、服务记录")
class DualReportApiController {

	private final DualReports reports;

	private final ServicePosts posts;

	DualReportApiController(DualReports reports, ServicePosts posts) {
		this.reports = reports;
		this.posts = posts;
	}

	/** Who claims a post: the caller's own member record when no member id is given. */
	record ClaimCmd(Long memberId) {
	}

	/** The community's decision on a service record. */
	record ConfirmCmd(boolean confirmed) {
	}

	@PostMapping("/api/v1/party/reports")
	@Operation(summary = "Report to the residence community (双报到), by the member or registered by staff for a member",
			description = "Also renews: allowed when the current report expires within 30 days or has expired.")
	ResponseEntity<ReportView> report(@Valid @RequestBody ReportCmd cmd, @AuthenticationPrincipal GongzhiUser me) {
		ReportView created = reports.report(me, cmd);
		return ResponseEntity.created(URI.create("/api/v1/party/reports/" + created.id())).body(created);
	}

	@PostMapping("/api/v1/party/reports/{id}/review")
	@Operation(summary = "The community accepts a report, or refuses it with a reason")
	ReportView review(@PathVariable long id, @Valid @RequestBody ReviewCmd cmd, @AuthenticationPrincipal GongzhiUser me) {
		return reports.review(me, id, cmd);
	}

	@GetMapping("/api/v1/party/reports")
	@Operation(summary = "Reports to the communities in the caller's scope (双报到收件箱), pending first")
	List<ReportView> inbox(@RequestParam(required = false) String community,
			@RequestParam(required = false) ReportStatus status, @AuthenticationPrincipal GongzhiUser me) {
		return reports.inbox(me, community, status);
	}

	@GetMapping("/api/v1/party/reports/mine")
	@Operation(summary = "The caller's own reports")
	List<ReportView> mine(@AuthenticationPrincipal GongzhiUser me) {
		return reports.mine(me);
	}

	@GetMapping("/api/v1/party/organisations/{id}/not-reported")
	@Operation(summary = "In-service members of an organisation and those below it without a valid report (未报到)")
	List<MemberView> notReported(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me) {
		return reports.notReported(me, id);
	}

	@PostMapping("/api/v1/party/posts")
	@Operation(summary = "Publish a service post in a community (设岗定责)")
	ResponseEntity<PostView> publish(@Valid @RequestBody PostCmd cmd, @AuthenticationPrincipal GongzhiUser me) {
		PostView created = posts.publish(me, cmd);
		return ResponseEntity.created(URI.create("/api/v1/party/posts/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/party/posts")
	@Operation(summary = "Service posts: staff see their scope, members the communities they are reported to")
	List<PostView> posts(@RequestParam(required = false) String community, @AuthenticationPrincipal GongzhiUser me) {
		return posts.posts(me, community);
	}

	@PostMapping("/api/v1/party/posts/{id}/claims")
	@Operation(summary = "Claim a post (认岗); the member must be reported to the post's community")
	PostView claim(@PathVariable long id, @RequestBody(required = false) ClaimCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		return posts.claim(me, id, cmd == null ? null : cmd.memberId());
	}

	@GetMapping("/api/v1/party/posts/unclaimed")
	@Operation(summary = "Members reported to the community who hold none of its posts (未认岗)")
	List<MemberView> unclaimed(@RequestParam String community, @AuthenticationPrincipal GongzhiUser me) {
		return posts.withoutPost(me, community);
	}

	@PostMapping("/api/v1/party/claims/{id}/services")
	@Operation(summary = "Record service done on a claimed post (服务记录), to be confirmed by the community")
	ResponseEntity<ServiceRecordView> record(@PathVariable long id, @Valid @RequestBody ServiceCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		ServiceRecordView created = posts.record(me, id, cmd);
		return ResponseEntity.created(URI.create("/api/v1/party/services/" + created.id())).body(created);
	}

	@PostMapping("/api/v1/party/services/{id}/confirm")
	@Operation(summary = "The community confirms or rejects a service record")
	ServiceRecordView confirm(@PathVariable long id, @RequestBody ConfirmCmd cmd, @AuthenticationPrincipal GongzhiUser me) {
		return posts.confirm(me, id, cmd.confirmed());
	}

	@GetMapping("/api/v1/party/services")
	@Operation(summary = "Service records: staff see their scope (pending first), members their own")
	List<ServiceRecordView> services(@RequestParam(required = false) String community,
			@AuthenticationPrincipal GongzhiUser me) {
		return posts.records(me, community);
	}

}
