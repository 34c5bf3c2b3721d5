package org.gongzhi.identity.domain;

import java.util.EnumSet;

import org.gongzhi.identity.Role;
import org.gongzhi.shared.DomainException;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform never loses its last system administrator, neither by disabling nor by taking the role away. Each test
 * runs in a transaction that is rolled back, so the shared demo data stays as it is.
 */
@GongzhiTest
@Transactional
class LastAdministratorTests {

	@Autowired
	UserAdministration users;

	@Autowired
	JdbcClient jdbc;

	long onlyAdmin() {
		long admin = jdbc.sql("select id from identity.app_user where username = 'admin'").query(Long.class).single();
		jdbc.sql("""
				update identity.app_user set enabled = false
				 where id <> :id and id in (select user_id from identity.user_role where role = 'SYSTEM_ADMIN')
				""").param("id", admin).update();
		return admin;
	}

	@Test
	void theLastAdministratorCannotBeDisabled() {
		long admin = onlyAdmin();
		assertThatThrownBy(() -> users.setEnabled(admin, false, "someone-else"))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.messageKey()).isEqualTo("user.lastAdmin"));
		assertThat(users.get(admin).enabled()).isTrue();
	}

	@Test
	void theLastAdministratorKeepsTheRole() {
		long admin = onlyAdmin();
		UserAccount account = users.get(admin);
		UserForm form = new UserForm();
		form.setUsername(account.username());
		form.setDisplayName(account.displayName());
		form.setRoles(EnumSet.of(Role.LEADER));
		form.setScopeAll(true);
		form.setVersion(account.version());
		assertThatThrownBy(() -> users.update(admin, form))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.messageKey()).isEqualTo("user.lastAdmin"));
		assertThat(users.get(admin).roles()).contains(Role.SYSTEM_ADMIN);
	}

	@Test
	void anotherAdministratorMayBeDisabledWhileOneRemains() {
		long admin = onlyAdmin();
		long second = jdbc.sql("select id from identity.app_user where username = 'street'").query(Long.class).single();
		jdbc.sql("insert into identity.user_role (user_id, role) values (:id, 'SYSTEM_ADMIN')").param("id", second).update();
		users.setEnabled(second, false, "admin");
		assertThat(users.get(second).enabled()).isFalse();
		assertThat(users.get(admin).enabled()).isTrue();
	}

}
