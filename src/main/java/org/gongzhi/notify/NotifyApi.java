package org.gongzhi.notify;

import java.util.List;

/**
 * The notifications module for other modules: send a user an in-app message (站内消息), optionally also as an SMS, and
 * read or clear their inbox.
 */
public interface NotifyApi {

	/**
	 * Adds an in-app message to the user's inbox.
	 * @param title shown in bold while unread, at most 200 characters
	 * @param body the text, may be {@code null}
	 * @param link an application path such as {@code /cases/GZ2026…} the message opens, or {@code null}
	 * @throws IllegalArgumentException when the title is blank or the link is not an application path
	 */
	void notifyUser(long userId, String title, String body, String link);

	/**
	 * Adds an in-app message and, when the user's mobile number is known, hands it to the {@link SmsGateway} as well.
	 * @param phone the full mobile number; {@code null}, blank or masked ({@code 138****5678}) means in-app only
	 */
	void notifyUser(long userId, String title, String body, String link, String phone);

	long unreadCount(long userId);

	/** The user's messages, newest first. */
	List<MessageView> latest(long userId, int page, int size);

	/** Marks one of the user's messages read; fails as not found when it is not theirs. */
	void markRead(long userId, long messageId);

	/** Marks all the user's messages read. */
	void markAllRead(long userId);

}
