package org.gongzhi.open311.domain;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With demo data on, makes sure the Open311 client {@code demo} exists with the published key
 * {@value #DEMO_KEY}; idempotent, and it leaves the client alone once it exists (even when an administrator disabled
 * it).
 */
@Component
@ConditionalOnProperty(name = "gongzhi.demo", havingValue = "true", matchIfMissing = true)
class DemoClientLoader implements ApplicationRunner {

	static final String DEMO_NAME = "demo";

	static final String DEMO_KEY = "demo-open311-key";

	private final ClientRegistry registry;

	DemoClientLoader(ClientRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void run(ApplicationArguments args) {
		registry.ensure(DEMO_NAME, DEMO_KEY, "demo");
	}

}
