package org.gongzhi.identity.domain;

import java.util.Set;

import org.gongzhi.identity.NewUser;
import org.gongzhi.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Unattended installs: when no user exists yet and {@code GONGZHI_ADMIN_PASSWORD} is set, creates the first system
 * administrator {@code admin} with it at start-up. Without it, the first page asks for the password ({@code /setup}).
 */
@Component
@Order(20)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final String password;

	private final UserAdministration users;

	private final TransactionTemplate tx;

	private final JdbcClient jdbc;

	FirstAdministrator(@Value("${gongzhi.security.initial-admin-password:}") String password, UserAdministration users,
			TransactionTemplate tx, JdbcClient jdbc) {
		this.password = password;
		this.users = users;
		this.tx = tx;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (password == null || password.isBlank()) {
			return;
		}
		tx.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(hashtext('gongzhi.first-admin'))").query((rs, n) -> 1).list();
			if (!users.anyUserExists()) {
				users.create(new NewUser("admin", "系统管理员", password, Set.of(Role.SYSTEM_ADMIN), null, true, null, null));
				log.info("Created the first system administrator 'admin' from GONGZHI_ADMIN_PASSWORD");
			}
		});
	}

}
