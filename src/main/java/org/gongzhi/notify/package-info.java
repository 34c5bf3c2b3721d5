/**
 * Notifications (消息通知): owns the in-app messages (站内消息) of every user with their read state, and the SMS outbox
 * (短信发件记录) behind the pluggable {@link org.gongzhi.notify.SmsGateway}. Listens to
 * {@link org.gongzhi.cases.CaseStatusChanged} and tells each resident following a case how it has moved on (办理进度).
 * Publishes {@link org.gongzhi.notify.NotifyApi} for other modules to send a user a message and read their inbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.gongzhi.notify;
