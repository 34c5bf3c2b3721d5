package org.gongzhi.people.domain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.gongzhi.shared.db.DatabaseProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeopleKeyConfigurationTest {

	@TempDir
	Path dir;

	@Test
	void aConfiguredKeyWins() {
		String key = Base64.getEncoder().encodeToString(PeopleCryptoTest.key(7));
		assertThat(PeopleKeyConfiguration.resolve(key, new DatabaseProperties("jdbc:postgresql://db/x", "u", "", dir,
				false, 5))).isEqualTo(PeopleCryptoTest.key(7));
	}

	@Test
	void anExternalDatabaseWithoutAKeyRefusesToStartWithAClearMessage() {
		assertThatThrownBy(() -> PeopleKeyConfiguration.resolve("", new DatabaseProperties("jdbc:postgresql://db/x", "u",
				"", dir, false, 5)))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("GONGZHI_PEOPLE_KEY is not set");
	}

	@Test
	void theEmbeddedDatabaseGeneratesAKeyOnceAndReusesIt() throws Exception {
		DatabaseProperties embedded = new DatabaseProperties("", "postgres", "", dir, false, 5);
		byte[] first = PeopleKeyConfiguration.resolve(null, embedded);
		byte[] second = PeopleKeyConfiguration.resolve(null, embedded);
		assertThat(first).hasSize(32).isEqualTo(second);
		assertThat(Files.readString(dir.resolve("people.key")).strip()).isEqualTo(Base64.getEncoder()
			.encodeToString(first));
		assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
				dir.resolve("people.key")))).isEqualTo("rw-------");
	}

	@Test
	void aShortKeyIsRefused() {
		assertThatThrownBy(() -> PeopleKeyConfiguration.resolve(Base64.getEncoder().encodeToString(new byte[16]),
				new DatabaseProperties("", "postgres", "", dir, false, 5)))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
	}

}
