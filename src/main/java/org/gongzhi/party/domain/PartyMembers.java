package org.gongzhi.party.domain;

import java.time.LocalDate;
import java.time.ZoneId;

import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.MemberCmd;
import org.gongzhi.party.MemberView;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Party members (党员): the list staff see in their scope (organisation or residence inside it), registering and
 * changing members, and a member's own record. Phones are kept masked only.
 */
@Service
public class PartyMembers {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final PartyRepository repository;

	private final AuditLog audit;

	PartyMembers(PartyRepository repository, AuditLog audit) {
		this.repository = repository;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public PageResult<MemberView> list(GongzhiUser me, String q, Long organisationId, int page, int size) {
		PartyAccess.requireStaff(me);
		String p = PartyAccess.prefix(me);
		int from = Math.max(0, page) * size;
		return new PageResult<>(repository.members(p, q, organisationId, from, size).stream().map(PartyMembers::view)
			.toList(), Math.max(0, page), size, repository.countMembers(p, q, organisationId));
	}

	@Transactional(readOnly = true)
	public MemberView get(GongzhiUser me, long id) {
		PartyRepository.MemberRow row = repository.member(id)
			.orElseThrow(() -> DomainException.notFound("party.member.notFound"));
		if (!(row.userId() != null && row.userId() == me.id()) && !visible(me, row)) {
			throw DomainException.notFound("party.member.notFound");
		}
		return view(row);
	}

	/** The signed-in user's own member record, if their account is linked to one. */
	@Transactional(readOnly = true)
	public java.util.Optional<MemberView> mine(GongzhiUser me) {
		return repository.memberOfUser(me.id()).map(PartyMembers::view);
	}

	@Transactional
	public MemberView create(GongzhiUser me, MemberCmd cmd) {
		check(me, cmd);
		long id = repository.insertMember(cmd);
		audit.record("party.member.create", "party-member", String.valueOf(id), cmd.name());
		return get(me, id);
	}

	@Transactional
	public MemberView update(GongzhiUser me, long id, MemberCmd cmd) {
		PartyRepository.MemberRow row = repository.member(id)
			.orElseThrow(() -> DomainException.notFound("party.member.notFound"));
		if (!visible(me, row)) {
			throw DomainException.notFound("party.member.notFound");
		}
		PartyAccess.requireManager(me, row.organisationArea());
		check(me, cmd);
		repository.updateMember(id, cmd);
		audit.record("party.member.update", "party-member", String.valueOf(id), cmd.name());
		return get(me, id);
	}

	private void check(GongzhiUser me, MemberCmd cmd) {
		PartyRepository.OrgRow org = repository.organisation(cmd.organisationId())
			.orElseThrow(() -> DomainException.invalid("organisationId", "party.organisation.unknown"));
		PartyAccess.requireManager(me, org.areaCode());
		if (cmd.inService() && PartyRepository.blank(cmd.employerUnit()) == null) {
			throw DomainException.invalid("employerUnit", "party.employer.required");
		}
	}

	static boolean visible(GongzhiUser me, PartyRepository.MemberRow row) {
		return PartyAccess.staff(me) && (me.scope().covers(row.organisationArea())
				|| me.scope().covers(row.residenceAreaCode()) || me.scope().covers(row.reportCommunity()));
	}

	static MemberView view(PartyRepository.MemberRow m) {
		return new MemberView(m.id(), m.organisationId(), m.organisationName(), m.name(), m.joinDate(), m.status(),
				m.inService(), m.employerUnit(), m.residenceAddress(), m.residenceAreaCode(), m.phoneMasked(),
				m.badgePost(), m.badgePromise(), m.userId(),
				ReportTerm.statusOn(m.reportStatus(), m.reportExpiresOn(), LocalDate.now(ZONE)), m.reportExpiresOn());
	}

}
