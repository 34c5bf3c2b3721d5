package org.gongzhi.party.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.CadencePeriod;
import org.gongzhi.party.CadenceWarning;
import org.gongzhi.party.MeetingCmd;
import org.gongzhi.party.MeetingKind;
import org.gongzhi.party.MeetingView;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.PageResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Branch life (组织生活): the 三会一课 and 主题党日 records of branches and general branches with attendance and
 * minutes, and the cadence check (组织生活预警) of which branch is behind for which kind of meeting, in the current
 * and past periods. The cadence per kind is set with gongzhi.party.cadence.* (MONTH, QUARTER, YEAR or NONE) and the
 * look-back with gongzhi.party.cadence.look-back (default twelve months).
 */
@Service
public class BranchLife {

	private final BranchLifeRepository repository;

	private final AuditLog audit;

	private final MessageSource messages;

	private final CadenceRules rules;

	private final Period lookBack;

	BranchLife(BranchLifeRepository repository, AuditLog audit, MessageSource messages,
			@Value("${gongzhi.party.cadence.branch-assembly:QUARTER}") CadencePeriod assembly,
			@Value("${gongzhi.party.cadence.committee-meeting:MONTH}") CadencePeriod committee,
			@Value("${gongzhi.party.cadence.group-meeting:MONTH}") CadencePeriod group,
			@Value("${gongzhi.party.cadence.party-lecture:YEAR}") CadencePeriod lecture,
			@Value("${gongzhi.party.cadence.theme-day:MONTH}") CadencePeriod themeDay,
			@Value("${gongzhi.party.cadence.look-back:P12M}") Period lookBack) {
		this.repository = repository;
		this.audit = audit;
		this.messages = messages;
		Map<MeetingKind, CadencePeriod> cadence = new EnumMap<>(MeetingKind.class);
		cadence.put(MeetingKind.BRANCH_ASSEMBLY, assembly);
		cadence.put(MeetingKind.COMMITTEE_MEETING, committee);
		cadence.put(MeetingKind.GROUP_MEETING, group);
		cadence.put(MeetingKind.PARTY_LECTURE, lecture);
		cadence.put(MeetingKind.THEME_DAY, themeDay);
		this.rules = new CadenceRules(cadence);
		this.lookBack = lookBack;
	}

	static LocalDate today() {
		return LocalDate.now(PartyMembers.ZONE);
	}

	/** The required cadence of each kind as configured. */
	public Map<MeetingKind, CadencePeriod> cadence() {
		Map<MeetingKind, CadencePeriod> cadence = new EnumMap<>(MeetingKind.class);
		for (MeetingKind kind : MeetingKind.values()) {
			cadence.put(kind, rules.of(kind));
		}
		return cadence;
	}

	@Transactional(readOnly = true)
	public PageResult<MeetingView> meetings(GongzhiUser me, Long organisationId, MeetingKind kind, LocalDate from,
			LocalDate to, int page, int size) {
		PartyAccess.requireStaff(me);
		if (organisationId != null) {
			branchInScope(me, organisationId, "organisationId");
		}
		String prefix = PartyAccess.prefix(me);
		int p = Math.max(page, 0);
		return new PageResult<>(repository.meetings(prefix, organisationId, kind, from, to, p * size, size), p, size,
				repository.countMeetings(prefix, organisationId, kind, from, to));
	}

	@Transactional(readOnly = true)
	public MeetingView meeting(GongzhiUser me, long id) {
		PartyAccess.requireStaff(me);
		MeetingView meeting = repository.meeting(id)
			.orElseThrow(() -> DomainException.notFound("party.life.meeting.notFound"));
		if (!me.scope().covers(meeting.areaCode())) {
			throw DomainException.notFound("party.life.meeting.notFound");
		}
		return meeting;
	}

	/** The branches and general branches in the user's scope, the organisations meetings can be recorded for. */
	@Transactional(readOnly = true)
	public List<BranchLifeRepository.BranchRow> branches(GongzhiUser me) {
		PartyAccess.requireStaff(me);
		return repository.branches(PartyAccess.prefix(me));
	}

	@Transactional
	public MeetingView record(GongzhiUser me, MeetingCmd cmd) {
		BranchLifeRepository.BranchRow branch = check(me, cmd);
		long id = repository.insertMeeting(cmd, me.displayName(), me.id());
		audit.record("party.meeting.create", "party-meeting", String.valueOf(id),
				branch.name() + " " + cmd.kind().name() + " " + cmd.heldOn());
		return meeting(me, id);
	}

	@Transactional
	public MeetingView update(GongzhiUser me, long id, MeetingCmd cmd) {
		MeetingView before = meeting(me, id);
		PartyAccess.requireManager(me, before.areaCode());
		BranchLifeRepository.BranchRow branch = check(me, cmd);
		repository.updateMeeting(id, cmd);
		audit.record("party.meeting.update", "party-meeting", String.valueOf(id),
				branch.name() + " " + cmd.kind().name() + " " + cmd.heldOn());
		return meeting(me, id);
	}

	@Transactional
	public void delete(GongzhiUser me, long id) {
		MeetingView before = meeting(me, id);
		PartyAccess.requireManager(me, before.areaCode());
		repository.deleteMeeting(id);
		audit.record("party.meeting.delete", "party-meeting", String.valueOf(id),
				before.organisationName() + " " + before.kind().name() + " " + before.heldOn() + " " + before.topic());
	}

	/** Checks a meeting against the branch-life rules; answers the organisation it belongs to. */
	static void checkAttendance(MeetingCmd cmd, LocalDate today) {
		if (cmd.heldOn().isAfter(today)) {
			throw DomainException.invalid("heldOn", "party.life.heldOn.future");
		}
		if (cmd.heldOn().isBefore(today.minusYears(10))) {
			throw DomainException.invalid("heldOn", "party.life.heldOn.tooOld");
		}
		if (cmd.present() > cmd.expected()) {
			throw DomainException.invalid("present", "party.life.present.aboveExpected", cmd.present(), cmd.expected());
		}
		int absent = cmd.absentees() == null ? 0 : cmd.absentees().size();
		if (absent > cmd.expected() - cmd.present()) {
			throw DomainException.invalid("absentees", "party.life.absentees.tooMany", absent,
					cmd.expected() - cmd.present());
		}
	}

	private BranchLifeRepository.BranchRow check(GongzhiUser me, MeetingCmd cmd) {
		BranchLifeRepository.BranchRow branch = repository.branch(cmd.organisationId())
			.orElseThrow(() -> DomainException.invalid("organisationId", "party.life.organisation.notBranch"));
		PartyAccess.requireManager(me, branch.areaCode());
		checkAttendance(cmd, today());
		return branch;
	}

	private BranchLifeRepository.BranchRow branchInScope(GongzhiUser me, long id, String field) {
		BranchLifeRepository.BranchRow branch = repository.branch(id)
			.orElseThrow(() -> DomainException.invalid(field, "party.life.organisation.notBranch"));
		PartyAccess.requireScope(me, branch.areaCode());
		return branch;
	}

	/**
	 * The cadence warnings of the branches in the user's scope (or of one branch), current periods first.
	 * @param currentOnly only the periods still running (本月, 本季度, 今年)
	 */
	@Transactional(readOnly = true)
	public List<CadenceWarning> warnings(GongzhiUser me, Long organisationId, boolean currentOnly) {
		PartyAccess.requireStaff(me);
		List<BranchLifeRepository.BranchRow> branches = organisationId != null
				? List.of(branchInScope(me, organisationId, "organisationId"))
				: repository.branches(PartyAccess.prefix(me));
		LocalDate today = today();
		LocalDate from = today.minus(lookBack);
		Map<Long, List<CadenceRules.Held>> held = repository.held(PartyAccess.prefix(me), CadencePeriod.YEAR.start(from));
		Locale locale = LocaleContextHolder.getLocale();
		List<CadenceWarning> warnings = new ArrayList<>();
		for (BranchLifeRepository.BranchRow b : branches) {
			for (CadenceRules.Slot slot : rules.missing(rules.due(b.since(), from, today, b.hasGroups()),
					held.getOrDefault(b.id(), List.of()))) {
				if (currentOnly && !slot.current()) {
					continue;
				}
				warnings.add(new CadenceWarning(b.id(), b.name(), b.areaCode(), slot.kind(), slot.period(),
						slot.start(), slot.end(), slot.current(), message(slot, locale)));
			}
		}
		warnings.sort((a, b) -> a.current() != b.current() ? (a.current() ? -1 : 1)
				: b.periodStart().compareTo(a.periodStart()));
		return warnings;
	}

	private String message(CadenceRules.Slot slot, Locale locale) {
		String kind = messages.getMessage(slot.kind().messageKey(), null, locale);
		String verb = messages.getMessage(slot.kind().missingKey(), null, locale);
		String when;
		if (slot.current()) {
			when = messages.getMessage("party.life.period.current." + slot.period().name(), null, locale);
		}
		else {
			when = switch (slot.period()) {
				case MONTH -> messages.getMessage("party.life.period.month",
						new Object[] { String.valueOf(slot.start().getYear()), String.valueOf(slot.start().getMonthValue()),
								slot.start().getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) },
						locale);
				case QUARTER -> messages.getMessage("party.life.period.quarter", new Object[] {
						String.valueOf(slot.start().getYear()), slot.start().get(IsoFields.QUARTER_OF_YEAR) }, locale);
				default -> messages.getMessage("party.life.period.year",
						new Object[] { String.valueOf(slot.start().getYear()) }, locale);
			};
		}
		return messages.getMessage("party.life.missing", new Object[] { when, kind, verb }, locale);
	}

	/** The branch's cadence compliance in the year, in percent (组织生活规范率), or null when nothing was due yet. */
	BigDecimal compliance(BranchLifeRepository.BranchRow branch, int year, LocalDate today,
			Map<Long, List<CadenceRules.Held>> held) {
		return rules.compliance(year, branch.since(), today, branch.hasGroups(), held.getOrDefault(branch.id(), List.of()));
	}

}
