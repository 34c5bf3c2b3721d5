package org.gongzhi.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.PasswordReset;
import org.gongzhi.identity.UserDisabled;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the API: random, opaque, stored only as a SHA-256 hash, valid for a configured time. Stored in the
 * database so every application node accepts every token. A node remembers a checked token and its user for a few
 * seconds (gongzhi.security.token-cache, default 10 s, 0 to switch off) so that a client's burst of calls does not
 * read the token and the user on every call; a password reset or a disabled user drops the user's entries at once
 * on this node, and other nodes follow within that time. Role or scope changes reach a cached token the same way.
 */
@Service
public class ApiTokenService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final SignInService signIn;

	private final Duration ttl;

	private final long cacheNanos;

	/** A checked token: its user, and until when (System.nanoTime) this node trusts it without asking again. */
	private record Checked(GongzhiUser user, long trustedUntil, Instant expiresAt) {
	}

	static final int CACHE_LIMIT = 10_000;

	private final java.util.concurrent.ConcurrentHashMap<String, Checked> checked = new java.util.concurrent.ConcurrentHashMap<>();

	ApiTokenService(JdbcClient jdbc, SignInService signIn, @Value("${gongzhi.security.token-ttl:1h}") Duration ttl,
			@Value("${gongzhi.security.token-cache:10s}") Duration cache) {
		this.jdbc = jdbc;
		this.signIn = signIn;
		this.ttl = ttl;
		this.cacheNanos = cache.toNanos();
	}

	/** A freshly issued token. */
	public record IssuedToken(String value, long expiresInSeconds) {
	}

	@Transactional
	public IssuedToken issue(GongzhiUser user) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				insert into identity.api_token (token_hash, user_id, expires_at, client_ip)
				values (:h, :u, :exp, :ip)
				""").param("h", hash(token)).param("u", user.id())
			.param("exp", Timestamp.from(Instant.now().plus(ttl))).param("ip", AuditLogService.currentIp()).update();
		return new IssuedToken(token, ttl.toSeconds());
	}

	@Transactional(readOnly = true)
	public Optional<GongzhiUser> authenticate(String token) {
		if (token == null || token.isBlank() || token.length() > 200) {
			return Optional.empty();
		}
		String hash = hash(token);
		long now = System.nanoTime();
		Checked known = checked.get(hash);
		if (known != null && now - known.trustedUntil() < 0 && known.expiresAt().isAfter(Instant.now())) {
			return Optional.of(known.user());
		}
		Optional<Checked> found = jdbc.sql("""
				select user_id, expires_at from identity.api_token where token_hash = :h and expires_at > now()
				""").param("h", hash).query((rs, n) -> {
					GongzhiUser user = signIn.principalFor(rs.getLong(1));
					return user == null ? null : new Checked(user, now + cacheNanos, rs.getTimestamp(2).toInstant());
				}).optional();
		if (found.isEmpty()) {
			checked.remove(hash);
			return Optional.empty();
		}
		if (cacheNanos > 0) {
			if (checked.size() >= CACHE_LIMIT) {
				checked.clear();
			}
			checked.put(hash, found.get());
		}
		return Optional.of(found.get().user());
	}

	/** A reset password revokes every token issued with the old one (in the same transaction as the reset). */
	@EventListener
	void on(PasswordReset event) {
		jdbc.sql("delete from identity.api_token where user_id = :u").param("u", event.userId()).update();
		forget(event.userId());
	}

	/** A disabled user's tokens stop working at once on this node. */
	@EventListener
	void on(UserDisabled event) {
		forget(event.userId());
	}

	/** Drops what this node remembers of the user's tokens, so that the next call reads their roles and scope again. */
	void forget(long userId) {
		checked.values().removeIf(c -> c.user().id() == userId);
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	@Transactional
	public void purgeExpired() {
		jdbc.sql("delete from identity.api_token where expires_at < now() - interval '1 day'").update();
	}

	private static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
