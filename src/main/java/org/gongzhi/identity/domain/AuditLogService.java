package org.gongzhi.identity.domain;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.domain.AuditQuery;
import org.gongzhi.shared.PageResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the append-only audit log; the actor and client address come from the current request.
 */
@Service
public class AuditLogService implements AuditLog {

	private final AuditLogRepository repository;

	AuditLogService(AuditLogRepository repository) {
		this.repository = repository;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(String action, String targetType, String targetId, String detail) {
		repository.append(currentActor(), action, targetType, targetId, truncate(detail), currentIp());
	}

	/** Records an event whose actor is known but not (yet) signed in, e.g. a failed sign-in. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFor(String actor, String action, String detail) {
		repository.append(truncate(actor), action, "user", truncate(actor), truncate(detail), currentIp());
	}

	@Transactional(readOnly = true)
	public PageResult<AuditEntry> search(AuditQuery query, int page, int size) {
		long total = repository.count(query);
		List<AuditEntry> items = repository.search(query, page * size, size);
		return new PageResult<>(items, page, size, total);
	}

	@Transactional(readOnly = true)
	public List<String> actions() {
		return repository.actions();
	}

	static String currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
			return "system";
		}
		return auth.getName();
	}

	/** The client address of the current request, or {@code null} outside a request. */
	public static String currentIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			HttpServletRequest request = attrs.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String s) {
		if (s == null) {
			return null;
		}
		return s.length() > 2000 ? s.substring(0, 2000) : s;
	}

}
