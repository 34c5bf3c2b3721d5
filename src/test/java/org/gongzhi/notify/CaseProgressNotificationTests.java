package org.gongzhi.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.gongzhi.cases.CaseStatus;
import org.gongzhi.cases.CaseStatusChanged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notifications module on its own: a {@link CaseStatusChanged} published by the cases module reaches every
 * follower's inbox as a Chinese message naming the step, with the note and a link to the case. The module's own context
 * is closed after the class, while the JVM's shared embedded PostgreSQL still runs (closing it at JVM exit would wait
 * for the stopped database).
 */
@DirtiesContext
@ApplicationModuleTest(extraIncludes = "shared", verifyAutomatically = false)
class CaseProgressNotificationTests {

	@Autowired
	NotifyApi notify;

	@Test
	void everyFollowerIsToldTheCaseWasDispatched(Scenario scenario) {
		long reporter = someUser();
		long mergedReporter = someUser();
		Instant at = Instant.parse("2026-03-02T01:30:00Z");

		scenario.publish(new CaseStatusChanged("GZ202603020001", "dispatch", CaseStatus.REGISTERED,
				CaseStatus.DISPATCHED, "已派往幸福社区第一网格", List.of(reporter, mergedReporter), at))
			.andWaitForStateChange(() -> notify.unreadCount(reporter) + notify.unreadCount(mergedReporter),
					count -> count == 2)
			.andVerify(count -> {
				for (long follower : List.of(reporter, mergedReporter)) {
					assertThat(notify.latest(follower, 0, 10)).singleElement().satisfies(m -> {
						assertThat(m.title()).isEqualTo("您反映的问题 GZ202603020001 已派遣");
						assertThat(m.body()).isEqualTo("办理说明：已派往幸福社区第一网格");
						assertThat(m.link()).isEqualTo("/cases/GZ202603020001");
						assertThat(m.kind()).isEqualTo(MessageView.CASE);
						assertThat(m.at()).isEqualTo(at);
						assertThat(m.unread()).isTrue();
					});
				}
			});
	}

	@Test
	void closingAsksForARatingAndUnknownStepsStillReadAsProgress(Scenario scenario) {
		long reporter = someUser();

		scenario.publish(new CaseStatusChanged("GZ202603020002", "close", CaseStatus.VERIFIED, CaseStatus.CLOSED,
				null, List.of(reporter), Instant.parse("2026-03-02T02:00:00Z")))
			.andWaitForStateChange(() -> notify.unreadCount(reporter), count -> count == 1)
			.andVerify(count -> assertThat(notify.latest(reporter, 0, 10)).singleElement().satisfies(m -> {
				assertThat(m.title()).isEqualTo("您反映的问题 GZ202603020002 已结案 — 请您评价");
				assertThat(m.body()).isEqualTo("点击查看办理进度。");
			}));

		scenario.publish(new CaseStatusChanged("GZ202603020002", "something-new", CaseStatus.CLOSED,
				CaseStatus.CLOSED, "补充说明", List.of(reporter), Instant.parse("2026-03-02T03:00:00Z")))
			.andWaitForStateChange(() -> notify.unreadCount(reporter), count -> count == 2)
			.andVerify(count -> assertThat(notify.latest(reporter, 0, 10).get(0).title())
				.isEqualTo("您反映的问题 GZ202603020002 有新进展"));
	}

	@Test
	void eachStepHasItsOwnWording(Scenario scenario) {
		List<String> actions = List.of("register", "sign", "handle", "feedback", "verify", "send-back", "reopen",
				"void", "merge");
		List<String> steps = List.of("已立案", "已签收", "已处置", "已反馈", "已核查", "已退回重新派遣", "已重新办理", "已作废", "已合并");
		long reporter = someUser();
		for (int i = 0; i < actions.size(); i++) {
			long expected = i + 1;
			scenario.publish(new CaseStatusChanged("GZ202603020003", actions.get(i), CaseStatus.DISPATCHED,
					CaseStatus.SIGNED, null, List.of(reporter), Instant.parse("2026-03-02T04:00:00Z").plusSeconds(i)))
				.andWaitForStateChange(() -> notify.unreadCount(reporter), count -> count == expected)
				.andVerify(count -> {
				});
		}
		List<String> newestFirst = new ArrayList<>(steps.stream().map(s -> "您反映的问题 GZ202603020003 " + s).toList());
		Collections.reverse(newestFirst);
		assertThat(notify.latest(reporter, 0, 20)).extracting(MessageView::title).containsExactlyElementsOf(newestFirst);
	}

	private static long someUser() {
		return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
	}

}
