package org.gongzhi.demo;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one part of the demo load at most once, however many nodes start together: in one transaction holding a
 * named PostgreSQL advisory lock, skipped when the part is already there.
 */
@Component
class DemoOnce {

	private static final Logger log = LoggerFactory.getLogger(DemoOnce.class);

	private final TransactionTemplate tx;

	private final JdbcClient jdbc;

	DemoOnce(TransactionTemplate tx, JdbcClient jdbc) {
		this.tx = tx;
		this.jdbc = jdbc;
	}

	/** Runs the load under the lock unless the part is already loaded. */
	void run(String lock, BooleanSupplier loaded, Consumer<TransactionStatus> load) {
		tx.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(hashtext(:lock))").param("lock", lock).query((rs, n) -> 1).list();
			if (!loaded.getAsBoolean()) {
				load.accept(status);
			}
		});
	}

	/**
	 * Runs the load like run and logs how long it took, as "Demo (part) loaded in (time) ms: (what the load answered)".
	 */
	void load(String lock, String part, BooleanSupplier loaded, Supplier<String> load) {
		run(lock, loaded, status -> {
			long started = System.currentTimeMillis();
			String summary = load.get();
			log.info("Demo {} loaded in {} ms: {}", part, System.currentTimeMillis() - started, summary);
		});
	}

}
