package org.gongzhi.cases.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.gongzhi.cases.CaseStatus;
import org.gongzhi.cases.Channel;
import org.gongzhi.cases.RequestKind;
import org.gongzhi.cases.UnitType;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The intake writer stores cases gathered from many requests together: each case gets its own number, row, first
 * timeline step, audit entry and follower, exactly as a case written alone; and a case that cannot be stored fails on
 * its own while the rest of its group is kept.
 */
@GongzhiTest
class IntakeWriterTests {

	@Autowired
	IntakeWriter writer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aGroupWrittenTogetherGivesEveryCaseItsOwnNumberTimelineAuditAndFollower() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		List<IntakeWriter.NewCase> group = List.of(newCase(tag + " 一", null, null), newCase(tag + " 二", 4242L, null),
				newCase(tag + " 三", null, null));

		new TransactionTemplate(transactions).executeWithoutResult(status -> writer.writeAll(group));

		List<String> numbers = group.stream().map(n -> n.file().caseNo).toList();
		assertThat(numbers).doesNotHaveDuplicates().allMatch(no -> no.matches("GZ\\d{14}"));
		for (IntakeWriter.NewCase n : group) {
			CaseFile stored = jdbc.sql("select * from cases.case_record where case_no = :no").param("no", n.file().caseNo)
				.query(CaseRepository::map).single();
			assertThat(stored.id).isEqualTo(n.file().id);
			assertThat(stored.description).isEqualTo(n.file().description);
			assertThat(stored.status).isEqualTo(CaseStatus.ACCEPTED);
			assertThat(jdbc.sql("select action || '|' || actor || '|' || note from cases.case_event where case_id = :id")
				.param("id", stored.id).query(String.class).list())
				.containsExactly("accept|clerk|渠道：HOTLINE；测试路由");
			assertThat(jdbc.sql("""
					select actor || '|' || client_ip || '|' || detail from identity.audit_log
					 where action = 'case.accept' and target_id = :no
					""").param("no", stored.caseNo).query(String.class).list())
				.containsExactly("clerk|10.1.2.3|0102 HOTLINE");
		}
		assertThat(jdbc.sql("select case_id from cases.case_follower where user_id = 4242").query(Long.class).list())
			.containsExactly(group.get(1).file().id);
	}

	@Test
	void aCaseThatCannotBeStoredFailsAloneAndTheRestOfItsGroupIsKept() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		IntakeWriter.Pending good1 = pending(newCase(tag + " 好一", null, null));
		IntakeWriter.Pending bad = pending(newCase(tag + " 坏", null, "名".repeat(80)));
		IntakeWriter.Pending good2 = pending(newCase(tag + " 好二", null, null));

		writer.writeGroup(List.of(good1, bad, good2));

		assertThat(good1.done().get(10, TimeUnit.SECONDS).caseNo).isNotNull();
		assertThat(good2.done().get(10, TimeUnit.SECONDS).caseNo).isNotNull();
		assertThatThrownBy(() -> bad.done().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
		assertThat(jdbc.sql("select description from cases.case_record where description like :t order by description")
			.param("t", tag + "%").query(String.class).list()).containsExactly(tag + " 好一", tag + " 好二");
		assertThat(jdbc.sql("""
				select count(*) from cases.case_event e join cases.case_record r on r.id = e.case_id
				 where r.description like :t
				""").param("t", tag + "%").query(Long.class).single()).isEqualTo(2);
	}

	private static IntakeWriter.Pending pending(IntakeWriter.NewCase n) {
		return new IntakeWriter.Pending(n, new CompletableFuture<>());
	}

	private static IntakeWriter.NewCase newCase(String description, Long reporterUserId, String reporterName) {
		CaseFile c = new CaseFile();
		Instant now = Instant.now();
		c.requestKind = RequestKind.COMPLAINT;
		c.categoryCode = "0102";
		c.description = description;
		c.channel = Channel.HOTLINE;
		c.reporterName = reporterName;
		c.reporterUserId = reporterUserId;
		c.status = CaseStatus.ACCEPTED;
		c.unitType = UnitType.STREET;
		c.unitCode = "110199001";
		c.unitName = "测试街道";
		c.routeNote = "测试路由";
		c.receivedAt = now;
		c.deadline = now.plus(Duration.ofDays(7));
		return new IntakeWriter.NewCase(c, "clerk", "话务员", "渠道：HOTLINE；测试路由", null,
				new AuditLog.Actor("clerk", "10.1.2.3"), "0102 HOTLINE", null);
	}

}
