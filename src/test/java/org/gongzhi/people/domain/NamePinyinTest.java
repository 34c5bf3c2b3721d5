package org.gongzhi.people.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamePinyinTest {

	@Test
	void initialsAndFullPinyin() {
		assertThat(NamePinyin.of("张三丰")).isEqualTo(new NamePinyin.Reading("zhangsanfeng", "zsf"));
		assertThat(NamePinyin.of("李秀英").initials()).isEqualTo("lxy");
		assertThat(NamePinyin.of("欧阳娜娜").initials()).isEqualTo("oynn");
	}

	@Test
	void surnamesAreReadAsSurnames() {
		assertThat(NamePinyin.of("单雄信").full()).startsWith("shan");
		assertThat(NamePinyin.of("曾国藩").full()).startsWith("zeng");
		assertThat(NamePinyin.of("解缙").full()).startsWith("xie");
		assertThat(NamePinyin.of("沈从文").initials()).isEqualTo("scw");
		assertThat(NamePinyin.of("吕布").full()).isEqualTo("lvbu");
	}

	@Test
	void keepsLatinLettersAndSkipsPunctuation() {
		assertThat(NamePinyin.of("阿卜杜·热合曼").initials()).isEqualTo("abdrhm");
		assertThat(NamePinyin.of("John Smith").initials()).isEqualTo("johnsmith");
	}

}
