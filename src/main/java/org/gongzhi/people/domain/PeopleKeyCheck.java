package org.gongzhi.people.domain;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refuses to start with a key other than the one the stored numbers were encrypted with (a changed or lost
 * GONGZHI_PEOPLE_KEY), instead of failing later on every read; the first start records the key's check value.
 */
@Component
@Order(1)
class PeopleKeyCheck implements ApplicationRunner {

	private final PeopleCrypto crypto;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	PeopleKeyCheck(PeopleCrypto crypto, JdbcClient jdbc, TransactionTemplate tx) {
		this.crypto = crypto;
		this.jdbc = jdbc;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		tx.executeWithoutResult(status -> {
			jdbc.sql("insert into people.key_check (id, check_value) values (1, :v) on conflict (id) do nothing")
				.param("v", crypto.checkValue()).update();
			byte[] stored = jdbc.sql("select check_value from people.key_check where id = 1").query(byte[].class)
				.single();
			if (!crypto.matches(stored)) {
				throw new IllegalStateException("GONGZHI_PEOPLE_KEY is not the key the stored ID and phone numbers were "
						+ "encrypted with. Start with the original key (or, for the embedded database, the people.key "
						+ "file of its data directory).");
			}
		});
	}

}
