package org.gongzhi.identity.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gongzhi.identity.DataScope;
import org.gongzhi.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

	private static final String SELECT = """
			select u.id, u.username, u.display_name, u.password_hash, u.enabled, u.failed_attempts, u.locked_until,
			       u.scope_area_code, u.scope_all, u.department_code, u.elder_mode, u.phone_masked, u.created_at,
			       u.last_login_at, u.version,
			       coalesce((select string_agg(r.role, ',') from identity.user_role r where r.user_id = u.id), '') as roles
			from identity.app_user u
			""";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(UserAccount account, String passwordHash) {
	}

	Optional<Row> findByUsername(String username) {
		return jdbc.sql(SELECT + " where lower(u.username) = lower(:u)").param("u", username).query(this::map).optional();
	}

	Optional<Row> findById(long id) {
		return jdbc.sql(SELECT + " where u.id = :id").param("id", id).query(this::map).optional();
	}

	List<UserAccount> findByIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where u.id in (:ids)").param("ids", ids).query(this::map).list().stream()
			.map(Row::account).toList();
	}

	List<UserAccount> search(String q, Role role, Boolean enabled, String sort, int offset, int limit) {
		StringBuilder sql = new StringBuilder(SELECT).append(" where true");
		Map<String, Object> params = new HashMap<>();
		where(q, role, enabled, sql, params);
		sql.append(switch (sort == null ? "" : sort) {
			case "name" -> " order by u.display_name, u.id";
			case "created" -> " order by u.created_at desc, u.id desc";
			case "login" -> " order by u.last_login_at desc nulls last, u.id";
			default -> " order by u.username";
		});
		sql.append(" offset :offset limit :limit");
		params.put("offset", offset);
		params.put("limit", limit);
		return jdbc.sql(sql.toString()).params(params).query(this::map).list().stream().map(Row::account).toList();
	}

	long count(String q, Role role, Boolean enabled) {
		StringBuilder sql = new StringBuilder("select count(*) from identity.app_user u where true");
		Map<String, Object> params = new HashMap<>();
		where(q, role, enabled, sql, params);
		return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	private static void where(String q, Role role, Boolean enabled, StringBuilder sql, Map<String, Object> params) {
		if (q != null && !q.isBlank()) {
			sql.append(" and (u.username ilike :q or u.display_name ilike :q)");
			params.put("q", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (role != null) {
			sql.append(" and exists (select 1 from identity.user_role r where r.user_id = u.id and r.role = :role)");
			params.put("role", role.name());
		}
		if (enabled != null) {
			sql.append(" and u.enabled = :enabled");
			params.put("enabled", enabled);
		}
	}

	List<UserAccount> findAssignable(Role role, String areaCode) {
		return jdbc.sql(SELECT + """
				 where u.enabled and exists (select 1 from identity.user_role r where r.user_id = u.id and r.role = :role)
				   and (u.scope_all or (u.scope_area_code is not null
				        and (starts_with(:area, u.scope_area_code) or starts_with(u.scope_area_code, :area))))
				 order by u.display_name
				""").param("role", role.name()).param("area", areaCode).query(this::map).list().stream()
			.map(Row::account).toList();
	}

	long insert(String username, String displayName, String passwordHash, DataScope scope, String phoneMasked) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into identity.app_user (username, display_name, password_hash, scope_area_code, scope_all,
				                               department_code, phone_masked)
				values (:username, :displayName, :hash, :area, :all, :dept, :phone)
				""")
			.param("username", username).param("displayName", displayName).param("hash", passwordHash)
			.param("area", scope.areaCode()).param("all", scope.all()).param("dept", scope.departmentCode())
			.param("phone", phoneMasked)
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void replaceRoles(long userId, Set<Role> roles) {
		jdbc.sql("delete from identity.user_role where user_id = :id").param("id", userId).update();
		for (Role role : roles) {
			jdbc.sql("insert into identity.user_role (user_id, role) values (:id, :role)").param("id", userId)
				.param("role", role.name()).update();
		}
	}

	/** Returns false when the version no longer matches (someone else changed the user meanwhile). */
	boolean update(long id, int version, String displayName, DataScope scope, String phoneMasked) {
		return jdbc.sql("""
				update identity.app_user set display_name = :displayName, scope_area_code = :area, scope_all = :all,
				       department_code = :dept, phone_masked = :phone, updated_at = now(), version = version + 1
				where id = :id and version = :version
				""").param("displayName", displayName).param("area", scope.areaCode()).param("all", scope.all())
			.param("dept", scope.departmentCode()).param("phone", phoneMasked).param("id", id)
			.param("version", version).update() == 1;
	}

	void setEnabled(long id, boolean enabled) {
		jdbc.sql("update identity.app_user set enabled = :e, updated_at = now(), version = version + 1 where id = :id")
			.param("e", enabled).param("id", id).update();
	}

	void setPassword(long id, String hash) {
		jdbc.sql("""
				update identity.app_user set password_hash = :h, failed_attempts = 0, locked_until = null,
				       updated_at = now(), version = version + 1 where id = :id
				""").param("h", hash).param("id", id).update();
	}

	void unlock(long id) {
		jdbc.sql("update identity.app_user set failed_attempts = 0, locked_until = null where id = :id").param("id", id)
			.update();
	}

	/** Counts a failed sign-in; the fifth in a row locks the account. Returns true when this failure locked it. */
	boolean recordFailure(String username, int maxAttempts, int lockMinutes) {
		return jdbc.sql("""
				update identity.app_user
				   set locked_until = case when failed_attempts + 1 >= :max
				                           then now() + make_interval(mins => :mins) else locked_until end,
				       failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end
				 where lower(username) = lower(:u)
				returning locked_until is not null and locked_until > now()
				""").param("max", maxAttempts).param("mins", lockMinutes).param("u", username)
			.query(Boolean.class).optional().orElse(false);
	}

	void recordSuccess(String username) {
		jdbc.sql("""
				update identity.app_user set failed_attempts = 0, locked_until = null, last_login_at = now()
				 where lower(username) = lower(:u)
				""").param("u", username).update();
	}

	void setElderMode(long id, boolean on) {
		jdbc.sql("update identity.app_user set elder_mode = :on where id = :id").param("on", on).param("id", id).update();
	}

	long countEnabledAdminsExcept(long id) {
		return jdbc.sql("""
				select count(*) from identity.app_user u join identity.user_role r on r.user_id = u.id
				 where r.role = 'SYSTEM_ADMIN' and u.enabled and u.id <> :id
				""").param("id", id).query(Long.class).single();
	}

	boolean anyUser() {
		return jdbc.sql("select exists (select 1 from identity.app_user)").query(Boolean.class).single();
	}

	List<Department> departments() {
		return jdbc.sql("select code, name, area_code from identity.department order by code")
			.query((rs, n) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3))).list();
	}

	void ensureDepartment(String code, String name, String areaCode) {
		jdbc.sql("""
				insert into identity.department (code, name, area_code) values (:c, :n, :a)
				on conflict (code) do nothing
				""").param("c", code).param("n", name).param("a", areaCode).update();
	}

	private Row map(ResultSet rs, int n) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String r : rs.getString("roles").split(",")) {
			if (!r.isBlank()) {
				roles.add(Role.valueOf(r));
			}
		}
		DataScope scope = new DataScope(rs.getBoolean("scope_all"), rs.getString("scope_area_code"),
				rs.getString("department_code"));
		UserAccount account = new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getBoolean("enabled"), rs.getInt("failed_attempts"), instant(rs.getTimestamp("locked_until")), scope,
				roles, rs.getBoolean("elder_mode"), rs.getString("phone_masked"), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("last_login_at")), rs.getInt("version"));
		return new Row(account, rs.getString("password_hash"));
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

}
