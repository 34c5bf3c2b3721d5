package org.gongzhi.party.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.BadgeView;
import org.gongzhi.party.CoverageGap;
import org.gongzhi.party.MemberCmd;
import org.gongzhi.party.MemberView;
import org.gongzhi.party.OrganisationCmd;
import org.gongzhi.party.OrganisationView;
import org.gongzhi.party.domain.Organisations;
import org.gongzhi.party.domain.PartyMembers;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.PageResult;
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
@Tag(name = "Party organisations and members", description = "党组织、空白点、党员、亮身份")
class PartyApiController {

	private final Organisations organisations;

	private final PartyMembers members;

	PartyApiController(Organisations organisations, PartyMembers members) {
		this.organisations = organisations;
		this.members = members;
	}

	@GetMapping("/api/v1/party/organisations")
	@Operation(summary = "The Party organisations in the caller's scope (党组织树), parents before children")
	List<OrganisationView> tree(@AuthenticationPrincipal GongzhiUser me) {
		return organisations.tree(me);
	}

	@GetMapping("/api/v1/party/organisations/{id}")
	@Operation(summary = "One Party organisation with its committee and member units")
	OrganisationView organisation(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me) {
		return organisations.get(me, id);
	}

	@PostMapping("/api/v1/party/organisations")
	@Operation(summary = "Create a Party organisation attached to an area (street, community, grid or building)")
	ResponseEntity<OrganisationView> create(@Valid @RequestBody OrganisationCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		OrganisationView created = organisations.create(me, cmd);
		return ResponseEntity.created(URI.create("/api/v1/party/organisations/" + created.id())).body(created);
	}

	@PutMapping("/api/v1/party/organisations/{id}")
	@Operation(summary = "Change a Party organisation; committee and member units given replace the stored ones")
	OrganisationView update(@PathVariable long id, @Valid @RequestBody OrganisationCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		return organisations.update(me, id, cmd);
	}

	@GetMapping("/api/v1/party/coverage")
	@Operation(summary = "Communities, grids and buildings with no Party organisation (空白点)",
			description = "Under the given area, or the caller's scope root when none is given.")
	List<CoverageGap> coverage(@RequestParam(required = false) String area, @AuthenticationPrincipal GongzhiUser me) {
		return organisations.coverage(me, area);
	}

	@GetMapping("/api/v1/party/members")
	@Operation(summary = "Party members whose organisation or residence is in the caller's scope (phones masked)")
	PageResult<MemberView> members(@RequestParam(required = false) String q,
			@RequestParam(required = false) Long organisationId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal GongzhiUser me) {
		return members.list(me, q, organisationId, page, PageResult.size(size, 20, 200));
	}

	@GetMapping("/api/v1/party/members/me")
	@Operation(summary = "The caller's own Party member record")
	MemberView me(@AuthenticationPrincipal GongzhiUser me) {
		return members.mine(me).orElseThrow(() -> DomainException.notFound("party.member.notLinked"));
	}

	@GetMapping("/api/v1/party/members/{id}")
	@Operation(summary = "One Party member")
	MemberView member(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me) {
		return members.get(me, id);
	}

	@PostMapping("/api/v1/party/members")
	@Operation(summary = "Register a Party member; the phone is stored masked")
	ResponseEntity<MemberView> createMember(@Valid @RequestBody MemberCmd cmd, @AuthenticationPrincipal GongzhiUser me) {
		MemberView created = members.create(me, cmd);
		return ResponseEntity.created(URI.create("/api/v1/party/members/" + created.id())).body(created);
	}

	@PutMapping("/api/v1/party/members/{id}")
	@Operation(summary = "Change a Party member; a blank phone keeps the stored one")
	MemberView updateMember(@PathVariable long id, @Valid @RequestBody MemberCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		return members.update(me, id, cmd);
	}

	@GetMapping("/api/v1/party/badges")
	@Operation(summary = "Public badges (亮身份) of Party members living or organised in an area; any signed-in user")
	List<BadgeView> badges(@RequestParam String area) {
		return organisations.badges(area);
	}

}
