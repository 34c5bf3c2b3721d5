package org.gongzhi.party.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.CadencePeriod;
import org.gongzhi.party.CadenceWarning;
import org.gongzhi.party.CriterionCmd;
import org.gongzhi.party.MeetingCmd;
import org.gongzhi.party.MeetingKind;
import org.gongzhi.party.MeetingView;
import org.gongzhi.party.RatingResultView;
import org.gongzhi.party.RatingSheet;
import org.gongzhi.party.domain.BranchLife;
import org.gongzhi.party.domain.StarRatings;
import org.gongzhi.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Branch life and star rating", description = "组织生活（三会一课、主题党日）、频次预警、星级评定")
class BranchLifeApiController {

	private final BranchLife life;

	private final StarRatings ratings;

	BranchLifeApiController(BranchLife life, StarRatings ratings) {
		this.life = life;
		this.ratings = ratings;
	}

	@GetMapping("/api/v1/party/meetings")
	@Operation(summary = "Branch-life meetings in the caller's scope, newest first (三会一课、主题党日)",
			description = "Optionally of one branch, one kind, and between two days (both inclusive).")
	PageResult<MeetingView> meetings(@RequestParam(required = false) Long organisationId,
			@RequestParam(required = false) MeetingKind kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal GongzhiUser me) {
		return life.meetings(me, organisationId, kind, from, to, page, PageResult.size(size, 20, 200));
	}

	@GetMapping("/api/v1/party/meetings/{id}")
	@Operation(summary = "One meeting with attendance, absent members and minutes")
	MeetingView meeting(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me) {
		return life.meeting(me, id);
	}

	@PostMapping("/api/v1/party/meetings")
	@Operation(summary = "Record a meeting of a branch or general branch",
			description = "Refused for a future day, more present than expected, or more absent members listed than missing.")
	ResponseEntity<MeetingView> record(@Valid @RequestBody MeetingCmd cmd, @AuthenticationPrincipal GongzhiUser me) {
		MeetingView created = life.record(me, cmd);
		return ResponseEntity.created(URI.create("/api/v1/party/meetings/" + created.id())).body(created);
	}

	@PutMapping("/api/v1/party/meetings/{id}")
	@Operation(summary = "Correct a recorded meeting; the absent members given replace the stored ones")
	MeetingView update(@PathVariable long id, @Valid @RequestBody MeetingCmd cmd, @AuthenticationPrincipal GongzhiUser me) {
		return life.update(me, id, cmd);
	}

	@DeleteMapping("/api/v1/party/meetings/{id}")
	@Operation(summary = "Delete a meeting recorded by mistake")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me) {
		life.delete(me, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/party/cadence")
	@Operation(summary = "Which branch is behind its branch-life cadence (组织生活预警)",
			description = "Current periods (本月, 本季度, 今年) first, then missed past periods within the look-back. "
					+ "current=true leaves out the past periods.")
	CadenceReport cadence(@RequestParam(required = false) Long organisationId,
			@RequestParam(defaultValue = "false") boolean current, @AuthenticationPrincipal GongzhiUser me) {
		return new CadenceReport(life.cadence(), life.warnings(me, organisationId, current));
	}

	/** The required cadence per kind and the warnings. */
	record CadenceReport(Map<MeetingKind, CadencePeriod> cadence, List<CadenceWarning> warnings) {
	}

	@GetMapping("/api/v1/party/ratings/{year}")
	@Operation(summary = "The year's star-rating worksheet (星级评定表) for the branches in the caller's scope")
	RatingSheet sheet(@PathVariable int year, @AuthenticationPrincipal GongzhiUser me) {
		return ratings.sheet(me, year);
	}

	@PutMapping("/api/v1/party/ratings/{year}/criteria")
	@Operation(summary = "Replace the year's criteria (weights must sum to 100); street-level managers")
	RatingSheet criteria(@PathVariable int year, @Valid @RequestBody CriteriaCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		return ratings.saveCriteria(me, year, cmd.criteria());
	}

	/** The whole list of a year's criteria, in order. */
	record CriteriaCmd(List<@Valid CriterionCmd> criteria) {
	}

	@PutMapping("/api/v1/party/ratings/{year}/scores/{organisationId}")
	@Operation(summary = "Enter a branch's scores (0-100) by criterion code; null clears an entry")
	RatingSheet.Row score(@PathVariable int year, @PathVariable long organisationId,
			@RequestBody Map<String, BigDecimal> scores, @AuthenticationPrincipal GongzhiUser me) {
		return ratings.score(me, year, organisationId, scores);
	}

	@PutMapping("/api/v1/party/ratings/{year}/stars/{organisationId}")
	@Operation(summary = "Adjust a branch's stars by hand with a reason, or clear the adjustment with null stars",
			description = "Five stars are refused once the five-star cap (gongzhi.party.five-star-cap) is reached.")
	RatingSheet.Row adjust(@PathVariable int year, @PathVariable long organisationId, @RequestBody StarsCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		return ratings.adjust(me, year, organisationId, cmd.stars(), cmd.reason());
	}

	/** A manual star adjustment (人工调整). */
	record StarsCmd(Integer stars, String reason) {
	}

	@PostMapping("/api/v1/party/ratings/{year}/finalise")
	@Operation(summary = "Finalise the year: freezes scores, totals and stars (定稿); refused over the five-star cap")
	RatingSheet finalise(@PathVariable int year, @AuthenticationPrincipal GongzhiUser me) {
		return ratings.finalise(me, year);
	}

	@GetMapping("/api/v1/party/ratings")
	@Operation(summary = "Finalised rating results (评定结果历史), newest year first, optionally of one branch or year")
	PageResult<RatingResultView> history(@RequestParam(required = false) Long organisationId,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal GongzhiUser me) {
		return ratings.history(me, organisationId, year, page, PageResult.size(size, 20, 200));
	}

}
