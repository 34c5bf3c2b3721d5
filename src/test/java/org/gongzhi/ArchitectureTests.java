package org.gongzhi;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * House rules from docs/architecture: repositories and controllers stay package-private, the domain never depends on
 * the web layer, and nothing depends on the demo data module.
 */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.gongzhi");

	@Test
	void repositoriesArePackagePrivate() {
		classes().that().areAnnotatedWith(Repository.class).should().notBePublic().check(CLASSES);
	}

	@Test
	void controllersArePackagePrivate() {
		classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
			.should().notBePublic().check(CLASSES);
	}

	@Test
	void domainDoesNotDependOnWeb() {
		noClasses().that().resideInAPackage("..domain..").should().dependOnClassesThat().resideInAPackage("org.gongzhi..web..")
			.check(CLASSES);
	}

	@Test
	void nothingDependsOnDemoData() {
		noClasses().that().resideOutsideOfPackage("org.gongzhi.demo..").should().dependOnClassesThat()
			.resideInAPackage("org.gongzhi.demo..").check(CLASSES);
	}

}
