package org.gongzhi.party.domain;

import java.time.LocalDate;

import org.gongzhi.party.LeaderAssignmentCmd;
import org.gongzhi.party.LeaderContactAdministration;
import org.gongzhi.party.LeaderIssueCmd;
import org.gongzhi.party.LeaderVisitCmd;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trusted bulk writer behind {@link LeaderContactAdministration}: straight inserts for demo data and migrations.
 */
@Service
class LeaderContactAdministrator implements LeaderContactAdministration {

	private final LeaderContactRepository repository;

	private final LeaderContacts contacts;

	LeaderContactAdministrator(LeaderContactRepository repository, LeaderContacts contacts) {
		this.repository = repository;
		this.contacts = contacts;
	}

	@Override
	@Transactional
	public long assign(LeaderAssignmentCmd cmd) {
		return repository.insertAssignment(cmd.communityCode(), cmd.leaderUserId(), cmd.leaderName(), cmd.leaderPost(),
				cmd.startsOn(), cmd.endsOn());
	}

	@Override
	@Transactional
	public long importVisit(LeaderVisitCmd cmd) {
		return repository.insertVisit(cmd.assignmentId(), cmd.visitedOn(), cmd.peopleMet(), cmd.discussed(), null);
	}

	@Override
	@Transactional
	public long importIssue(LeaderIssueCmd cmd, LocalDate takenOn, LocalDate closedOn, String result) {
		var linked = cmd.caseNo() == null ? null : contacts.linkedCase(cmd.caseNo());
		long id = repository.insertIssue(cmd.assignmentId(), cmd.title(), cmd.detail(),
				linked == null ? null : linked.id(), linked == null ? null : linked.caseNo(), cmd.dueOn(), takenOn);
		if (closedOn != null) {
			repository.closeIssue(id, result, closedOn);
		}
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean anyAssignment() {
		return repository.anyAssignment();
	}

}
