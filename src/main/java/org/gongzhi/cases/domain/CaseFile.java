package org.gongzhi.cases.domain;

import java.time.Instant;

import org.gongzhi.cases.CaseStatus;
import org.gongzhi.cases.Channel;
import org.gongzhi.cases.RequestKind;
import org.gongzhi.cases.Satisfaction;
import org.gongzhi.cases.UnitType;
import org.gongzhi.shared.DomainException;

/**
 * One case (案件) and the rules of its loop. Every state change is an intention-revealing method that refuses (409)
 * when the case is not in a state that allows it; who may act is decided by {@link CaseDesk}.
 */
public final class CaseFile {

	long id;

	String caseNo;

	RequestKind requestKind;

	String categoryCode;

	String description;

	String address;

	Double lng;

	Double lat;

	String gridCode;

	String communityCode;

	String streetCode;

	Channel channel;

	String reporterName;

	String reporterPhoneMasked;

	Long reporterUserId;

	Long reporterResidentId;

	String open311Client;

	CaseStatus status;

	CaseStatus statusBeforeSuspend;

	UnitType unitType;

	String unitCode;

	String unitName;

	String routeNote;

	Instant receivedAt;

	Instant registeredAt;

	Instant dispatchedAt;

	Instant responseDeadline;

	Instant signedAt;

	Instant handledAt;

	Instant fedBackAt;

	Instant verifiedAt;

	Instant closedAt;

	Instant deadline;

	Instant suspendedAt;

	int suspendedMinutes;

	Integer extensionRequestedHours;

	String extensionReason;

	boolean extended;

	int reworkCount;

	int reopenCount;

	String supervision;

	Satisfaction satisfaction;

	Instant ratedAt;

	String mergedInto;

	boolean selfHandled;

	int version;

	public String caseNo() {
		return caseNo;
	}

	public CaseStatus status() {
		return status;
	}

	public UnitType unitType() {
		return unitType;
	}

	public String unitCode() {
		return unitCode;
	}

	public String gridCode() {
		return gridCode;
	}

	public String communityCode() {
		return communityCode;
	}

	public String streetCode() {
		return streetCode;
	}

	public Long reporterUserId() {
		return reporterUserId;
	}

	public Instant deadline() {
		return deadline;
	}

	public int version() {
		return version;
	}

	public boolean overdueAt(Instant now) {
		return status.open() && status != CaseStatus.SUSPENDED && status != CaseStatus.ACCEPTED && deadline != null
				&& now.isAfter(deadline);
	}

	/** The area code that decides who may see the case: its grid, else community, else street. */
	public String areaCode() {
		return gridCode != null ? gridCode : communityCode != null ? communityCode : streetCode;
	}

	private void require(CaseStatus... allowed) {
		for (CaseStatus s : allowed) {
			if (status == s) {
				return;
			}
		}
		throw DomainException.conflict("case.action.notNow", status.name());
	}

	void register(Instant at) {
		require(CaseStatus.ACCEPTED);
		status = CaseStatus.REGISTERED;
		registeredAt = at;
	}

	void dispatchTo(UnitType type, String code, String name, Instant at, Instant responseBy) {
		require(CaseStatus.REGISTERED);
		unitType = type;
		unitCode = code;
		unitName = name;
		status = CaseStatus.DISPATCHED;
		dispatchedAt = at;
		responseDeadline = responseBy;
		signedAt = null;
	}

	void sign(Instant at) {
		require(CaseStatus.DISPATCHED);
		status = CaseStatus.SIGNED;
		signedAt = at;
	}

	void handle(Instant at) {
		require(CaseStatus.SIGNED);
		status = CaseStatus.HANDLED;
		handledAt = at;
	}

	void feedback(Instant at) {
		require(CaseStatus.HANDLED);
		status = CaseStatus.FED_BACK;
		fedBackAt = at;
	}

	/** 核查: passed → verified; not passed → back to the same unit as rework (返工). */
	void verify(boolean passed, Instant at) {
		require(CaseStatus.FED_BACK);
		if (passed) {
			status = CaseStatus.VERIFIED;
			verifiedAt = at;
		}
		else {
			status = CaseStatus.DISPATCHED;
			reworkCount++;
			signedAt = null;
		}
	}

	void close(Instant at) {
		require(CaseStatus.VERIFIED);
		status = CaseStatus.CLOSED;
		closedAt = at;
	}

	/** Rates a closed case; the first 不满意 reopens it for review. Returns whether it was reopened. */
	boolean rate(Satisfaction s, Instant at) {
		require(CaseStatus.CLOSED);
		if (!rateable()) {
			throw DomainException.conflict("case.rate.already");
		}
		satisfaction = s;
		ratedAt = at;
		if (s == Satisfaction.UNSATISFIED && reopenCount == 0) {
			reopen();
			return true;
		}
		return false;
	}

	/** Not yet rated since it was last closed. */
	boolean rateable() {
		return status == CaseStatus.CLOSED && (ratedAt == null || (closedAt != null && ratedAt.isBefore(closedAt)));
	}

	void reopen() {
		require(CaseStatus.CLOSED);
		status = CaseStatus.REGISTERED;
		reopenCount++;
		closedAt = null;
		verifiedAt = null;
		unitType = null;
		unitCode = null;
		unitName = null;
	}

	/** 回退: the unit returns the case to the dispatcher. */
	void sendBack() {
		require(CaseStatus.DISPATCHED, CaseStatus.SIGNED);
		status = CaseStatus.REGISTERED;
		unitType = null;
		unitCode = null;
		unitName = null;
		signedAt = null;
	}

	void requestExtension(int hours, String reason) {
		require(CaseStatus.DISPATCHED, CaseStatus.SIGNED, CaseStatus.HANDLED);
		if (extensionRequestedHours != null) {
			throw DomainException.conflict("case.extension.pending");
		}
		extensionRequestedHours = hours;
		extensionReason = reason;
	}

	/** Approves or refuses the pending extension; returns the hours granted (0 when refused). */
	int decideExtension(boolean approved, Instant newDeadline) {
		if (extensionRequestedHours == null) {
			throw DomainException.conflict("case.extension.none");
		}
		int hours = extensionRequestedHours;
		extensionRequestedHours = null;
		extensionReason = null;
		if (approved) {
			deadline = newDeadline;
			extended = true;
			return hours;
		}
		return 0;
	}

	void suspend(Instant at) {
		require(CaseStatus.REGISTERED, CaseStatus.DISPATCHED, CaseStatus.SIGNED, CaseStatus.HANDLED,
				CaseStatus.FED_BACK);
		statusBeforeSuspend = status;
		status = CaseStatus.SUSPENDED;
		suspendedAt = at;
	}

	/** Resumes a suspended case; the time it stood suspended is added to its deadline (挂账停表). */
	void resume(Instant at) {
		require(CaseStatus.SUSPENDED);
		long minutes = Math.max(0, java.time.Duration.between(suspendedAt, at).toMinutes());
		suspendedMinutes += (int) minutes;
		if (deadline != null) {
			deadline = deadline.plus(java.time.Duration.ofMinutes(minutes));
		}
		if (responseDeadline != null && signedAt == null) {
			responseDeadline = responseDeadline.plus(java.time.Duration.ofMinutes(minutes));
		}
		status = statusBeforeSuspend;
		statusBeforeSuspend = null;
		suspendedAt = null;
	}

	void voidCase() {
		if (!status.open()) {
			throw DomainException.conflict("case.action.notNow", status.name());
		}
		status = CaseStatus.VOID;
	}

	/** 督办: a yellow card on an overdue case, then a red one. */
	void supervise(Instant now) {
		if (!overdueAt(now)) {
			throw DomainException.conflict("case.supervise.notOverdue");
		}
		if ("RED".equals(supervision)) {
			throw DomainException.conflict("case.supervise.red");
		}
		supervision = supervision == null ? "YELLOW" : "RED";
	}

	void mergeInto(String target) {
		if (!status.open()) {
			throw DomainException.conflict("case.action.notNow", status.name());
		}
		status = CaseStatus.MERGED;
		mergedInto = target;
	}

	boolean open() {
		return status.open();
	}

}
