package org.gongzhi.cases.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongzhi.cases.CaseApi;
import org.gongzhi.cases.CaseEventView;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading many cases' timelines at once through {@link CaseApi} (what the Open311 request list uses) gives each case
 * exactly the timeline it has on its own.
 */
@GongzhiTest
class CaseTimelinesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CaseApi cases;

	@Test
	void manyTimelinesReadTogetherAreEachCasesOwn() {
		CaseClient client = new CaseClient(mvc);
		double[] point = client.pointIn(CaseClient.GRID);
		String worked = client.reportNo("resident", CaseClient.caseAt("0102", point, "批量读取流转记录：办理中的案件"));
		client.act("community", worked, "register");
		client.act("community", worked, "dispatch");
		String fresh = client.reportNo("resident", CaseClient.caseAt("0102", point, "批量读取流转记录：刚受理的案件"));
		List<String> nos = new ArrayList<>(List.of(worked, fresh, "GZ19990101000000"));

		Map<String, List<CaseEventView>> timelines = cases.timelines(nos);

		assertThat(timelines).containsOnlyKeys(worked, fresh);
		assertThat(timelines.get(worked)).isEqualTo(cases.timeline(worked))
			.extracting(CaseEventView::action).containsExactly("accept", "register", "dispatch");
		assertThat(timelines.get(fresh)).isEqualTo(cases.timeline(fresh))
			.extracting(CaseEventView::action).containsExactly("accept");
		assertThat(cases.timelines(List.of())).isEmpty();
	}

}
