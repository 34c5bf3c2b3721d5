package org.gongzhi.identity.domain;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.AuditLog.Actor;
import org.gongzhi.identity.AuditLog.Entry;
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
		repository.append(truncate(currentUsername(), 64), action, truncate(targetType, 64), truncate(targetId, 128),
				truncate(detail, 2000), currentIp());
	}

	@Override
	public Actor currentActor() {
		return new Actor(truncate(currentUsername(), 64), currentIp());
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void recordAll(List<Entry> entries) {
		if (!entries.isEmpty()) {
			repository.appendAll(entries.stream().map(e -> new Entry(new Actor(truncate(e.actor().name(), 64),
					e.actor().ip()), e.at(), e.action(), truncate(e.targetType(), 64), truncate(e.targetId(), 128),
					truncate(e.detail(), 2000))).toList());
		}
	}

	/** Records an event whose actor is known but not (yet) signed in, e.g. a failed sign-in. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFor(String actor, String action, String detail) {
		repository.append(truncate(actor, 64), action, "user", truncate(actor, 128), truncate(detail, 2000),
				currentIp());
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

	static String currentUsername() {
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

	/** Cuts a value to its column's width, so that odd input (e.g. an overlong username) is still recorded. */
	private static String truncate(String s, int max) {
		if (s == null) {
			return null;
		}
		return s.length() > max ? s.substring(0, max) : s;
	}

}
