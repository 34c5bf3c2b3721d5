package org.gongzhi;

import org.gongzhi.support.Api;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@GongzhiTest
class SmokeTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void healthIsOpenButTheRestOfActuatorIsNot() {
		assertThat(mvc.get().uri("/actuator/health")).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("UP");
		assertThat(mvc.get().uri("/actuator/env")).hasStatus3xxRedirection();
	}

	@Test
	void demoStreetIsLoadedAndLocatable() {
		String token = Api.token(mvc, "street");
		assertThat(mvc.get().uri("/api/v1/areas/tree").header("Authorization", Api.bearer(token)))
			.hasStatusOk().bodyJson().extractingPath("$[0].children.length()").isEqualTo(6);
	}

}
