/**
 * Identity (身份): users, roles, data scopes (数据范围), sign-in by form and by API token, and the append-only audit
 * log (审计日志). Publishes {@link org.gongzhi.identity.GongzhiUser} as the signed-in principal, {@link
 * org.gongzhi.identity.DataScope} for every module to enforce on the server, {@link org.gongzhi.identity.AuditLog} for
 * recording data changes, {@link org.gongzhi.identity.UserDirectory} for looking users up by id, and the event
 * {@link org.gongzhi.identity.UserDisabled}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.gongzhi.identity;
