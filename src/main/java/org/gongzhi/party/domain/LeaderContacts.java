package org.gongzhi.party.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.cases.CaseApi;
import org.gongzhi.cases.CaseView;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.identity.UserSummary;
import org.gongzhi.party.IssueStatus;
import org.gongzhi.party.LeaderAssignmentCmd;
import org.gongzhi.party.LeaderContactView;
import org.gongzhi.party.LeaderIssueCmd;
import org.gongzhi.party.LeaderVisitCmd;
import org.gongzhi.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaders' contact (领导联系社区): leaders are assigned to communities, record their visits (走访) and take up issues
 * (领办事项) that they later close with a result; the board shows each community's leaders, last visit, open issues
 * and whether a visit is overdue (none in gongzhi.party.leader-visit-days, default 90). Managers assign inside their
 * scope; the assigned leader and managers record visits and issues; a leader sees their own communities first.
 */
@Service
public class LeaderContacts {

	private final LeaderContactRepository repository;

	private final Areas areas;

	private final AuditLog audit;

	private final UserDirectory users;

	private final CaseApi cases;

	private final int visitDays;

	LeaderContacts(LeaderContactRepository repository, Areas areas, AuditLog audit, UserDirectory users,
			CaseApi cases, @Value("${gongzhi.party.leader-visit-days:90}") int visitDays) {
		this.repository = repository;
		this.areas = areas;
		this.audit = audit;
		this.users = users;
		this.cases = cases;
		this.visitDays = visitDays;
	}

	/** Days without a visit after which a community is flagged. */
	public int visitDays() {
		return visitDays;
	}

	/** Every community in scope (and every community the user leads), the user's own first, then overdue ones. */
	@Transactional(readOnly = true)
	public List<LeaderContactView> board(GongzhiUser me) {
		requireReader(me);
		LocalDate today = today();
		Map<String, List<LeaderContactRepository.AssignmentRow>> byCommunity = new LinkedHashMap<>();
		for (AreaView c : areas.ofLevel(AreaLevel.COMMUNITY)) {
			if (me.scope().covers(c.code())) {
				byCommunity.put(c.code(), new ArrayList<>());
			}
		}
		for (LeaderContactRepository.AssignmentRow a : repository.assignments(PartyAccess.prefix(me), me.id())) {
			byCommunity.computeIfAbsent(a.communityCode(), k -> new ArrayList<>()).add(a);
		}
		Map<String, int[]> open = new HashMap<>();
		for (Object[] row : repository.openIssueCounts("%", today)) {
			open.put((String) row[0], new int[] { (Integer) row[1], (Integer) row[2] });
		}
		return byCommunity.entrySet().stream()
			.map(e -> summary(me, e.getKey(), e.getValue(), open.getOrDefault(e.getKey(), new int[2]), today))
			.sorted(Comparator.comparing((LeaderContactView v) -> !v.mine())
				.thenComparing(v -> !v.visitOverdue()).thenComparing(LeaderContactView::communityCode))
			.toList();
	}

	/** One community's leaders, visits (newest first, the last 200) and issues (open first). */
	@Transactional(readOnly = true)
	public LeaderContactView.Detail detail(GongzhiUser me, String community) {
		List<LeaderContactRepository.AssignmentRow> assignments = repository.assignmentsOf(community);
		requireRead(me, community, assignments);
		LocalDate today = today();
		List<LeaderContactView.Issue> issues = repository.issues(community).stream().map(i -> issue(i, today)).toList();
		int[] counts = { (int) issues.stream().filter(i -> i.status() == IssueStatus.OPEN).count(),
				(int) issues.stream().filter(LeaderContactView.Issue::late).count() };
		return new LeaderContactView.Detail(summary(me, community, assignments, counts, today),
				repository.visits(community, 200), issues);
	}

	/** Users with the leader role who may be assigned to the community. */
	@Transactional(readOnly = true)
	public List<UserSummary> assignableLeaders(GongzhiUser me, String community) {
		requireReader(me);
		return users.findAssignable(Role.LEADER, community);
	}

	@Transactional
	public LeaderContactView.Assignment assign(GongzhiUser me, LeaderAssignmentCmd cmd) {
		AreaView community = community(cmd.communityCode());
		PartyAccess.requireManager(me, community.code());
		String name = PartyRepository.blank(cmd.leaderName());
		if (cmd.leaderUserId() != null) {
			UserSummary leader = users.findById(cmd.leaderUserId()).filter(UserSummary::enabled)
				.filter(u -> u.roles().contains(Role.LEADER))
				.orElseThrow(() -> DomainException.invalid("leaderUserId", "party.leader.user.notLeader"));
			if (name == null) {
				name = ServiceCards.personName(leader.displayName());
			}
		}
		else if (name == null) {
			throw DomainException.invalid("leaderName", "party.leader.name.required");
		}
		if (cmd.endsOn() != null && cmd.endsOn().isBefore(cmd.startsOn())) {
			throw DomainException.invalid("endsOn", "party.leader.endsOn.order");
		}
		if (repository.activeAssignment(community.code(), cmd.leaderUserId(), name, cmd.startsOn())) {
			throw DomainException.conflict("party.leader.already");
		}
		long id = repository.insertAssignment(community.code(), cmd.leaderUserId(), name,
				PartyRepository.blank(cmd.leaderPost()), cmd.startsOn(), cmd.endsOn());
		audit.record("party.leader.assign", "party-leader-assignment", String.valueOf(id),
				name + " → " + community.name());
		return assignment(repository.assignment(id).orElseThrow(), today());
	}

	/** Ends an assignment today (the history of visits and issues stays). */
	@Transactional
	public LeaderContactView.Assignment end(GongzhiUser me, long id) {
		LeaderContactRepository.AssignmentRow a = found(me, id);
		PartyAccess.requireManager(me, a.communityCode());
		if (repository.endAssignment(id, today()) == 0) {
			throw DomainException.conflict("party.leader.ended");
		}
		audit.record("party.leader.end", "party-leader-assignment", String.valueOf(id), a.leaderName());
		return assignment(repository.assignment(id).orElseThrow(), today());
	}

	@Transactional
	public LeaderContactView.Visit visit(GongzhiUser me, LeaderVisitCmd cmd) {
		LeaderContactRepository.AssignmentRow a = found(me, cmd.assignmentId());
		requireActor(me, a);
		if (!a.activeOn(cmd.visitedOn())) {
			throw DomainException.invalid("visitedOn", "party.leader.visitedOn.outside");
		}
		long id = repository.insertVisit(a.id(), cmd.visitedOn(), cmd.peopleMet().strip(), cmd.discussed().strip(),
				me.id());
		audit.record("party.leader.visit", "party-leader-visit", String.valueOf(id),
				a.leaderName() + " " + cmd.visitedOn());
		return repository.visits(a.communityCode(), 200).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
	}

	@Transactional
	public LeaderContactView.Issue takeUp(GongzhiUser me, LeaderIssueCmd cmd) {
		LeaderContactRepository.AssignmentRow a = found(me, cmd.assignmentId());
		requireActor(me, a);
		LocalDate today = today();
		if (!a.activeOn(today)) {
			throw DomainException.conflict("party.leader.ended");
		}
		if (cmd.dueOn() != null && cmd.dueOn().isBefore(today)) {
			throw DomainException.invalid("dueOn", "party.leader.dueOn.past");
		}
		CaseView linked = linkedCase(cmd.caseNo());
		long id = repository.insertIssue(a.id(), cmd.title().strip(), PartyRepository.blank(cmd.detail()),
				linked == null ? null : linked.id(), linked == null ? null : linked.caseNo(), cmd.dueOn(), today);
		audit.record("party.leader.issue", "party-leader-issue", String.valueOf(id), a.leaderName() + "：" + cmd.title());
		return issue(repository.issue(id).orElseThrow(), today);
	}

	@Transactional
	public LeaderContactView.Issue close(GongzhiUser me, long issueId, String result) {
		LeaderContactRepository.IssueRow issue = repository.issue(issueId)
			.orElseThrow(() -> DomainException.notFound("party.leader.issue.notFound"));
		LeaderContactRepository.AssignmentRow a = found(me, issue.assignmentId());
		requireActor(me, a);
		String text = PartyRepository.blank(result);
		if (text == null) {
			throw DomainException.invalid("result", "party.leader.result.required");
		}
		if (text.length() > 1000) {
			throw DomainException.invalid("result", "party.leader.result.size");
		}
		if (repository.closeIssue(issueId, text, today()) == 0) {
			throw DomainException.conflict("party.leader.issue.closed");
		}
		audit.record("party.leader.close", "party-leader-issue", String.valueOf(issueId), issue.title());
		return issue(repository.issue(issueId).orElseThrow(), today());
	}

	CaseView linkedCase(String caseNo) {
		String no = PartyRepository.blank(caseNo);
		if (no == null) {
			return null;
		}
		return cases.find(no).orElseThrow(() -> DomainException.invalid("caseNo", "party.leader.caseNo.unknown", no));
	}

	private LeaderContactView summary(GongzhiUser me, String code, List<LeaderContactRepository.AssignmentRow> rows,
			int[] counts, LocalDate today) {
		List<LeaderContactView.Assignment> leaders = rows.stream().map(a -> assignment(a, today)).toList();
		LocalDate last = rows.stream().map(LeaderContactRepository.AssignmentRow::lastVisit).filter(Objects::nonNull)
			.max(Comparator.naturalOrder()).orElse(null);
		List<LeaderContactRepository.AssignmentRow> active = rows.stream().filter(a -> a.activeOn(today)).toList();
		LocalDate reference = last != null ? last
				: active.stream().map(LeaderContactRepository.AssignmentRow::startsOn).max(Comparator.naturalOrder())
					.orElse(null);
		boolean overdue = !active.isEmpty() && reference != null
				&& ChronoUnit.DAYS.between(reference, today) > visitDays;
		boolean mine = active.stream().anyMatch(a -> Objects.equals(a.leaderUserId(), me.id()));
		return new LeaderContactView(code, areas.find(code).map(AreaView::name).orElse(code), leaders, last,
				last == null ? null : ChronoUnit.DAYS.between(last, today), counts[0], counts[1], overdue, mine);
	}

	private static LeaderContactView.Assignment assignment(LeaderContactRepository.AssignmentRow a, LocalDate today) {
		return new LeaderContactView.Assignment(a.id(), a.communityCode(), a.leaderUserId(), a.leaderName(),
				a.leaderPost(), a.startsOn(), a.endsOn(), a.activeOn(today), a.lastVisit());
	}

	private static LeaderContactView.Issue issue(LeaderContactRepository.IssueRow i, LocalDate today) {
		return new LeaderContactView.Issue(i.id(), i.assignmentId(), i.leaderName(), i.title(), i.detail(), i.caseId(),
				i.caseNo(), i.status(), i.result(), i.dueOn(), i.takenOn(), i.closedOn(),
				i.status() == IssueStatus.OPEN && i.dueOn() != null && i.dueOn().isBefore(today));
	}

	private AreaView community(String code) {
		return areas.find(code).filter(a -> a.level() == AreaLevel.COMMUNITY)
			.orElseThrow(() -> DomainException.invalid("communityCode", "party.community.unknown"));
	}

	private LeaderContactRepository.AssignmentRow found(GongzhiUser me, long id) {
		LeaderContactRepository.AssignmentRow a = repository.assignment(id)
			.orElseThrow(() -> DomainException.notFound("party.leader.assignment.notFound"));
		if (!me.scope().covers(a.communityCode()) && !Objects.equals(a.leaderUserId(), me.id())) {
			throw DomainException.notFound("party.leader.assignment.notFound");
		}
		return a;
	}

	private static void requireActor(GongzhiUser me, LeaderContactRepository.AssignmentRow a) {
		if (Objects.equals(a.leaderUserId(), me.id())) {
			return;
		}
		PartyAccess.requireManager(me, a.communityCode());
	}

	private static boolean reader(GongzhiUser me) {
		return PartyAccess.staff(me) && (PartyAccess.manager(me) || me.has(Role.LEADER));
	}

	private static void requireReader(GongzhiUser me) {
		if (!reader(me) && !me.has(Role.LEADER)) {
			throw DomainException.forbidden("party.forbidden");
		}
	}

	private void requireRead(GongzhiUser me, String community,
			List<LeaderContactRepository.AssignmentRow> assignments) {
		if (assignments.stream().anyMatch(a -> Objects.equals(a.leaderUserId(), me.id()))) {
			return;
		}
		if (!reader(me)) {
			throw DomainException.forbidden("party.forbidden");
		}
		community(community);
		PartyAccess.requireScope(me, community);
	}

	private static LocalDate today() {
		return LocalDate.now(PartyMembers.ZONE);
	}

}
