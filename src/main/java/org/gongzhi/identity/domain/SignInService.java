package org.gongzhi.identity.domain;

import java.time.Instant;

import org.gongzhi.identity.GongzhiUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in (登录): loads accounts for Spring Security, counts failures (the fifth in a row locks the account for 15
 * minutes) and audit-logs every sign-in and sign-in failure with the client address.
 */
@Service
public class SignInService implements UserDetailsService {

	static final int MAX_FAILURES = 5;

	static final int LOCK_MINUTES = 15;

	private final UserRepository users;

	private final AuditLogService audit;

	SignInService(UserRepository users, AuditLogService audit) {
		this.users = users;
		this.audit = audit;
	}

	@Override
	@Transactional(readOnly = true)
	public GongzhiUser loadUserByUsername(String username) {
		UserRepository.Row row = users.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		return principal(row);
	}

	/** The principal for an already-authenticated user id (API tokens), or {@code null} if disabled or gone. */
	@Transactional(readOnly = true)
	public GongzhiUser principalFor(long userId) {
		return users.findById(userId).filter(r -> r.account().enabled()).map(SignInService::principal).orElse(null);
	}

	private static GongzhiUser principal(UserRepository.Row row) {
		UserAccount a = row.account();
		return new GongzhiUser(a.id(), a.username(), a.displayName(), row.passwordHash(), a.enabled(),
				!a.lockedAt(Instant.now()), a.roles(), a.scope());
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void onSuccess(AuthenticationSuccessEvent event) {
		String name = event.getAuthentication().getName();
		users.recordSuccess(name);
		audit.recordFor(name, "auth.signIn", null);
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void onFailure(AbstractAuthenticationFailureEvent event) {
		String name = event.getAuthentication().getName();
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			boolean lockedNow = users.recordFailure(name, MAX_FAILURES, LOCK_MINUTES);
			audit.recordFor(name, "auth.signInFailed", lockedNow ? "bad credentials; account locked for "
					+ LOCK_MINUTES + " minutes" : "bad credentials");
		}
		else if (event.getException() instanceof LockedException) {
			audit.recordFor(name, "auth.signInFailed", "account locked");
		}
		else {
			audit.recordFor(name, "auth.signInFailed", event.getException().getClass().getSimpleName());
		}
	}

}
