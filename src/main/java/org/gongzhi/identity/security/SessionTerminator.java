package org.gongzhi.identity.security;

import org.gongzhi.identity.PasswordReset;
import org.gongzhi.identity.UserDisabled;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends every page session of a user who was disabled or whose password was reset, so that they are signed out at once
 * instead of keeping an open session. A disabled user's API tokens are refused on every call already; a reset
 * password's tokens are revoked by {@code ApiTokenService}.
 */
@Component
class SessionTerminator {

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	SessionTerminator(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.sessions = sessions;
	}

	@TransactionalEventListener
	void on(UserDisabled event) {
		endSessionsOf(event.username());
	}

	@TransactionalEventListener
	void on(PasswordReset event) {
		endSessionsOf(event.username());
	}

	private void endSessionsOf(String username) {
		sessions.ifAvailable(repository -> repository.findByPrincipalName(username).keySet()
			.forEach(repository::deleteById));
	}

}
