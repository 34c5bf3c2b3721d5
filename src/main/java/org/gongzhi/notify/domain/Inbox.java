package org.gongzhi.notify.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.gongzhi.notify.MessageView;
import org.gongzhi.notify.NotifyApi;
import org.gongzhi.notify.SmsGateway;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users' inboxes (站内消息): stores messages, answers unread counts and pages, marks messages read, and hands a
 * message to the {@link SmsGateway} when the recipient's mobile number is known.
 */
@Service
public class Inbox implements NotifyApi {

	/** Residents read messages in Chinese; the text is rendered once, when it is sent. */
	static final Locale TEXT_LOCALE = Locale.SIMPLIFIED_CHINESE;

	private static final Pattern MOBILE = Pattern.compile("^1\\d{10}$");

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	private final MessageRepository messages;

	private final SmsGateway sms;

	private final MessageSource bundle;

	Inbox(MessageRepository messages, SmsGateway sms, MessageSource bundle) {
		this.messages = messages;
		this.sms = sms;
		this.bundle = bundle;
	}

	@Override
	@Transactional
	public void notifyUser(long userId, String title, String body, String link) {
		send(userId, MessageView.NOTICE, title, body, link, null, Instant.now());
	}

	@Override
	@Transactional
	public void notifyUser(long userId, String title, String body, String link, String phone) {
		send(userId, MessageView.NOTICE, title, body, link, phone, Instant.now());
	}

	/**
	 * Stores one message and, for a known mobile number, texts it; a failing gateway never loses the in-app message.
	 * @return the new message's id
	 */
	@Transactional
	public long send(long userId, String kind, String title, String body, String link, String phone, Instant at) {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("a message needs a title");
		}
		if (link != null && !isAppPath(link)) {
			throw new IllegalArgumentException("a message links to an application path only: " + link);
		}
		String cleanBody = body == null || body.isBlank() ? null : cut(body.strip(), 2000);
		long id = messages.add(userId, at, kind, cut(title.strip(), 200), cleanBody, link);
		if (phone != null && MOBILE.matcher(phone.strip()).matches()) {
			try {
				sms.send(phone.strip(), smsText(title.strip(), cleanBody));
			}
			catch (RuntimeException ex) {
				log.warn("SMS for message {} not sent: {}", id, ex.toString());
			}
		}
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public long unreadCount(long userId) {
		return messages.unread(userId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<MessageView> latest(long userId, int page, int size) {
		return messages.page(userId, Math.max(page, 0) * Math.max(size, 1), Math.max(size, 1));
	}

	/** One page of the user's messages, newest first, with the total for the pager. */
	@Transactional(readOnly = true)
	public PageResult<MessageView> page(long userId, int page, int size) {
		int p = Math.max(page, 0);
		return new PageResult<>(messages.page(userId, p * size, size), p, size, messages.count(userId));
	}

	@Override
	@Transactional
	public void markRead(long userId, long messageId) {
		read(userId, messageId);
	}

	/** Marks the user's message read and returns it (read), e.g. to follow its link; not found when not theirs. */
	@Transactional
	public MessageView read(long userId, long messageId) {
		messages.markRead(userId, messageId, Instant.now());
		return messages.find(userId, messageId)
			.orElseThrow(() -> DomainException.notFound("notify.message.notFound", messageId));
	}

	@Override
	@Transactional
	public void markAllRead(long userId) {
		messages.markAllRead(userId, Instant.now());
	}

	/** Whether a link stays inside the application ({@code /cases/…}, not {@code //host} or a scheme). */
	public static boolean isAppPath(String link) {
		return link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\")
				&& link.chars().noneMatch(c -> c < 0x20 || c == '\\');
	}

	private String smsText(String title, String body) {
		String text = body == null ? bundle.getMessage("notify.sms.title", new Object[] { title }, TEXT_LOCALE)
				: bundle.getMessage("notify.sms.text", new Object[] { title, body }, TEXT_LOCALE);
		return cut(text, 500);
	}

	private static String cut(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}

}
