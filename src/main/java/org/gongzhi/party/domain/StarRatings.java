package org.gongzhi.party.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongzhi.cases.kpi.KpiCounts;
import org.gongzhi.cases.kpi.KpiCriteria;
import org.gongzhi.cases.kpi.KpiDimension;
import org.gongzhi.cases.kpi.KpiQuery;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.party.CriterionCmd;
import org.gongzhi.party.RatingResultView;
import org.gongzhi.party.RatingSheet;
import org.gongzhi.party.RatingSource;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.PageResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Star rating (星级评定) of branches and general branches once a year: criteria with weights summing to 100 that
 * street-level managers set, scores of 0 to 100 that raters enter (resident satisfaction filled from the residents'
 * ratings of closed cases in the branch's area, and branch-life compliance from the cadence check, unless a rater
 * enters them), a weighted total, stars suggested by gongzhi.party.stars.thresholds, manual adjustment, the five-star
 * cap gongzhi.party.five-star-cap (default 10 percent), and finalisation that freezes the year into the history.
 */
@Service
public class StarRatings {

	static final String SATISFACTION = "SATISFACTION";

	static final String CADENCE = "CADENCE";

	private final BranchLifeRepository repository;

	private final BranchLife life;

	private final KpiQuery kpis;

	private final AuditLog audit;

	private final StarRules rules;

	StarRatings(BranchLifeRepository repository, BranchLife life, KpiQuery kpis, AuditLog audit,
			@Value("${gongzhi.party.stars.thresholds:90,80,70,60}") String thresholds,
			@Value("${gongzhi.party.five-star-cap:0.10}") BigDecimal fiveStarCap) {
		this.repository = repository;
		this.life = life;
		this.kpis = kpis;
		this.audit = audit;
		this.rules = new StarRules(Arrays.stream(thresholds.split(",")).map(String::strip).map(BigDecimal::new).toList(),
				fiveStarCap);
	}

	/** The suggested-star thresholds (five, four, three, two stars), for the page's help text. */
	public List<BigDecimal> thresholds() {
		return rules.thresholds();
	}

	static boolean streetLevel(GongzhiUser me) {
		return me.hasAny(Role.SYSTEM_ADMIN, Role.STREET_ADMIN);
	}

	private static void requireStreetLevel(GongzhiUser me) {
		if (!streetLevel(me)) {
			throw DomainException.forbidden("party.rating.streetOnly");
		}
	}

	private static void checkYear(int year) {
		if (year < 2000 || year > BranchLife.today().getYear()) {
			throw DomainException.invalid("year", "party.rating.year.range", String.valueOf(year));
		}
	}

	/** The year's worksheet for the branches in the user's scope; the year gets the default criteria first. */
	@Transactional
	public RatingSheet sheet(GongzhiUser me, int year) {
		PartyAccess.requireStaff(me);
		checkYear(year);
		return sheet(PartyAccess.prefix(me), year, BranchLife.today());
	}

	RatingSheet sheet(String prefix, int year, LocalDate today) {
		ensureCriteria(year);
		List<RatingSheet.Criterion> criteria = repository.criteria(year);
		Object[] finalised = repository.finalised(year).orElse(null);
		Map<Long, Map<String, BigDecimal>> entered = repository.scores(year);
		Map<Long, BranchLifeRepository.ResultRow> results = repository.results(year);
		List<BranchLifeRepository.BranchRow> branches = repository.branches(prefix);
		boolean frozen = finalised != null;
		if (frozen) {
			branches = branches.stream().filter(b -> results.containsKey(b.id()) && results.get(b.id()).stars() != null)
				.toList();
		}
		Map<Long, List<CadenceRules.Held>> held = frozen ? Map.of()
				: repository.held(prefix, LocalDate.of(year, 1, 1));
		List<RatingSheet.Row> rows = new ArrayList<>();
		int five = 0;
		for (BranchLifeRepository.BranchRow b : branches) {
			Map<String, BigDecimal> scores = new LinkedHashMap<>();
			Map<String, Boolean> computed = new HashMap<>();
			Map<String, BigDecimal> mine = entered.getOrDefault(b.id(), Map.of());
			for (RatingSheet.Criterion c : criteria) {
				BigDecimal score = mine.get(c.code());
				if (score == null && !frozen) {
					score = switch (c.source()) {
						case SATISFACTION -> satisfaction(b.areaCode(), year, today);
						case CADENCE -> life.compliance(b, year, today, held);
						case MANUAL -> null;
					};
					computed.put(c.code(), score != null);
				}
				else {
					computed.put(c.code(), false);
				}
				if (score != null) {
					scores.put(c.code(), score);
				}
			}
			BranchLifeRepository.ResultRow result = results.get(b.id());
			BigDecimal total;
			Integer suggested;
			Integer stars;
			if (frozen) {
				total = result.total();
				suggested = result.suggestedStars();
				stars = result.stars();
			}
			else {
				total = rules.total(criteria, scores);
				suggested = total == null ? null : rules.suggested(total);
				stars = result != null && result.adjustedStars() != null ? result.adjustedStars() : suggested;
			}
			if (stars != null && stars == 5) {
				five++;
			}
			rows.add(new RatingSheet.Row(b.id(), b.name(), b.areaCode(), scores, computed, total, suggested,
					result == null ? null : result.adjustedStars(), result == null ? null : result.adjustReason(), stars));
		}
		return new RatingSheet(year, frozen, frozen ? (Instant) finalised[0] : null,
				frozen ? (String) finalised[1] : null, criteria, rows, rules.fiveStarCap(),
				rules.fiveStarLimit(rows.size()), five);
	}

	/**
	 * Residents' satisfaction (满意率) with the closed cases in a community or grid in the year, in percent with one
	 * decimal, from the cases module's KPI rollups; null where nobody rated or the branch is not tied to a community
	 * or grid.
	 */
	BigDecimal satisfaction(String areaCode, int year, LocalDate today) {
		if (areaCode == null || (areaCode.length() != 12 && areaCode.length() != 15)) {
			return null;
		}
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		if (to.isAfter(today)) {
			to = today;
		}
		KpiCounts counts = kpis.run(new KpiCriteria(from, to, KpiDimension.MONTH, false, areaCode, null)).stream()
			.map(r -> r.counts()).reduce(KpiCounts.ZERO, KpiCounts::plus);
		if (counts.rated() == 0) {
			return null;
		}
		return BigDecimal.valueOf(counts.satisfied() * 100L).divide(BigDecimal.valueOf(counts.rated()), 1,
				RoundingMode.HALF_UP);
	}

	void ensureCriteria(int year) {
		if (!repository.criteria(year).isEmpty()) {
			return;
		}
		List<RatingSheet.Criterion> previous = repository.criteria(year - 1);
		if (!previous.isEmpty()) {
			int sort = 0;
			for (RatingSheet.Criterion c : previous) {
				repository.insertCriterion(year, c.code(), c.name(), c.weight(), c.source(), sort++);
			}
			return;
		}
		repository.insertCriterion(year, "ORGANISATION", "组织建设", 20, RatingSource.MANUAL, 0);
		repository.insertCriterion(year, CADENCE, "组织生活", 25, RatingSource.CADENCE, 1);
		repository.insertCriterion(year, "SERVICE", "服务群众", 20, RatingSource.MANUAL, 2);
		repository.insertCriterion(year, SATISFACTION, "居民满意度", 20, RatingSource.SATISFACTION, 3);
		repository.insertCriterion(year, "VANGUARD", "党员作用发挥", 15, RatingSource.MANUAL, 4);
	}

	private void requireOpen(int year) {
		repository.lockYear(year);
		if (repository.finalised(year).isPresent()) {
			throw DomainException.conflict("party.rating.finalised", String.valueOf(year));
		}
	}

	/**
	 * Replaces the year's criteria: existing codes keep their scores, new rows get a code, left-out criteria are
	 * removed with their scores. The weights must sum to 100. Street-level managers only.
	 */
	@Transactional
	public RatingSheet saveCriteria(GongzhiUser me, int year, List<CriterionCmd> criteria) {
		requireStreetLevel(me);
		checkYear(year);
		requireOpen(year);
		ensureCriteria(year);
		if (criteria == null || criteria.isEmpty()) {
			throw DomainException.invalid("criteria", "party.rating.criteria.empty");
		}
		int sum = criteria.stream().mapToInt(CriterionCmd::weight).sum();
		if (sum != 100) {
			throw DomainException.invalid("criteria", "party.rating.weights.sum", sum);
		}
		Map<String, RatingSheet.Criterion> existing = new HashMap<>();
		repository.criteria(year).forEach(c -> existing.put(c.code(), c));
		Set<String> names = new HashSet<>();
		Set<String> kept = new HashSet<>();
		int sort = 0;
		for (CriterionCmd c : criteria) {
			String name = c.name().strip();
			if (!names.add(name)) {
				throw DomainException.invalid("criteria", "party.rating.name.duplicate", name);
			}
			RatingSheet.Criterion old = c.code() == null || c.code().isBlank() ? null : existing.get(c.code().strip());
			if (c.code() != null && !c.code().isBlank() && old == null) {
				throw DomainException.invalid("criteria", "party.rating.code.unknown", c.code());
			}
			if (old != null) {
				repository.updateCriterion(old.id(), name, c.weight(), sort++);
				kept.add(old.code());
			}
			else {
				String code = "C" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase() + sort;
				repository.insertCriterion(year, code, name, c.weight(),
						c.source() == null ? RatingSource.MANUAL : c.source(), sort++);
				kept.add(code);
			}
		}
		for (RatingSheet.Criterion old : existing.values()) {
			if (!kept.contains(old.code())) {
				repository.deleteCriterion(old.id());
			}
		}
		audit.record("party.rating.criteria", "party-rating", String.valueOf(year),
				String.join("、", criteria.stream().map(c -> c.name().strip() + " " + c.weight()).toList()));
		return sheet(me, year);
	}

	/**
	 * Enters a branch's scores by criterion code (0 to 100); an empty score removes the entry, so computed criteria
	 * fall back to their computed value. Managers inside their scope.
	 */
	@Transactional
	public RatingSheet.Row score(GongzhiUser me, int year, long organisationId, Map<String, BigDecimal> scores) {
		checkYear(year);
		BranchLifeRepository.BranchRow branch = branch(me, organisationId);
		PartyAccess.requireManager(me, branch.areaCode());
		requireOpen(year);
		ensureCriteria(year);
		Map<String, RatingSheet.Criterion> byCode = new HashMap<>();
		repository.criteria(year).forEach(c -> byCode.put(c.code(), c));
		List<String> changes = new ArrayList<>();
		for (Map.Entry<String, BigDecimal> e : scores.entrySet()) {
			RatingSheet.Criterion c = byCode.get(e.getKey());
			if (c == null) {
				throw DomainException.invalid("scores", "party.rating.code.unknown", e.getKey());
			}
			BigDecimal score = e.getValue();
			if (score == null) {
				repository.removeScore(c.id(), organisationId);
				changes.add(c.name() + " —");
				continue;
			}
			if (score.compareTo(BigDecimal.ZERO) < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
				throw DomainException.invalid("scores", "party.rating.score.range", c.name());
			}
			score = score.setScale(1, RoundingMode.HALF_UP);
			repository.putScore(c.id(), organisationId, score, me.displayName());
			changes.add(c.name() + " " + score.toPlainString());
		}
		audit.record("party.rating.score", "party-organisation", String.valueOf(organisationId),
				year + " " + branch.name() + "：" + String.join("、", changes));
		return row(me, year, organisationId);
	}

	/**
	 * Sets or clears the manual star adjustment of a branch; a reason is required, and five stars are refused when
	 * the cap is already reached. Street-level managers only.
	 */
	@Transactional
	public RatingSheet.Row adjust(GongzhiUser me, int year, long organisationId, Integer stars, String reason) {
		requireStreetLevel(me);
		checkYear(year);
		BranchLifeRepository.BranchRow branch = branch(me, organisationId);
		requireOpen(year);
		if (stars != null && (stars < 1 || stars > 5)) {
			throw DomainException.invalid("stars", "party.rating.stars.range");
		}
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (stars != null && why == null) {
			throw DomainException.invalid("reason", "party.rating.reason.required");
		}
		if (why != null && why.length() > 200) {
			throw DomainException.invalid("reason", "party.rating.reason.size");
		}
		if (stars != null && stars == 5) {
			RatingSheet sheet = sheet(PartyAccess.prefix(me), year, BranchLife.today());
			long others = sheet.rows().stream()
				.filter(r -> r.organisationId() != organisationId && r.stars() != null && r.stars() == 5).count();
			if (others + 1 > sheet.fiveStarLimit()) {
				throw DomainException.conflict("party.rating.cap", percent(), sheet.rows().size(), sheet.fiveStarLimit());
			}
		}
		repository.adjust(year, organisationId, stars, stars == null ? null : why);
		audit.record("party.rating.adjust", "party-organisation", String.valueOf(organisationId),
				year + " " + branch.name() + "：" + (stars == null ? "—" : stars + "★ " + why));
		return row(me, year, organisationId);
	}

	/**
	 * Finalises the year: every branch in the user's scope needs a complete total, the five-star cap must hold, then
	 * computed scores, totals and stars are frozen and the year can no longer change. Street-level managers only.
	 */
	@Transactional
	public RatingSheet finalise(GongzhiUser me, int year) {
		requireStreetLevel(me);
		checkYear(year);
		finalise(PartyAccess.prefix(me), year, me.displayName(), BranchLife.today());
		audit.record("party.rating.finalise", "party-rating", String.valueOf(year), null);
		return sheet(me, year);
	}

	int finalise(String prefix, int year, String by, LocalDate today) {
		requireOpen(year);
		RatingSheet sheet = sheet(prefix, year, today);
		if (sheet.rows().isEmpty()) {
			throw DomainException.invalid("year", "party.rating.nothingToRate");
		}
		long incomplete = sheet.rows().stream().filter(r -> r.total() == null).count();
		if (incomplete > 0) {
			throw DomainException.invalid("scores", "party.rating.incomplete", incomplete);
		}
		if (sheet.overCap()) {
			throw DomainException.conflict("party.rating.capExceeded", percent(), sheet.rows().size(),
					sheet.fiveStarLimit(), sheet.fiveStarCount());
		}
		for (RatingSheet.Row row : sheet.rows()) {
			for (RatingSheet.Criterion c : sheet.criteria()) {
				if (Boolean.TRUE.equals(row.computed().get(c.code()))) {
					repository.putScore(c.id(), row.organisationId(), row.scores().get(c.code()), by);
				}
			}
			repository.freeze(year, row.organisationId(), row.total(), row.suggestedStars(), row.stars());
		}
		if (!repository.finalise(year, by, Instant.now())) {
			throw DomainException.conflict("party.rating.finalised", String.valueOf(year));
		}
		return sheet.rows().size();
	}

	/** Finalised results in the user's scope, newest year first, optionally of one branch or year. */
	@Transactional(readOnly = true)
	public PageResult<RatingResultView> history(GongzhiUser me, Long organisationId, Integer year, int page, int size) {
		PartyAccess.requireStaff(me);
		if (organisationId != null) {
			branch(me, organisationId);
		}
		String prefix = PartyAccess.prefix(me);
		int p = Math.max(page, 0);
		return new PageResult<>(repository.history(prefix, organisationId, year, p * size, size), p, size,
				repository.countHistory(prefix, organisationId, year));
	}

	private RatingSheet.Row row(GongzhiUser me, int year, long organisationId) {
		return sheet(PartyAccess.prefix(me), year, BranchLife.today()).rows().stream()
			.filter(r -> r.organisationId() == organisationId).findFirst()
			.orElseThrow(() -> DomainException.notFound("party.life.organisation.notFound"));
	}

	private BranchLifeRepository.BranchRow branch(GongzhiUser me, long organisationId) {
		PartyAccess.requireStaff(me);
		BranchLifeRepository.BranchRow branch = repository.branch(organisationId)
			.orElseThrow(() -> DomainException.notFound("party.life.organisation.notFound"));
		if (!me.scope().covers(branch.areaCode())) {
			throw DomainException.forbidden("party.outOfScope");
		}
		return branch;
	}

	private String percent() {
		return rules.fiveStarCap().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
	}

}
