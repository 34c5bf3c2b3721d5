package org.gongzhi.cases.kpi;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A hand-computed KPI scenario in a street no other test uses (110199009), plus two cases in a grid code of the demo
 * community that no real grid has (110199001001990), inserted straight into {@code cases.case_record}. The expected
 * figures are worked out case by case in the tests' comments and in docs/kpis.md.
 */
final class KpiScenario {

	static final String STREET = "110199009";

	static final String C1 = "110199009001";

	static final String C2 = "110199009002";

	static final String G1 = "110199009001001";

	static final String G2 = "110199009001002";

	static final String G3 = "110199009002001";

	/** A grid code inside the demo community (110199001001) that no demo grid uses. */
	static final String BG = "110199001001990";

	static final String DEMO_COMMUNITY = "110199001001";

	static final String DEMO_STREET = "110199001";

	private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

	private KpiScenario() {
	}

	/** Removes earlier runs' cases and inserts the scenario (idempotent). */
	static synchronized void load(JdbcClient jdbc) {
		jdbc.sql("""
				insert into cases.category (code, parent_code, kind, name, handling_level, urgency, time_limit_value,
				    time_limit_unit)
				values ('K01', null, 'EVENT', 'KPI测试大类', 'GRID', 'GENERAL', 7, 'WORKING_DAYS'),
				       ('K0101', 'K01', 'EVENT', 'KPI测试小类', 'GRID', 'GENERAL', 7, 'WORKING_DAYS')
				on conflict do nothing""").update();
		for (String table : new String[] { "case_event", "case_follower", "whistle" }) {
			jdbc.sql("delete from cases." + table + " where case_id in (select id from cases.case_record "
					+ "where case_no like 'KPIT-%')").update();
		}
		jdbc.sql("delete from cases.case_record where case_no like 'KPIT-%'").update();

		// A1: grid unit G1, signed in time, closed on time, 满意
		insert(jdbc, new Case("KPIT-A1", "CLOSED", G1, C1, STREET, "GRID", G1, "K一网格").received("2025-01-05T09:00")
			.dispatched("2025-01-05T09:10", "2025-01-05T13:10").signed("2025-01-05T10:00").deadline("2025-01-12T09:00")
			.closed("2025-01-10T15:00").rated("SATISFIED"));
		// A2: grid unit G1, signed late, closed late, sent back once, 基本满意
		insert(jdbc, new Case("KPIT-A2", "CLOSED", G1, C1, STREET, "GRID", G1, "K一网格").received("2025-01-06T10:00")
			.dispatched("2025-01-06T10:05", "2025-01-06T14:05").signed("2025-01-06T15:00").deadline("2025-01-13T10:00")
			.closed("2025-01-15T10:00").rework(1, 0).rated("BASICALLY_SATISFIED"));
		// A3: department KDEPT, never signed, extended, open past its deadline
		insert(jdbc, new Case("KPIT-A3", "DISPATCHED", G1, C1, STREET, "DEPARTMENT", "KDEPT", "K测试局")
			.received("2025-01-07T11:00").dispatched("2025-01-07T11:30", "2025-01-07T15:30")
			.deadline("2025-01-14T11:00").extended());
		// A4: grid unit G2, signed in time, suspended (挂账) past its deadline: not due
		insert(jdbc, new Case("KPIT-A4", "SUSPENDED", G2, C1, STREET, "GRID", G2, "K二网格").received("2025-01-20T08:00")
			.dispatched("2025-01-20T08:30", "2025-01-20T12:30").signed("2025-01-20T09:00").deadline("2025-01-27T08:00"));
		// A5: received 00:30 on 1 February in Beijing (still 31 January in UTC); community unit C1, extended, reopened
		// once, closed on time, 不满意
		insert(jdbc, new Case("KPIT-A5", "CLOSED", G2, C1, STREET, "COMMUNITY", C1, "K一社区")
			.received("2025-02-01T00:30").dispatched("2025-02-01T01:00", "2025-02-01T05:00").signed("2025-02-01T04:00")
			.deadline("2025-02-10T00:00").closed("2025-02-09T12:00").extended().rework(0, 1).rated("UNSATISFIED"));
		// A6: registered, never dispatched, open past its deadline
		insert(jdbc, new Case("KPIT-A6", "REGISTERED", G3, C2, STREET, "COMMUNITY", C2, "K二社区")
			.received("2025-02-10T09:00").deadline("2025-02-17T09:00"));
		// A7, A8: void and merged: left out of every count
		insert(jdbc, new Case("KPIT-A7", "VOID", G3, C2, STREET, "COMMUNITY", C2, "K二社区").received("2025-02-11T09:00")
			.dispatched("2025-02-11T09:10", "2025-02-11T13:10").deadline("2025-02-18T09:00"));
		insert(jdbc, new Case("KPIT-A8", "MERGED", G3, C2, STREET, null, null, null).received("2025-02-12T09:00")
			.deadline("2025-02-19T09:00"));
		// A9: located to the street only, street unit, closed on time, not rated
		insert(jdbc, new Case("KPIT-A9", "CLOSED", null, null, STREET, "STREET", STREET, "K街道")
			.received("2025-02-15T09:00").dispatched("2025-02-15T09:30", "2025-02-15T13:30").signed("2025-02-15T10:00")
			.deadline("2025-02-20T09:00").closed("2025-02-16T09:00"));
		// A10, A11: outside January–February 2025 in Beijing time
		insert(jdbc, new Case("KPIT-A10", "CLOSED", G1, C1, STREET, "GRID", G1, "K一网格").received("2025-03-01T09:00")
			.deadline("2025-03-08T09:00").closed("2025-03-02T09:00"));
		insert(jdbc, new Case("KPIT-A11", "CLOSED", G1, C1, STREET, "GRID", G1, "K一网格").received("2024-12-31T23:30")
			.deadline("2025-01-07T09:00").closed("2025-01-02T09:00"));

		// B1, B2: in the demo community, for the data-scope tests
		insert(jdbc, new Case("KPIT-B1", "CLOSED", BG, DEMO_COMMUNITY, DEMO_STREET, "GRID", BG, "K测试网格")
			.received("2025-01-08T09:00").dispatched("2025-01-08T09:10", "2025-01-08T13:10").signed("2025-01-08T09:30")
			.deadline("2025-01-15T09:00").closed("2025-01-12T09:00").rated("SATISFIED"));
		insert(jdbc, new Case("KPIT-B2", "SIGNED", BG, DEMO_COMMUNITY, DEMO_STREET, "DEPARTMENT", "CGZF", "城管执法队")
			.received("2025-01-09T09:00").dispatched("2025-01-09T09:10", "2025-01-09T13:10").signed("2025-01-09T09:40")
			.deadline("2025-01-16T09:00"));
	}

	static OffsetDateTime beijing(String localDateTime) {
		return localDateTime == null ? null : LocalDateTime.parse(localDateTime).atOffset(BEIJING);
	}

	static void insert(JdbcClient jdbc, Case c) {
		jdbc.sql("""
				insert into cases.case_record (case_no, request_kind, category_code, description, grid_code,
				    community_code, street_code, channel, status, unit_type, unit_code, unit_name, received_at,
				    dispatched_at, response_deadline, signed_at, closed_at, deadline, extended, rework_count,
				    reopen_count, satisfaction, rated_at)
				values (:no, 'COMPLAINT', 'K0101', 'KPI 测试案件', :grid, :community, :street, 'HOTLINE', :status,
				    :unitType, :unitCode, :unitName, :received, :dispatched, :responseDeadline, :signed, :closed,
				    :deadline, :extended, :rework, :reopen, :satisfaction, :ratedAt)""")
			.param("no", c.no)
			.param("grid", c.grid)
			.param("community", c.community)
			.param("street", c.street)
			.param("status", c.status)
			.param("unitType", c.unitType)
			.param("unitCode", c.unitCode)
			.param("unitName", c.unitName)
			.param("received", beijing(c.received))
			.param("dispatched", beijing(c.dispatched))
			.param("responseDeadline", beijing(c.responseDeadline))
			.param("signed", beijing(c.signed))
			.param("closed", beijing(c.closed))
			.param("deadline", beijing(c.deadline))
			.param("extended", c.extended)
			.param("rework", c.rework)
			.param("reopen", c.reopen)
			.param("satisfaction", c.satisfaction)
			.param("ratedAt", c.satisfaction == null ? null : beijing(c.closed))
			.update();
	}

	/** One case of the scenario; times are Beijing local times. */
	static final class Case {

		final String no;

		final String status;

		final String grid;

		final String community;

		final String street;

		final String unitType;

		final String unitCode;

		final String unitName;

		String received;

		String dispatched;

		String responseDeadline;

		String signed;

		String closed;

		String deadline;

		boolean extended;

		int rework;

		int reopen;

		String satisfaction;

		Case(String no, String status, String grid, String community, String street, String unitType, String unitCode,
				String unitName) {
			this.no = no;
			this.status = status;
			this.grid = grid;
			this.community = community;
			this.street = street;
			this.unitType = unitType;
			this.unitCode = unitCode;
			this.unitName = unitName;
		}

		Case received(String at) {
			this.received = at;
			return this;
		}

		Case dispatched(String at, String responseDeadline) {
			this.dispatched = at;
			this.responseDeadline = responseDeadline;
			return this;
		}

		Case signed(String at) {
			this.signed = at;
			return this;
		}

		Case deadline(String at) {
			this.deadline = at;
			return this;
		}

		Case closed(String at) {
			this.closed = at;
			return this;
		}

		Case extended() {
			this.extended = true;
			return this;
		}

		Case rework(int rework, int reopen) {
			this.rework = rework;
			this.reopen = reopen;
			return this;
		}

		Case rated(String satisfaction) {
			this.satisfaction = satisfaction;
			return this;
		}

	}

}
