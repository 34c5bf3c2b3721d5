package org.gongzhi.notify;

import java.time.Instant;

/**
 * An in-app message as the inbox shows it, with the text rendered when it was sent.
 *
 * @param kind where it came from: {@link #CASE} progress of a followed case, {@link #NOTICE} any other module
 * @param link the application path it opens, or {@code null}
 * @param readAt when the user read it, {@code null} while unread
 */
public record MessageView(long id, Instant at, String kind, String title, String body, String link, Instant readAt) {

	/** 办理进度: a case the user follows moved on. */
	public static final String CASE = "CASE";

	/** 通知: a message another module sent through {@link NotifyApi}. */
	public static final String NOTICE = "NOTICE";

	public boolean unread() {
		return readAt == null;
	}

}
