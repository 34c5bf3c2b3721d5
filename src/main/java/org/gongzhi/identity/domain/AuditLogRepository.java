package org.gongzhi.identity.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.identity.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditLogRepository {

	private final JdbcClient jdbc;

	AuditLogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(String actor, String action, String targetType, String targetId, String detail, String ip) {
		jdbc.sql("""
				insert into identity.audit_log (actor, action, target_type, target_id, detail, client_ip)
				values (:actor, :action, :type, :id, :detail, :ip)
				""").param("actor", actor).param("action", action).param("type", targetType).param("id", targetId)
			.param("detail", detail).param("ip", ip).update();
	}

	/** Appends many entries in one statement, each with its own time, actor and address. */
	void appendAll(List<AuditLog.Entry> entries) {
		jdbc.sql("""
				insert into identity.audit_log (at, actor, action, target_type, target_id, detail, client_ip)
				select cast(u.at as timestamptz), u.actor, u.action, u.type, u.id, u.detail, u.ip
				  from unnest(cast(:at as text[]), cast(:actor as text[]), cast(:action as text[]),
				              cast(:type as text[]), cast(:id as text[]), cast(:detail as text[]), cast(:ip as text[]))
				       as u(at, actor, action, type, id, detail, ip)
				""").param("at", column(entries, e -> e.at().toString()))
			.param("actor", column(entries, e -> e.actor().name())).param("action", column(entries, AuditLog.Entry::action))
			.param("type", column(entries, AuditLog.Entry::targetType))
			.param("id", column(entries, AuditLog.Entry::targetId))
			.param("detail", column(entries, AuditLog.Entry::detail))
			.param("ip", column(entries, e -> e.actor().ip())).update();
	}

	private static String[] column(List<AuditLog.Entry> entries, java.util.function.Function<AuditLog.Entry, String> f) {
		return entries.stream().map(f).toArray(String[]::new);
	}

	List<AuditEntry> search(AuditQuery q, int offset, int limit) {
		StringBuilder sql = new StringBuilder("""
				select id, at, actor, action, target_type, target_id, detail, client_ip from identity.audit_log where true
				""");
		Map<String, Object> params = new HashMap<>();
		where(q, sql, params);
		sql.append(q.oldestFirst() ? " order by at, id" : " order by at desc, id desc");
		sql.append(" offset :offset limit :limit");
		params.put("offset", offset);
		params.put("limit", limit);
		return jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.list();
	}

	long count(AuditQuery q) {
		StringBuilder sql = new StringBuilder("select count(*) from identity.audit_log where true");
		Map<String, Object> params = new HashMap<>();
		where(q, sql, params);
		return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	List<String> actions() {
		return jdbc.sql("select distinct action from identity.audit_log order by action").query(String.class).list();
	}

	private static void where(AuditQuery q, StringBuilder sql, Map<String, Object> params) {
		if (q.actor() != null && !q.actor().isBlank()) {
			sql.append(" and lower(actor) = lower(:actor)");
			params.put("actor", q.actor().strip());
		}
		if (q.action() != null && !q.action().isBlank()) {
			sql.append(" and action = :action");
			params.put("action", q.action());
		}
		if (q.target() != null && !q.target().isBlank()) {
			sql.append(" and (target_id = :target or target_type = :target)");
			params.put("target", q.target().strip());
		}
		if (q.ip() != null && !q.ip().isBlank()) {
			sql.append(" and client_ip = :ip");
			params.put("ip", q.ip().strip());
		}
		if (q.from() != null) {
			sql.append(" and at >= :from");
			params.put("from", java.sql.Timestamp.from(q.from()));
		}
		if (q.to() != null) {
			sql.append(" and at < :to");
			params.put("to", java.sql.Timestamp.from(q.to()));
		}
	}

}
