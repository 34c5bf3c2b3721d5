package org.gongzhi.cases.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.gongzhi.cases.CategoryView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CategoryRepository {

	private static final String SELECT = """
			select code, parent_code, kind, name, description, handling_level, department_code, urgency,
			       time_limit_value, time_limit_unit, response_limit_minutes, attributes, enabled, version
			  from cases.category
			""";

	private final JdbcClient jdbc;

	CategoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CategoryView> find(String code) {
		return jdbc.sql(SELECT + " where code = :c").param("c", code).query(CategoryRepository::map).optional();
	}

	List<CategoryView> all(boolean enabledOnly) {
		return jdbc.sql(SELECT + (enabledOnly ? " where enabled" : "")
				+ " order by coalesce(parent_code, code), parent_code nulls first, sort, code")
			.query(CategoryRepository::map).list();
	}

	boolean update(CategoryView c) {
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
