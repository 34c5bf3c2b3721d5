package org.gongzhi.cases.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gongzhi.cases.CategoryView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Repository
class CategoryRepository {

	private static final String SELECT = """
			select code, parent_code, kind, name, description, handling_level, department_code, urgency,
			       time_limit_value, time_limit_unit, response_limit_minutes, attributes, enabled, version
			  from cases.category
			""";

	/** How long {@link #cached} may answer from memory; edits on this node are seen at once. */
	private static final long CACHE_NANOS = Duration.ofSeconds(10).toNanos();

	private record Cached(CategoryView category, long loadedAt) {
	}

	private final JdbcClient jdbc;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	CategoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CategoryView> find(String code) {
		return jdbc.sql(SELECT + " where code = :c").param("c", code).query(CategoryRepository::map).optional();
	}

	/**
	 * The category as read at most a few seconds ago, for the hot paths (intake, routing, case views) that read it
	 * for every case; administration reads and writes with {@link #find} and {@link #update}.
	 */
	Optional<CategoryView> cached(String code) {
		if (code == null) {
			return Optional.empty();
		}
		Cached hit = cache.get(code);
		long now = System.nanoTime();
		if (hit != null && now - hit.loadedAt() < CACHE_NANOS) {
			return Optional.of(hit.category());
		}
		Optional<CategoryView> found = find(code);
		found.ifPresentOrElse(c -> cache.put(code, new Cached(c, now)), () -> cache.remove(code));
		return found;
	}

	/** Drops the cached categories now and again when the writing transaction commits. */
	private void forget() {
		cache.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					cache.clear();
				}
			});
		}
	}

	List<CategoryView> all(boolean enabledOnly) {
		return jdbc.sql(SELECT + (enabledOnly ? " where enabled" : "")
				+ " order by coalesce(parent_code, code), parent_code nulls first, sort, code")
			.query(CategoryRepository::map).list();
	}

	boolean update(CategoryView c) {
		forget();
		return jdbc.sql("""
				update cases.category set name = :name, description = :description, handling_level = :level,
				       department_code = :dept, urgency = :urgency, time_limit_value = :value, time_limit_unit = :unit,
				       response_limit_minutes = :response, enabled = :enabled, version = version + 1, updated_at = now()
				 where code = :code and version = :version
				""").param("name", c.name()).param("description", c.description()).param("level", c.handlingLevel())
			.param("dept", c.departmentCode()).param("urgency", c.urgency()).param("value", c.timeLimitValue())
			.param("unit", c.timeLimitUnit()).param("response", c.responseLimitMinutes()).param("enabled", c.enabled())
			.param("code", c.code()).param("version", c.version()).update() == 1;
	}

	void insert(CategoryView c) {
		forget();
		jdbc.sql("""
				insert into cases.category (code, parent_code, kind, name, description, handling_level, department_code,
				       urgency, time_limit_value, time_limit_unit, response_limit_minutes, enabled, sort)
				values (:code, :parent, :kind, :name, :description, :level, :dept, :urgency, :value, :unit, :response,
				       :enabled, 50)
				""").param("code", c.code()).param("parent", c.parentCode()).param("kind", c.kind())
			.param("name", c.name()).param("description", c.description()).param("level", c.handlingLevel())
			.param("dept", c.departmentCode()).param("urgency", c.urgency()).param("value", c.timeLimitValue())
			.param("unit", c.timeLimitUnit()).param("response", c.responseLimitMinutes()).param("enabled", c.enabled())
			.update();
	}

	static CategoryView map(ResultSet rs, int n) throws SQLException {
		return new CategoryView(rs.getString("code"), rs.getString("parent_code"), rs.getString("kind"),
				rs.getString("name"), rs.getString("description"), rs.getString("handling_level"),
				rs.getString("department_code"), rs.getString("urgency"), rs.getInt("time_limit_value"),
				rs.getString("time_limit_unit"), rs.getInt("response_limit_minutes"), rs.getString("attributes"),
				rs.getBoolean("enabled"), rs.getInt("version"));
	}

}
