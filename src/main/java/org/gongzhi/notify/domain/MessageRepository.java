package org.gongzhi.notify.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gongzhi.notify.MessageView;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MessageRepository {

	private static final RowMapper<MessageView> ROW = (rs, n) -> new MessageView(rs.getLong("id"),
			rs.getTimestamp("at").toInstant(), rs.getString("kind"), rs.getString("title"), rs.getString("body"),
			rs.getString("link"), rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant());

	private final JdbcClient jdbc;

	MessageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long add(long userId, Instant at, String kind, String title, String body, String link) {
		return jdbc.sql("""
				insert into notify.message (user_id, at, kind, title, body, link)
				values (:user, :at, :kind, :title, :body, :link) returning id
				""").param("user", userId).param("at", Timestamp.from(at)).param("kind", kind).param("title", title)
			.param("body", body).param("link", link).query(Long.class).single();
	}

	List<MessageView> page(long userId, int offset, int limit) {
		return jdbc.sql("""
				select id, at, kind, title, body, link, read_at from notify.message
				where user_id = :user order by at desc, id desc offset :offset limit :limit
				""").param("user", userId).param("offset", offset).param("limit", limit).query(ROW).list();
	}

	long count(long userId) {
		return jdbc.sql("select count(*) from notify.message where user_id = :user").param("user", userId)
			.query(Long.class).single();
	}

	long unread(long userId) {
		return jdbc.sql("select count(*) from notify.message where user_id = :user and read_at is null")
			.param("user", userId).query(Long.class).single();
	}

	Optional<MessageView> find(long userId, long id) {
		return jdbc.sql("""
				select id, at, kind, title, body, link, read_at from notify.message where id = :id and user_id = :user
				""").param("id", id).param("user", userId).query(ROW).optional();
	}

	int markRead(long userId, long id, Instant at) {
		return jdbc.sql("update notify.message set read_at = :at where id = :id and user_id = :user and read_at is null")
			.param("at", Timestamp.from(at)).param("id", id).param("user", userId).update();
	}

	int markAllRead(long userId, Instant at) {
		return jdbc.sql("update notify.message set read_at = :at where user_id = :user and read_at is null")
			.param("at", Timestamp.from(at)).param("user", userId).update();
	}

}
