package org.gongzhi.people.domain;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeopleCryptoTest {

	static byte[] key(int seed) {
		byte[] k = new byte[32];
		Arrays.fill(k, (byte) seed);
		return k;
	}

	@Test
	void encryptsWithAFreshNonceAndDecryptsBack() {
		PeopleCrypto crypto = new PeopleCrypto(key(1));
		byte[] a = crypto.encrypt("13800138000");
		byte[] b = crypto.encrypt("13800138000");
		assertThat(a).isNotEqualTo(b);
		assertThat(new String(a, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("13800138000");
		assertThat(crypto.decrypt(a)).isEqualTo("13800138000");
		assertThat(crypto.decrypt(b)).isEqualTo("13800138000");
		assertThat(crypto.encrypt(null)).isNull();
	}

	@Test
	void anotherKeyCannotDecryptAndATamperedValueFails() {
		byte[] sealed = new PeopleCrypto(key(1)).encrypt("110101199003071234");
		assertThatThrownBy(() -> new PeopleCrypto(key(2)).decrypt(sealed)).isInstanceOf(IllegalStateException.class);
		sealed[sealed.length - 1] ^= 1;
		assertThatThrownBy(() -> new PeopleCrypto(key(1)).decrypt(sealed)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void blindIndexesAreStablePerKeyAndDomainButDifferAcrossKeys() {
		PeopleCrypto one = new PeopleCrypto(key(1));
		assertThat(one.index("phone", "13800138000")).isEqualTo(one.index("phone", "13800138000"));
		assertThat(one.index("phone", "13800138000")).isNotEqualTo(one.index("id", "13800138000"));
		assertThat(one.index("phone", "13800138000")).isNotEqualTo(new PeopleCrypto(key(2)).index("phone", "13800138000"));
		assertThat(one.tail("phone", "8000")).isEqualTo(one.tail("phone", "8000"));
		assertThat(one.tail("phone", "8000")).isNotEqualTo(one.tail("phone", "8001"));
		assertThat(one.tail("phone", "8000")).isNotEqualTo(one.tail("id", "8000"));
	}

	@Test
	void theKeyCheckTellsKeysApart() {
		assertThat(new PeopleCrypto(key(1)).matches(new PeopleCrypto(key(1)).checkValue())).isTrue();
		assertThat(new PeopleCrypto(key(1)).matches(new PeopleCrypto(key(2)).checkValue())).isFalse();
	}

	@Test
	void keysMustBe32Bytes() {
		assertThatThrownBy(() -> new PeopleCrypto(new byte[16])).isInstanceOf(IllegalArgumentException.class);
	}

}
