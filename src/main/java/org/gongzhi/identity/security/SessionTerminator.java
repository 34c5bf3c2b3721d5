package org.gongzhi.identity.security;

import org.gongzhi.identity.UserDisabled;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends every page session of a user who was disabled, so that a disabled user is signed out at once instead of keeping
 * an open session (API tokens are re-checked on every call already).
 */
@Component
class SessionTerminator {

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	SessionTerminator(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.sessions = sessions;
	}

	@TransactionalEventListener
	void on(UserDisabled event) {
		sessions.ifAvailable(repository -> repository.findByPrincipalName(event.username()).keySet()
			.forEach(repository::deleteById));
	}

}
