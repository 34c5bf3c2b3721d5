package org.gongzhi.people.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.people.GrantCmd;
import org.gongzhi.people.GrantView;
import org.gongzhi.people.PeopleGroups;
import org.gongzhi.people.PersonGroupCmd;
import org.gongzhi.people.PersonGroupView;
import org.gongzhi.shared.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Person groups and grants", description = "关爱人群 / 重点人群 and per-user grants on personal data")
class PeopleGroupApiController {

	private final PeopleGroups groups;

	PeopleGroupApiController(PeopleGroups groups) {
		this.groups = groups;
	}

	@GetMapping("/api/v1/person-groups")
	@Operation(summary = "The enabled groups the caller may see: care groups and granted key groups")
	List<PersonGroupView> groups(@AuthenticationPrincipal GongzhiUser me) {
		return groups.groups(me);
	}

	@GetMapping("/api/v1/person-groups/all")
	@Operation(summary = "Every group, enabled or not (street and system administrators)")
	List<PersonGroupView> all(@AuthenticationPrincipal GongzhiUser me) {
		return groups.allGroups(me);
	}

	@PutMapping("/api/v1/person-groups/{code}")
	@Operation(summary = "Create or change a group with its visit cadence (street and system administrators)")
	PersonGroupView save(@PathVariable String code, @Valid @RequestBody PersonGroupCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		if (!code.equals(cmd.code())) {
			throw DomainException.invalid("code", "people.group.code.pattern");
		}
		return groups.saveGroup(me, cmd);
	}

	@GetMapping("/api/v1/people-grants")
	@Operation(summary = "Every grant on personal data (system administrators)")
	List<GrantView> grants(@AuthenticationPrincipal GongzhiUser me) {
		return groups.grants(me);
	}

	@PostMapping("/api/v1/people-grants")
	@Operation(summary = "Grant a user REVEAL_NUMBERS or one KEY_GROUP (system administrators; audit-logged)")
	GrantView grant(@Valid @RequestBody GrantCmd cmd, @AuthenticationPrincipal GongzhiUser me) {
		return groups.grant(me, cmd);
	}

	@DeleteMapping("/api/v1/people-grants/{id}")
	@Operation(summary = "Revoke a grant (system administrators; audit-logged)")
	ResponseEntity<Void> revoke(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me) {
		groups.revoke(me, id);
		return ResponseEntity.noContent().build();
	}

}
