package org.gongzhi.party.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.UserSummary;
import org.gongzhi.party.LeaderAssignmentCmd;
import org.gongzhi.party.LeaderContactView;
import org.gongzhi.party.LeaderIssueCmd;
import org.gongzhi.party.LeaderVisitCmd;
import org.gongzhi.party.domain.LeaderContacts;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Party leaders' contact", description = "领导联系社区：联系领导、走访记录、领办事项")
class LeaderContactApiController {

	private final LeaderContacts contacts;

	LeaderContactApiController(LeaderContacts contacts) {
		this.contacts = contacts;
	}

	/** The result an issue was closed with. */
	record CloseCmd(String result) {
	}

	@GetMapping("/api/v1/party/leader-contacts")
	@Operation(summary = "Communities with their leaders, last visit, open issues and the visit-overdue flag",
			description = "The caller's own communities come first, then those overdue for a visit.")
	List<LeaderContactView> board(@AuthenticationPrincipal GongzhiUser me) {
		return contacts.board(me);
	}

	@GetMapping("/api/v1/party/leader-contacts/communities/{code}")
	@Operation(summary = "One community's leaders, visits (newest first) and issues (open first)")
	LeaderContactView.Detail detail(@PathVariable String code, @AuthenticationPrincipal GongzhiUser me) {
		return contacts.detail(me, code);
	}

	@GetMapping("/api/v1/party/leader-contacts/leaders")
	@Operation(summary = "Users with the leader role who may be assigned to the community")
	List<UserSummary> leaders(@RequestParam String community, @AuthenticationPrincipal GongzhiUser me) {
		return contacts.assignableLeaders(me, community);
	}

	@PostMapping("/api/v1/party/leader-contacts/assignments")
	@Operation(summary = "Assign a leader (a user with the leader role, or a name and post) to a community")
	ResponseEntity<LeaderContactView.Assignment> assign(@Valid @RequestBody LeaderAssignmentCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		LeaderContactView.Assignment created = contacts.assign(me, cmd);
		return ResponseEntity.created(URI.create("/api/v1/party/leader-contacts/communities/" + created.communityCode()))
			.body(created);
	}

	@PostMapping("/api/v1/party/leader-contacts/assignments/{id}/end")
	@Operation(summary = "End an assignment today; its visits and issues stay on record")
	LeaderContactView.Assignment end(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me) {
		return contacts.end(me, id);
	}

	@PostMapping("/api/v1/party/leader-contacts/visits")
	@Operation(summary = "Record a visit (走访) of an assigned leader")
	ResponseEntity<LeaderContactView.Visit> visit(@Valid @RequestBody LeaderVisitCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		LeaderContactView.Visit created = contacts.visit(me, cmd);
		return ResponseEntity.status(201).body(created);
	}

	@PostMapping("/api/v1/party/leader-contacts/issues")
	@Operation(summary = "Take up an issue (领办事项), optionally linked to a case by its number")
	ResponseEntity<LeaderContactView.Issue> takeUp(@Valid @RequestBody LeaderIssueCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		return ResponseEntity.status(201).body(contacts.takeUp(me, cmd));
	}

	@PostMapping("/api/v1/party/leader-contacts/issues/{id}/close")
	@Operation(summary = "Close an issue (已办结) with its result")
	LeaderContactView.Issue close(@PathVariable long id, @RequestBody CloseCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		return contacts.close(me, id, cmd == null ? null : cmd.result());
	}

}
