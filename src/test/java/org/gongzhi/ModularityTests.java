package org.gongzhi;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Guards the module structure (no cycles, no reaching into another module's internals) and regenerates the module
 * documentation in {@code docs/modules/}. Only production classes are modules; tests and benchmarks are ignored.
 * <p>
 * The module canvases read the Javadoc that Spring Modulith's annotation processor collects into
 * {@code generated-spring-modulith/javadoc.json} with a simple parser: a Javadoc comment holding braces around
 * commas, square brackets or double quotes breaks it and fails this test. Write such examples
 * in words.
 */
class ModularityTests {

	static final DescribedPredicate<JavaClass> TEST_CLASSES = DescribedPredicate.describe("test and benchmark classes",
			c -> c.getSource().map(s -> s.getUri().toString().contains("/test-classes/")).orElse(false));

	static final ApplicationModules MODULES = ApplicationModules.of(GongzhiApplication.class, TEST_CLASSES);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases()
			.writeAggregatingDocument();
	}

}
