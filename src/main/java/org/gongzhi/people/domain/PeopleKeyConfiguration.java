package org.gongzhi.people.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.gongzhi.shared.db.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the key that protects ID and phone numbers comes from. GONGZHI_PEOPLE_KEY (base64 of 32 random bytes) wins.
 * Without it, the embedded database keeps a key generated once in its data directory (file people.key beside pg,
 * readable by the owner only) and the tests' throw-away database gets a random one; an external database refuses to
 * start, because a key generated on one node would not be known to the others and would be lost with that node.
 */
@Configuration(proxyBeanMethods = false)
class PeopleKeyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PeopleKeyConfiguration.class);

	static final String KEY_FILE = "people.key";

	@Bean
	PeopleCrypto peopleCrypto(@Value("${gongzhi.people.key:}") String configured, DatabaseProperties db) {
		return new PeopleCrypto(resolve(configured, db));
	}

	static byte[] resolve(String configured, DatabaseProperties db) {
		if (configured != null && !configured.isBlank()) {
			return decode(configured.strip(), "GONGZHI_PEOPLE_KEY");
		}
		if (db.url() != null && !db.url().isBlank()) {
			throw new IllegalStateException("GONGZHI_PEOPLE_KEY is not set. With an external database (GONGZHI_DB_URL) "
					+ "the key that encrypts ID and phone numbers must be configured on every node: generate one with "
					+ "'openssl rand -base64 32', keep it in your secret store and set GONGZHI_PEOPLE_KEY. Losing the "
					+ "key loses every encrypted number.");
		}
		if (db.ephemeral()) {
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			return key;
		}
		return fromDataDirectory(db.dataDir().resolve(KEY_FILE));
	}

	static byte[] fromDataDirectory(Path file) {
		try {
			if (Files.exists(file)) {
				return decode(Files.readString(file).strip(), file.toString());
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path tmp = file.resolveSibling(KEY_FILE + ".tmp");
			Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardOpenOption.CREATE,
					StandardOpenOption.TRUNCATE_EXISTING);
			try {
				Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the file keeps the directory's permissions
			}
			Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			log.warn("Generated the key protecting ID and phone numbers in {}; back it up with the data directory, "
					+ "or set GONGZHI_PEOPLE_KEY", file.toAbsolutePath());
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the people key " + file, ex);
		}
	}

	private static byte[] decode(String base64, String source) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(source + " is not valid base64; generate a key with 'openssl rand -base64 32'");
		}
		if (key.length != 32) {
			throw new IllegalStateException(source + " must be 32 bytes (base64 of 32 random bytes, e.g. 'openssl rand "
					+ "-base64 32'), not " + key.length);
		}
		return key;
	}

}
