package org.gongzhi.demo;

import org.gongzhi.area.Areas;
import org.gongzhi.cases.CaseApi;
import org.gongzhi.cases.kpi.KpiRollup;
import org.gongzhi.identity.UserDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The historical demo cases are on with demo data and can be turned off on their own (GONGZHI_DEMO_CASES=false), or
 * with all demo data.
 */
class DemoCasesSwitchTest {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withBean(Areas.class, () -> mock(Areas.class))
		.withBean(CaseApi.class, () -> mock(CaseApi.class))
		.withBean(UserDirectory.class, () -> mock(UserDirectory.class))
		.withBean(JdbcTemplate.class, () -> mock(JdbcTemplate.class))
		.withBean(DemoOnce.class, () -> mock(DemoOnce.class))
		.withBean(KpiRollup.class, () -> mock(KpiRollup.class))
		.withUserConfiguration(DemoCasesLoader.class);

	@Test
	void onByDefault() {
		runner.run(context -> assertThat(context).hasSingleBean(DemoCasesLoader.class));
		runner.withPropertyValues("gongzhi.demo=true", "gongzhi.demo.cases=true")
			.run(context -> assertThat(context).hasSingleBean(DemoCasesLoader.class));
	}

	@Test
	void offOnItsOwnOrWithAllDemoData() {
		runner.withPropertyValues("gongzhi.demo.cases=false")
			.run(context -> assertThat(context).doesNotHaveBean(DemoCasesLoader.class));
		runner.withPropertyValues("gongzhi.demo=false")
			.run(context -> assertThat(context).doesNotHaveBean(DemoCasesLoader.class));
	}

}
