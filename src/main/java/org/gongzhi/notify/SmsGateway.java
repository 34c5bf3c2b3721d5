package org.gongzhi.notify;

/**
 * Sends a text message (短信) to a mobile number. Chosen by {@code gongzhi.notify.sms}: {@code log} (the default) only
 * logs and records it in the outbox, so a real carrier gateway can be plugged in later as another bean.
 */
public interface SmsGateway {

	/**
	 * Sends the text; implementations log and store the number masked only.
	 * @param phone the full mobile number
	 */
	void send(String phone, String text);

}
