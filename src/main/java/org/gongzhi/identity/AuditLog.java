package org.gongzhi.identity;

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

}
