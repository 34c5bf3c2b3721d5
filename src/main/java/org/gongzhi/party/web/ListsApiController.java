package org.gongzhi.party.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.ClaimNeedCmd;
import org.gongzhi.party.ClaimResourceCmd;
import org.gongzhi.party.MatchView;
import org.gongzhi.party.MilestoneCmd;
import org.gongzhi.party.NeedCategory;
import org.gongzhi.party.NeedCmd;
import org.gongzhi.party.NeedStatus;
import org.gongzhi.party.NeedView;
import org.gongzhi.party.ProgressCmd;
import org.gongzhi.party.ProjectStatus;
import org.gongzhi.party.ProjectView;
import org.gongzhi.party.ProviderView;
import org.gongzhi.party.ResourceCmd;
import org.gongzhi.party.ResourceKind;
import org.gongzhi.party.ResourceView;
import org.gongzhi.party.UnitAccountCmd;
import org.gongzhi.party.domain.Projects;
import org.gongzhi.party.domain.ThreeLists;
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
@Tag(name = "Party three lists and projects", description = "三张清单（需求清单、资源清单、项目清单）、双向认领、匹配建议、项目进展")
class ListsApiController {

	private final ThreeLists lists;

	private final Projects projects;

	ListsApiController(ThreeLists lists, Projects projects) {
		this.lists = lists;
		this.projects = projects;
	}

	/** Marks a milestone reached or not. */
	record MilestoneDoneCmd(boolean done) {
	}

	@GetMapping("/api/v1/party/needs")
	@Operation(summary = "The need list (需求清单), public to every signed-in user; open needs first",
			description = "Filter by community code, a text in title or description, category and status.")
	PageResult<NeedView> needs(@RequestParam(required = false) String community,
			@RequestParam(required = false) String q, @RequestParam(required = false) NeedCategory category,
			@RequestParam(required = false) NeedStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size) {
		return lists.needs(community, q, category, status, page, PageResult.size(size, 20, 200));
	}

	@GetMapping("/api/v1/party/needs/{id}")
	@Operation(summary = "One need, with the id of the live project it was claimed into")
	NeedView need(@PathVariable long id) {
		return lists.need(id);
	}

	@PostMapping("/api/v1/party/needs")
	@Operation(summary = "Publish a need (发布需求) for a community or grid in the caller's scope",
			description = "Community managers only (community staff, Party secretary, street or system admin), not unit "
					+ "accounts. Without a point the point of the linked case is taken, else distance is estimated from areas.")
	ResponseEntity<NeedView> publishNeed(@Valid @RequestBody NeedCmd cmd, @AuthenticationPrincipal GongzhiUser me) {
		NeedView created = lists.publishNeed(me, cmd);
		return ResponseEntity.created(URI.create("/api/v1/party/needs/" + created.id())).body(created);
	}

	@PostMapping("/api/v1/party/needs/{id}/withdraw")
	@Operation(summary = "Withdraw an open need (撤回需求)")
	NeedView withdrawNeed(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me) {
		return lists.withdrawNeed(me, id);
	}

	@GetMapping("/api/v1/party/needs/{id}/matches")
	@Operation(summary = "Matching suggestions (匹配建议): open resources ranked for the need",
			description = "Score out of 100: category up to 50, distance up to 30 (haversine between points, or estimated "
					+ "from the area codes), past delivery up to 20 (4 per completed project of the provider).")
	List<MatchView> matches(@PathVariable long id, @RequestParam(required = false) Integer limit) {
		return lists.matches(id, PageResult.size(limit, 10, 50));
	}

	@PostMapping("/api/v1/party/needs/{id}/claims")
	@Operation(summary = "A unit or member claims an open need (认领需求), which opens a project at once",
			description = "Offer one of the caller's open resources (resourceId) or a free-text offer.")
	ResponseEntity<ProjectView> claimNeed(@PathVariable long id, @Valid @RequestBody ClaimNeedCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		ProjectView project = lists.claimNeed(me, id, cmd);
		return ResponseEntity.created(URI.create("/api/v1/party/projects/" + project.id())).body(project);
	}

	@GetMapping("/api/v1/party/resources")
	@Operation(summary = "The resource list (资源清单), public to every signed-in user",
			description = "Filter by text, kind, category and provider key; mine=true lists the caller's own resources.")
	PageResult<ResourceView> resources(@RequestParam(required = false) String q,
			@RequestParam(required = false) ResourceKind kind, @RequestParam(required = false) NeedCategory category,
			@RequestParam(required = false) String provider, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "false") boolean openOnly, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal GongzhiUser me) {
		String key = provider;
		if (mine) {
			key = lists.providerOf(me).map(ProviderView::key).orElse("-");
		}
		return lists.resources(q, kind, category, key, openOnly, page, PageResult.size(size, 20, 200));
	}

	@GetMapping("/api/v1/party/resources/{id}")
	@Operation(summary = "One resource")
	ResourceView resource(@PathVariable long id) {
		return lists.resource(id);
	}

	@PostMapping("/api/v1/party/resources")
	@Operation(summary = "Publish a resource (发布资源): venue, funds, skill or service",
			description = "Without providerKind and providerId the caller offers it as their unit or member record; staff "
					+ "may record an offer for a provider inside their scope.")
	ResponseEntity<ResourceView> publishResource(@Valid @RequestBody ResourceCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		ResourceView created = lists.publishResource(me, cmd);
		return ResponseEntity.created(URI.create("/api/v1/party/resources/" + created.id())).body(created);
	}

	@PostMapping("/api/v1/party/resources/{id}/withdraw")
	@Operation(summary = "Withdraw a resource (撤回资源); projects already using it go on")
	ResourceView withdrawResource(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me) {
		return lists.withdrawResource(me, id);
	}

	@PostMapping("/api/v1/party/resources/{id}/claims")
	@Operation(summary = "A community claims a resource for one of its open needs (认领资源), which opens a project")
	ResponseEntity<ProjectView> claimResource(@PathVariable long id, @Valid @RequestBody ClaimResourceCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		ProjectView project = lists.claimResource(me, id, cmd);
		return ResponseEntity.created(URI.create("/api/v1/party/projects/" + project.id())).body(project);
	}

	@GetMapping("/api/v1/party/providers/me")
	@Operation(summary = "Who the caller offers resources as: their linked unit, else their Party member record")
	ProviderView provider(@AuthenticationPrincipal GongzhiUser me) {
		return lists.providerOf(me).orElseThrow(() -> DomainException.notFound("party.lists.provider.none"));
	}

	@PutMapping("/api/v1/party/unit-accounts")
	@Operation(summary = "Link a sign-in account to a unit (驻区单位账号) so that it acts for the unit",
			description = "Managers whose scope covers the unit's Party organisation.")
	ResponseEntity<Void> linkUnit(@Valid @RequestBody UnitAccountCmd cmd, @AuthenticationPrincipal GongzhiUser me) {
		lists.linkUnitAccount(me, cmd);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/party/projects")
	@Operation(summary = "The project board (项目清单), public to every signed-in user; projects in progress first")
	PageResult<ProjectView> projects(@RequestParam(required = false) String community,
			@RequestParam(required = false) String q, @RequestParam(required = false) ProjectStatus status,
			@RequestParam(required = false) String provider, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size) {
		return projects.board(community, q, status, provider, page, PageResult.size(size, 20, 200));
	}

	@GetMapping("/api/v1/party/projects/{id}")
	@Operation(summary = "One project with its milestones")
	ProjectView project(@PathVariable long id) {
		return projects.get(id);
	}

	@PostMapping("/api/v1/party/projects/{id}/progress")
	@Operation(summary = "Update a project's progress (项目进展); status DONE needs a result, STOPPED a reason",
			description = "The owner, the provider's accounts and the community's managers.")
	ProjectView progress(@PathVariable long id, @Valid @RequestBody ProgressCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		return projects.progress(me, id, cmd);
	}

	@PostMapping("/api/v1/party/projects/{id}/milestones")
	@Operation(summary = "Add a milestone (里程碑) to a project in progress")
	ResponseEntity<ProjectView> addMilestone(@PathVariable long id, @Valid @RequestBody MilestoneCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		return ResponseEntity.status(201).body(projects.addMilestone(me, id, cmd));
	}

	@PostMapping("/api/v1/party/projects/{id}/milestones/{milestoneId}")
	@Operation(summary = "Mark a milestone reached, or reopen it")
	ProjectView markMilestone(@PathVariable long id, @PathVariable long milestoneId,
			@RequestBody MilestoneDoneCmd cmd, @AuthenticationPrincipal GongzhiUser me) {
		return projects.markMilestone(me, id, milestoneId, cmd.done());
	}

}
