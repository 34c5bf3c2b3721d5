package org.gongzhi.identity;

import java.time.Instant;
import java.util.List;

/**
 * The append-only audit log (审计日志): every module records its data changes here; who, when and from which address
 * are filled in from the current request.
 */
public interface AuditLog {

	/**
	 * Records one change by the current user.
	 * @param action what happened, e.g. {@code grid.import}
	 * @param targetType the kind of thing changed, e.g. {@code community}
	 * @param targetId its id or code
	 * @param detail a short human-readable detail, may be {@code null}
	 */
	void record(String action, String targetType, String targetId, String detail);

	/**
	 * Who is acting now and from which address: taken on the request's thread, so that changes written later on
	 * another thread (a writer that gathers many requests into one transaction) are recorded for the right user.
	 */
	Actor currentActor();

	/**
	 * Records changes whose actor was taken earlier, all in one statement, in the caller's transaction.
	 * @param entries the changes, in order
	 */
	void recordAll(List<Entry> entries);

	/**
	 * A user and client address, as recorded in the log.
	 * @param name the username, or system outside a request
	 * @param ip the client address, or null outside a request
	 */
	record Actor(String name, String ip) {
	}

	/**
	 * One change to record later.
	 * @param actor who made it
	 * @param at when
	 * @param action what happened, e.g. case.accept
	 * @param targetType the kind of thing changed
	 * @param targetId its id or code
	 * @param detail a short detail, may be null
	 */
	record Entry(Actor actor, Instant at, String action, String targetType, String targetId, String detail) {
	}

}
