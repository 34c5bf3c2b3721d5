package org.gongzhi.people.domain;

import java.util.List;
import java.util.Optional;

import org.gongzhi.people.GrantKind;
import org.gongzhi.people.GroupKind;
import org.gongzhi.people.PersonGroupCmd;
import org.gongzhi.people.PersonGroupView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The person group catalogue and the per-user grants.
 */
@Repository
class GroupStore {

	private final JdbcClient jdbc;

	GroupStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<PersonGroupView> all() {
		return jdbc.sql("select code, name, kind, visit_cadence_days, enabled, sort from people.person_group "
				+ "order by sort, code")
			.query((rs, n) -> new PersonGroupView(rs.getString(1), rs.getString(2), GroupKind.valueOf(rs.getString(3)),
					(Integer) rs.getObject(4), rs.getBoolean(5), rs.getInt(6)))
			.list();
	}

	Optional<PersonGroupView> find(String code) {
		return all().stream().filter(g -> g.code().equals(code)).findFirst();
	}

	boolean nameTaken(String name, String exceptCode) {
		return jdbc.sql("select exists (select 1 from people.person_group where name = :n and code <> :c)")
			.param("n", name).param("c", exceptCode).query(Boolean.class).single();
	}

	void save(PersonGroupCmd cmd) {
		jdbc.sql("""
				insert into people.person_group (code, name, kind, visit_cadence_days, enabled, sort)
				values (:code, :name, :kind, :cadence, :enabled, :sort)
				on conflict (code) do update set name = excluded.name, kind = excluded.kind,
				  visit_cadence_days = excluded.visit_cadence_days, enabled = excluded.enabled, sort = excluded.sort,
				  updated_at = now()""")
			.param("code", cmd.code()).param("name", cmd.name().strip()).param("kind", cmd.kind().name())
			.param("cadence", cmd.visitCadenceDays()).param("enabled", cmd.enabled()).param("sort", cmd.sort())
			.update();
	}

	/** A grant row without the user's names. */
	record GrantRow(long id, long userId, GrantKind kind, String groupCode, String grantedBy, java.time.Instant at) {
	}

	List<GrantRow> grants() {
		return jdbc.sql("select id, user_id, kind, group_code, granted_by, granted_at from people.access_grant "
				+ "order by user_id, kind, group_code")
			.query((rs, n) -> new GrantRow(rs.getLong(1), rs.getLong(2), GrantKind.valueOf(rs.getString(3)),
					rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	Optional<GrantRow> grant(long id) {
		return grants().stream().filter(g -> g.id() == id).findFirst();
	}

	/** Adds a grant unless the user already holds it; answers its id. */
	long grant(long userId, GrantKind kind, String groupCode, String by) {
		jdbc.sql("""
				insert into people.access_grant (user_id, kind, group_code, granted_by) values (:u, :k, :g, :by)
				on conflict (user_id, kind, coalesce(group_code, '')) do nothing""")
			.param("u", userId).param("k", kind.name()).param("g", groupCode).param("by", by).update();
		return jdbc.sql("select id from people.access_grant where user_id = :u and kind = :k "
				+ "and coalesce(group_code, '') = coalesce(:g, '')")
			.param("u", userId).param("k", kind.name()).param("g", groupCode).query(Long.class).single();
	}

	void revoke(long id) {
		jdbc.sql("delete from people.access_grant where id = :id").param("id", id).update();
	}

}
