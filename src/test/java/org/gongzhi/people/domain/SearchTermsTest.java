package org.gongzhi.people.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermsTest {

	@Test
	void tellsTheKindsOfInputApart() {
		assertThat(SearchTerms.of("5678")).isEqualTo(new SearchTerms(SearchTerms.Kind.TAIL, "5678"));
		assertThat(SearchTerms.of("002x")).isEqualTo(new SearchTerms(SearchTerms.Kind.TAIL, "002X"));
		assertThat(SearchTerms.of("138 0013 8000")).isEqualTo(new SearchTerms(SearchTerms.Kind.PHONE, "13800138000"));
		assertThat(SearchTerms.of("11010519491231002x").kind()).isEqualTo(SearchTerms.Kind.ID);
		assertThat(SearchTerms.of("ZSF")).isEqualTo(new SearchTerms(SearchTerms.Kind.PINYIN, "zsf"));
		assertThat(SearchTerms.of("张三")).isEqualTo(new SearchTerms(SearchTerms.Kind.TEXT, "张三"));
		assertThat(SearchTerms.of("3-1-101").kind()).isEqualTo(SearchTerms.Kind.TEXT);
		assertThat(SearchTerms.of("  ")).isNull();
	}

	@Test
	void escapesLikeWildcards() {
		assertThat(SearchTerms.startsWith("a%b_c")).isEqualTo("a\\%b\\_c%");
	}

}
