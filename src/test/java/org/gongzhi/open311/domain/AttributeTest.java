package org.gongzhi.open311.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a category's attribute definitions (extra questions) the way the category catalogue stores them.
 */
class AttributeTest {

	@Test
	void readsAListAttributeWithItsValues() {
		var attributes = Attribute.parse("""
				[{"code":"damage","datatype":"singlevaluelist","required":true,"datatype_description":"破损情况",
				  "order":1,"description":"井盖情况","values":[{"key":"missing","name":"丢失"},{"key":"broken","name":"破损"}]}]
				""");

		assertThat(attributes).hasSize(1);
		Attribute damage = attributes.get(0);
		assertThat(damage.code()).isEqualTo("damage");
		assertThat(damage.datatype()).isEqualTo("singlevaluelist");
		assertThat(damage.required()).isTrue();
		assertThat(damage.datatypeDescription()).isEqualTo("破损情况");
		assertThat(damage.description()).isEqualTo("井盖情况");
		assertThat(damage.values()).extracting(Attribute.Value::key).containsExactly("missing", "broken");
		assertThat(damage.nameOf("broken")).isEqualTo("破损");
		assertThat(damage.nameOf("stolen")).isNull();
	}

	@Test
	void ordersByOrderAndToleratesGaps() {
		var attributes = Attribute.parse("""
				[{"code":"b","datatype":"NUMBER","order":2},{"datatype":"string"},{"code":"a","datatype":"odd","order":1}]
				""");

		assertThat(attributes).extracting(Attribute::code).containsExactly("a", "b");
		assertThat(attributes).extracting(Attribute::datatype).containsExactly("string", "number");
		assertThat(attributes).allSatisfy(a -> assertThat(a.required()).isFalse());
	}

	@Test
	void noOrMalformedDefinitionsMeanNoAttributes() {
		assertThat(Attribute.parse(null)).isEmpty();
		assertThat(Attribute.parse(" ")).isEmpty();
		assertThat(Attribute.parse("[]")).isEmpty();
		assertThat(Attribute.parse("{\"code\":\"x\"}")).isEmpty();
		assertThat(Attribute.parse("[{")).isEmpty();
	}

}
