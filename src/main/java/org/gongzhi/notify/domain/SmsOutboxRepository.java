package org.gongzhi.notify.domain;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SmsOutboxRepository {

	private final JdbcClient jdbc;

	SmsOutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(String phoneMasked, String text, String gateway, String status) {
		jdbc.sql("""
				insert into notify.sms_outbox (phone_masked, text, gateway, status)
				values (:phone, :text, :gateway, :status)
				""").param("phone", phoneMasked).param("text", text).param("gateway", gateway).param("status", status)
			.update();
	}

}
