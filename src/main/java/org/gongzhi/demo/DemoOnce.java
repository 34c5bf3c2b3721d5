package org.gongzhi.demo;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one part of the demo load at most once, however many nodes start together: in one transaction holding a
 * named PostgreSQL advisory lock, skipped when the part is already there.
 */
final class DemoOnce {

	private DemoOnce() {
	}

	static void run(TransactionTemplate tx, JdbcClient jdbc, String lock, BooleanSupplier loaded, Consumer<TransactionStatus> load) {
		tx.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(hashtext(:lock))").param("lock", lock).query((rs, n) -> 1).list();
			if (!loaded.getAsBoolean()) {
				load.accept(status);
			}
		});
	}

}
