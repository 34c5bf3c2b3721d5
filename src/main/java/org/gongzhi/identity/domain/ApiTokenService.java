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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the API: random, opaque, stored only as a SHA-256 hash, valid for a configured time. Stored in the
 * database so every application node accepts every token.
 */
@Service
public class ApiTokenService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final SignInService signIn;

	private final Duration ttl;

	ApiTokenService(JdbcClient jdbc, SignInService signIn, @Value("${gongzhi.security.token-ttl:1h}") Duration ttl) {
		this.jdbc = jdbc;
		this.signIn = signIn;
		this.ttl = ttl;
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
		return jdbc.sql("select user_id from identity.api_token where token_hash = :h and expires_at > now()")
			.param("h", hash(token)).query(Long.class).optional().map(signIn::principalFor);
	}

	/** A reset password revokes every token issued with the old one (in the same transaction as the reset). */
	@EventListener
	void on(PasswordReset event) {
		jdbc.sql("delete from identity.api_token where user_id = :u").param("u", event.userId()).update();
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
