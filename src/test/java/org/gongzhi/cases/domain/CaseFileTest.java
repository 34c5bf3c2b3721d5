package org.gongzhi.cases.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.gongzhi.cases.CaseStatus;
import org.gongzhi.cases.Channel;
import org.gongzhi.cases.RequestKind;
import org.gongzhi.cases.Satisfaction;
import org.gongzhi.cases.UnitType;
import org.gongzhi.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gongzhi.cases.CaseStatus.ACCEPTED;
import static org.gongzhi.cases.CaseStatus.CLOSED;
import static org.gongzhi.cases.CaseStatus.DISPATCHED;
import static org.gongzhi.cases.CaseStatus.FED_BACK;
import static org.gongzhi.cases.CaseStatus.HANDLED;
import static org.gongzhi.cases.CaseStatus.MERGED;
import static org.gongzhi.cases.CaseStatus.REGISTERED;
import static org.gongzhi.cases.CaseStatus.SIGNED;
import static org.gongzhi.cases.CaseStatus.SUSPENDED;
import static org.gongzhi.cases.CaseStatus.VERIFIED;
import static org.gongzhi.cases.CaseStatus.VOID;

/**
 * The rules of the loop on one case (案件流转规则): each step is allowed only in the states listed here and is
 * refused with 409 {@code case.action.notNow} (leaving the case as it was) in every other state.
 */
class CaseFileTest {

	static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

	static final Instant NOW = T0.plus(Duration.ofHours(1));

	/** Every step, the states that allow it and the state it leads to (null: stays where it was). */
	record Step(String name, Consumer<CaseFile> action, Set<CaseStatus> allowedIn, CaseStatus leadsTo) {
	}

	static final Map<String, Step> STEPS = new LinkedHashMap<>();

	static {
		Set<CaseStatus> open = EnumSet.of(ACCEPTED, REGISTERED, DISPATCHED, SIGNED, HANDLED, FED_BACK, VERIFIED,
				SUSPENDED);
		step("register", c -> c.register(NOW), EnumSet.of(ACCEPTED), REGISTERED);
		step("dispatch", c -> c.dispatchTo(UnitType.GRID, "110199001001001", "网格一", NOW, NOW.plusSeconds(3600)),
				EnumSet.of(REGISTERED), DISPATCHED);
		step("sign", c -> c.sign(NOW), EnumSet.of(DISPATCHED), SIGNED);
		step("handle", c -> c.handle(NOW), EnumSet.of(SIGNED), HANDLED);
		step("feedback", c -> c.feedback(NOW), EnumSet.of(HANDLED), FED_BACK);
		step("verify passed", c -> c.verify(true, NOW), EnumSet.of(FED_BACK), VERIFIED);
		step("verify not passed", c -> c.verify(false, NOW), EnumSet.of(FED_BACK), DISPATCHED);
		step("close", c -> c.close(NOW), EnumSet.of(VERIFIED), CLOSED);
		step("rate", c -> c.rate(Satisfaction.SATISFIED, NOW), EnumSet.of(CLOSED), null);
		step("reopen", CaseFile::reopen, EnumSet.of(CLOSED), REGISTERED);
		step("send-back", CaseFile::sendBack, EnumSet.of(DISPATCHED, SIGNED), REGISTERED);
		step("extend", c -> c.requestExtension(24, "需协调物业"), EnumSet.of(DISPATCHED, SIGNED, HANDLED), null);
		step("suspend", c -> c.suspend(NOW), EnumSet.of(REGISTERED, DISPATCHED, SIGNED, HANDLED, FED_BACK),
				SUSPENDED);
		step("resume", c -> c.resume(NOW), EnumSet.of(SUSPENDED), HANDLED);
		step("void", CaseFile::voidCase, open, VOID);
		step("merge", c -> c.mergeInto("GZ20261123000001"), open, MERGED);
	}

	static void step(String name, Consumer<CaseFile> action, Set<CaseStatus> allowedIn, CaseStatus leadsTo) {
		STEPS.put(name, new Step(name, action, allowedIn, leadsTo));
	}

	/** A case standing in the given state, as the loop would have left it there (deadline a week ahead). */
	static CaseFile caseIn(CaseStatus status) {
		CaseFile c = new CaseFile();
		c.id = 1;
		c.caseNo = "GZ20261123000099";
		c.requestKind = RequestKind.COMPLAINT;
		c.categoryCode = "0102";
		c.channel = Channel.RESIDENT;
		c.gridCode = "110199001001001";
		c.receivedAt = T0;
		c.deadline = T0.plus(Duration.ofDays(7));
		c.status = status;
		if (status.ordinal() >= DISPATCHED.ordinal() && status.ordinal() <= CLOSED.ordinal()
				|| status == SUSPENDED) {
			c.unitType = UnitType.GRID;
			c.unitCode = "110199001001001";
			c.unitName = "网格一";
			c.dispatchedAt = T0;
			c.responseDeadline = T0.plus(Duration.ofHours(4));
		}
		if (status == CLOSED) {
			c.closedAt = T0;
		}
		if (status == SUSPENDED) {
			c.statusBeforeSuspend = HANDLED;
			c.suspendedAt = T0;
		}
		return c;
	}

	@Test
	void everyStepSucceedsExactlyInTheStatesThatAllowIt() {
		for (Step step : STEPS.values()) {
			for (CaseStatus status : CaseStatus.values()) {
				CaseFile c = caseIn(status);
				if (step.allowedIn().contains(status)) {
					step.action().accept(c);
					assertThat(c.status()).as("%s from %s", step.name(), status)
						.isEqualTo(step.leadsTo() == null ? status : step.leadsTo());
				}
				else {
					DomainException refused = catchThrowableOfType(DomainException.class,
							() -> step.action().accept(c));
					assertThat(refused).as("%s from %s is refused", step.name(), status).isNotNull();
					assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
					assertThat(refused.messageKey()).isEqualTo("case.action.notNow");
					assertThat(refused.args()).containsExactly(status.name());
					assertThat(c.status()).as("%s from %s leaves the state", step.name(), status).isEqualTo(status);
				}
			}
		}
	}

	@Test
	void theWholeLoopRecordsWhenEachStepHappened() {
		CaseFile c = caseIn(ACCEPTED);
		Instant t = T0;
		c.register(t = t.plusSeconds(60));
		assertThat(c.registeredAt).isEqualTo(t);
		c.dispatchTo(UnitType.DEPARTMENT, "CGZF", "城管执法队", t = t.plusSeconds(60), t.plusSeconds(1800));
		assertThat(c.unitType()).isEqualTo(UnitType.DEPARTMENT);
		assertThat(c.unitCode()).isEqualTo("CGZF");
		assertThat(c.dispatchedAt).isEqualTo(t);
		assertThat(c.responseDeadline).isEqualTo(t.plusSeconds(1800));
		c.sign(t = t.plusSeconds(60));
		assertThat(c.signedAt).isEqualTo(t);
		c.handle(t = t.plusSeconds(60));
		assertThat(c.handledAt).isEqualTo(t);
		c.feedback(t = t.plusSeconds(60));
		assertThat(c.fedBackAt).isEqualTo(t);
		c.verify(true, t = t.plusSeconds(60));
		assertThat(c.verifiedAt).isEqualTo(t);
		c.close(t = t.plusSeconds(60));
		assertThat(c.closedAt).isEqualTo(t);
		assertThat(c.rateable()).isTrue();
		assertThat(c.rate(Satisfaction.BASICALLY_SATISFIED, t = t.plusSeconds(60))).isFalse();
		assertThat(c.satisfaction).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
		assertThat(c.ratedAt).isEqualTo(t);
		assertThat(c.status()).isEqualTo(CLOSED);
		assertThat(c.open()).isFalse();
		assertThat(c.reworkCount).isZero();
	}

	@Test
	void aFailedVerificationSendsTheCaseBackToTheSameUnitAsRework() {
		CaseFile c = caseIn(FED_BACK);
		c.signedAt = T0;

		c.verify(false, NOW);

		assertThat(c.status()).isEqualTo(DISPATCHED);
		assertThat(c.reworkCount).isEqualTo(1);
		assertThat(c.unitCode()).isEqualTo("110199001001001");
		assertThat(c.signedAt).as("the unit signs again").isNull();
		assertThat(c.verifiedAt).isNull();

		c.sign(NOW);
		c.handle(NOW);
		c.feedback(NOW);
		c.verify(false, NOW);
		assertThat(c.reworkCount).isEqualTo(2);
	}

	@Test
	void notSatisfiedReopensTheCaseOnceOnly() {
		CaseFile c = caseIn(CLOSED);

		assertThat(c.rate(Satisfaction.UNSATISFIED, NOW)).as("reopened").isTrue();
		assertThat(c.status()).isEqualTo(REGISTERED);
		assertThat(c.reopenCount).isEqualTo(1);
		assertThat(c.satisfaction).isEqualTo(Satisfaction.UNSATISFIED);
		assertThat(c.unitType()).as("to be dispatched afresh").isNull();
		assertThat(c.closedAt).isNull();

		Instant later = NOW.plusSeconds(3600);
		c.dispatchTo(UnitType.GRID, "110199001001001", "网格一", later, later.plusSeconds(600));
		c.sign(later);
		c.handle(later);
		c.feedback(later);
		c.verify(true, later);
		c.close(later.plusSeconds(60));
		assertThat(c.rateable()).as("closed again, so it may be rated again").isTrue();

		assertThat(c.rate(Satisfaction.UNSATISFIED, later.plusSeconds(120))).as("not reopened a second time").isFalse();
		assertThat(c.status()).isEqualTo(CLOSED);
		assertThat(c.reopenCount).isEqualTo(1);
		assertThat(c.rateable()).isFalse();
		assertThatThrownBy(() -> c.rate(Satisfaction.SATISFIED, later.plusSeconds(180)))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(ex.messageKey()).isEqualTo("case.rate.already");
			});
	}

	@Test
	void suspendingStopsTheClockAndResumingShiftsTheDeadlineByTheSuspendedTime() {
		CaseFile c = caseIn(DISPATCHED);
		Instant deadline = c.deadline();
		Instant responseBy = c.responseDeadline;

		c.suspend(NOW);
		assertThat(c.status()).isEqualTo(SUSPENDED);
		assertThat(c.overdueAt(deadline.plusSeconds(3600))).as("no overdue while suspended").isFalse();
		c.resume(NOW.plus(Duration.ofMinutes(90)));

		assertThat(c.status()).as("back where it was").isEqualTo(DISPATCHED);
		assertThat(c.deadline()).isEqualTo(deadline.plus(Duration.ofMinutes(90)));
		assertThat(c.responseDeadline).as("not signed yet, so the response limit moves too")
			.isEqualTo(responseBy.plus(Duration.ofMinutes(90)));
		assertThat(c.suspendedMinutes).isEqualTo(90);
		assertThat(c.suspendedAt).isNull();
		assertThat(c.statusBeforeSuspend).isNull();

		c.sign(NOW);
		c.suspend(NOW);
		c.resume(NOW.plus(Duration.ofMinutes(30)));
		assertThat(c.status()).isEqualTo(SIGNED);
		assertThat(c.deadline()).isEqualTo(deadline.plus(Duration.ofMinutes(120)));
		assertThat(c.responseDeadline).as("already signed: the response limit no longer matters")
			.isEqualTo(responseBy.plus(Duration.ofMinutes(90)));
		assertThat(c.suspendedMinutes).isEqualTo(120);
	}

	@Test
	void supervisionGivesAYellowThenARedCardOnlyWhenOverdue() {
		CaseFile c = caseIn(SIGNED);
		Instant overdue = c.deadline().plusSeconds(60);

		assertThatThrownBy(() -> c.supervise(c.deadline().minusSeconds(60)))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(ex.messageKey()).isEqualTo("case.supervise.notOverdue");
			});
		assertThat(c.supervision).isNull();

		c.supervise(overdue);
		assertThat(c.supervision).isEqualTo("YELLOW");
		c.supervise(overdue);
		assertThat(c.supervision).isEqualTo("RED");
		assertThatThrownBy(() -> c.supervise(overdue)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("case.supervise.red"));
		assertThat(c.supervision).isEqualTo("RED");
	}

	@Test
	void onlyRunningCasesCanBeOverdue() {
		Instant late = T0.plus(Duration.ofDays(30));
		for (CaseStatus status : CaseStatus.values()) {
			boolean running = status.open() && status != ACCEPTED && status != SUSPENDED;
			assertThat(caseIn(status).overdueAt(late)).as("%s a month after the deadline", status)
				.isEqualTo(running);
			assertThat(caseIn(status).overdueAt(T0)).as("%s before the deadline", status).isFalse();
		}
		CaseFile closed = caseIn(CLOSED);
		assertThatThrownBy(() -> closed.supervise(late)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("case.supervise.notOverdue"));
	}

	@Test
	void anExtensionIsRequestedOnceAndThenApprovedOrRefused() {
		CaseFile c = caseIn(SIGNED);
		Instant deadline = c.deadline();
		assertThatThrownBy(() -> c.decideExtension(true, deadline.plusSeconds(1)))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("case.extension.none"));

		c.requestExtension(48, "需协调产权单位");
		assertThat(c.extensionRequestedHours).isEqualTo(48);
		assertThatThrownBy(() -> c.requestExtension(24, "再次申请")).isInstanceOfSatisfying(DomainException.class,
				ex -> {
					assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
					assertThat(ex.messageKey()).isEqualTo("case.extension.pending");
				});

		assertThat(c.decideExtension(false, deadline.plus(Duration.ofDays(2)))).isZero();
		assertThat(c.deadline()).as("refused: the deadline stays").isEqualTo(deadline);
		assertThat(c.extended).isFalse();
		assertThat(c.extensionRequestedHours).isNull();

		c.requestExtension(48, "需协调产权单位");
		assertThat(c.decideExtension(true, deadline.plus(Duration.ofDays(2)))).isEqualTo(48);
		assertThat(c.deadline()).isEqualTo(deadline.plus(Duration.ofDays(2)));
		assertThat(c.extended).isTrue();
		assertThat(c.extensionReason).isNull();
	}

	@Test
	void sendingBackReturnsTheCaseToTheDispatcherWithoutAUnit() {
		CaseFile c = caseIn(SIGNED);
		c.signedAt = T0;

		c.sendBack();

		assertThat(c.status()).isEqualTo(REGISTERED);
		assertThat(c.unitType()).isNull();
		assertThat(c.unitCode()).isNull();
		assertThat(c.signedAt).isNull();
	}

	@Test
	void aMergedCaseRemembersItsTarget() {
		CaseFile c = caseIn(REGISTERED);
		c.mergeInto("GZ20261123000001");
		assertThat(c.status()).isEqualTo(MERGED);
		assertThat(c.mergedInto).isEqualTo("GZ20261123000001");
		assertThat(c.open()).isFalse();
	}

	@Test
	void theAreaThatDecidesVisibilityIsTheGridElseCommunityElseStreet() {
		CaseFile c = caseIn(ACCEPTED);
		c.communityCode = "110199001001";
		c.streetCode = "110199001";
		assertThat(c.areaCode()).isEqualTo("110199001001001");
		c.gridCode = null;
		assertThat(c.areaCode()).isEqualTo("110199001001");
		c.communityCode = null;
		assertThat(c.areaCode()).isEqualTo("110199001");
	}

}
