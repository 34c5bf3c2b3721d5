package org.gongzhi.notify.domain;

import org.gongzhi.notify.SmsGateway;
import org.gongzhi.shared.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The default {@link SmsGateway} ({@code gongzhi.notify.sms=log}): sends nothing, but logs each text with the number
 * masked and records it in the SMS outbox, so deployments without a carrier contract still see what would have gone
 * out.
 */
@Component
@ConditionalOnProperty(name = "gongzhi.notify.sms", havingValue = "log", matchIfMissing = true)
public class LoggingSmsGateway implements SmsGateway {

	static final String NAME = "log";

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

	private final SmsOutboxRepository outbox;

	LoggingSmsGateway(SmsOutboxRepository outbox) {
		this.outbox = outbox;
	}

	/** Records in a transaction of its own, as a real gateway's call would stand apart from the caller's. */
	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void send(String phone, String text) {
		String masked = Masking.phone(phone);
		log.info("SMS to {}: {}", masked, text);
		outbox.add(masked, text, NAME, "LOGGED");
	}

}
