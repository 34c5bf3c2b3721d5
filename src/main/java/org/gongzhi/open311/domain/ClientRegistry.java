package org.gongzhi.open311.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gongzhi.identity.AuditLog;
import org.gongzhi.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists and disables the API keys of Open311 clients (接入方) and recognises a client by its key. Keys are
 * random and stored only as a SHA-256 hash; every change is in the audit log.
 */
@Service
public class ClientRegistry {

	/** Letters (including Chinese), digits, dot, underscore and hyphen; the name becomes part of the case's principal. */
	static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{2,40}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ClientRepository clients;

	private final AuditLog audit;

	ClientRegistry(ClientRepository clients, AuditLog audit) {
		this.clients = clients;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Open311Client> clients() {
		return clients.findAll();
	}

	/** The enabled client holding this key, if any. */
	@Transactional(readOnly = true)
	public Optional<Open311Client> authenticate(String apiKey) {
		if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
			return Optional.empty();
		}
		return clients.findEnabledByKeyHash(hash(apiKey.strip()));
	}

	/**
	 * Creates a client with a fresh random key.
	 * @throws DomainException when the name is malformed or taken
	 */
	@Transactional
	public IssuedKey create(String name, String createdBy) {
		String clean = name == null ? "" : name.strip();
		if (!NAME.matcher(clean).matches()) {
			throw DomainException.invalid("name", "open311.client.name.invalid");
		}
		if (clients.nameTaken(clean)) {
			throw DomainException.invalid("name", "open311.client.name.taken", clean);
		}
		String key = newKey();
		long id = clients.insert(clean, hash(key), createdBy)
			.orElseThrow(() -> DomainException.invalid("name", "open311.client.name.taken", clean));
		audit.record("open311.client.create", "open311.client", clean, null);
		return new IssuedKey(clients.findById(id).orElseThrow(), key);
	}

	@Transactional
	public void disable(long id) {
		Open311Client client = clients.findById(id)
			.orElseThrow(() -> DomainException.notFound("open311.client.notFound"));
		if (clients.disable(id)) {
			audit.record("open311.client.disable", "open311.client", client.name(), null);
		}
	}

	/** Creates the client with a known key unless a client of that name exists (demo data); no audit entry. */
	@Transactional
	void ensure(String name, String apiKey, String createdBy) {
		clients.insert(name, hash(apiKey), createdBy);
	}

	static String newKey() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
