package org.gongzhi.area.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.NewArea;
import org.gongzhi.area.StaffDuty;
import org.gongzhi.area.StaffMember;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AreaRepository {

	private static final String COLUMNS = "code, parent_code, level, name, sort, grid_type";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	AreaRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	Optional<AreaView> find(String code) {
		return jdbc.sql("select " + COLUMNS + " from area.area where code = :c").param("c", code).query(this::map)
			.optional();
	}

	List<AreaView> children(String code) {
		return jdbc.sql("select " + COLUMNS + " from area.area where parent_code = :c order by sort, code")
			.param("c", code).query(this::map).list();
	}

	List<AreaView> roots() {
		return jdbc.sql("select " + COLUMNS + " from area.area where parent_code is null order by sort, code")
			.query(this::map).list();
	}

	List<AreaView> findAll(Collection<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from area.area where code in (:c)").param("c", codes).query(this::map)
			.list();
	}

	/** Areas of the given levels under (and including) the prefix, parents before children. */
	List<AreaView> subtree(String prefix, Collection<AreaLevel> levels) {
		return jdbc.sql("select " + COLUMNS + """
				 from area.area where starts_with(code, :p) and level in (:levels) order by length(code), sort, code
				""").param("p", prefix == null ? "" : prefix).param("levels", levels.stream().map(Enum::name).toList())
			.query(this::map).list();
	}

	List<AreaView> search(String prefix, String q, int limit) {
		String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		String like = "%" + escaped + "%";
		return jdbc.sql("select " + COLUMNS + """
				 from area.area
				 where starts_with(code, :p) and (name ilike :q or code like :codePrefix)
				 order by length(code), sort, code limit :limit
				""").param("p", prefix == null ? "" : prefix).param("q", like).param("codePrefix", escaped + "%")
			.param("limit", limit).query(this::map).list();
	}

	long count(String prefix, AreaLevel level) {
		return jdbc.sql("select count(*) from area.area where starts_with(code, :p) and level = :l")
			.param("p", prefix == null ? "" : prefix).param("l", level.name()).query(Long.class).single();
	}

	void insert(NewArea a) {
		jdbc.sql("""
				insert into area.area (code, parent_code, level, name, sort, grid_type)
				values (:code, :parent, :level, :name, :sort, :type)
				""").param("code", a.code()).param("parent", a.parentCode()).param("level", a.level().name())
			.param("name", a.name()).param("sort", a.sort()).param("type", a.gridType()).update();
	}

	void insertAll(List<NewArea> list) {
		template.batchUpdate("""
				insert into area.area (code, parent_code, level, name, sort, grid_type, lng, lat)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""", list, 1000, (ps, a) -> {
			ps.setString(1, a.code());
			ps.setString(2, a.parentCode());
			ps.setString(3, a.level().name());
			ps.setString(4, a.name());
			ps.setInt(5, a.sort());
			ps.setString(6, a.gridType());
			ps.setObject(7, a.lng());
			ps.setObject(8, a.lat());
		});
	}

	void updateGrid(String code, String name, String gridType) {
		jdbc.sql("update area.area set name = :n, grid_type = :t, updated_at = now() where code = :c")
			.param("n", name).param("t", gridType).param("c", code).update();
	}

	record StoredBoundary(String code, String geojson) {
	}

	void saveBoundary(String code, String geojson, double minLng, double minLat, double maxLng, double maxLat) {
		jdbc.sql("""
				insert into area.boundary (code, geojson, min_lng, min_lat, max_lng, max_lat)
				values (:c, :g, :x1, :y1, :x2, :y2)
				on conflict (code) do update set geojson = excluded.geojson, min_lng = excluded.min_lng,
				   min_lat = excluded.min_lat, max_lng = excluded.max_lng, max_lat = excluded.max_lat, updated_at = now()
				""").param("c", code).param("g", geojson).param("x1", minLng).param("y1", minLat).param("x2", maxLng)
			.param("y2", maxLat).update();
	}

	Optional<String> boundary(String code) {
		return jdbc.sql("select geojson from area.boundary where code = :c").param("c", code).query(String.class)
			.optional();
	}

	/** Grid boundaries under the prefix. */
	List<StoredBoundary> gridBoundaries(String prefix) {
		return jdbc.sql("""
				select b.code, b.geojson from area.boundary b join area.area a on a.code = b.code
				 where a.level = 'GRID' and starts_with(b.code, :p) order by b.code
				""").param("p", prefix == null ? "" : prefix)
			.query((rs, n) -> new StoredBoundary(rs.getString(1), rs.getString(2))).list();
	}

	/** Grid boundaries whose bounding box meets the given one (neighbours for overlap checks). */
	List<StoredBoundary> gridBoundariesNear(double minLng, double minLat, double maxLng, double maxLat) {
		return jdbc.sql("""
				select b.code, b.geojson from area.boundary b join area.area a on a.code = b.code
				 where a.level = 'GRID' and b.max_lng >= :x1 and b.min_lng <= :x2 and b.max_lat >= :y1 and b.min_lat <= :y2
				""").param("x1", minLng).param("y1", minLat).param("x2", maxLng).param("y2", maxLat)
			.query((rs, n) -> new StoredBoundary(rs.getString(1), rs.getString(2))).list();
	}

	/** Every grid with its polygon and the names the locator answers with. */
	List<IndexedGrid> indexedGrids() {
		return jdbc.sql("""
				select g.code, g.name, c.code, c.name, s.code, b.geojson
				  from area.area g
				  join area.boundary b on b.code = g.code
				  join area.area c on c.code = g.parent_code
				  left join area.area s on s.code = c.parent_code
				 where g.level = 'GRID'
				""").query((rs, n) -> new IndexedGrid(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	record IndexedGrid(String code, String name, String communityCode, String communityName, String streetCode,
			String geojson) {
	}

	long gridIndexVersion() {
		return jdbc.sql("select version from area.grid_index_version where id = 1").query(Long.class).single();
	}

	long bumpGridIndexVersion() {
		long v = jdbc.sql("update area.grid_index_version set version = version + 1 where id = 1 returning version")
			.query(Long.class).single();
		jdbc.sql("select pg_notify('" + GridLocator.CHANNEL + "', :v)").param("v", Long.toString(v))
			.query((rs, n) -> 1).list();
		return v;
	}

	List<StaffMember> staff(String areaCode) {
		return jdbc.sql("""
				select id, area_code, duty, user_id, person_name, phone_masked from area.staff_assignment
				 where area_code = :c order by duty, person_name
				""").param("c", areaCode).query(this::mapStaff).list();
	}

	List<StaffMember> staffUnder(String prefix, Collection<StaffDuty> duties) {
		return jdbc.sql("""
				select id, area_code, duty, user_id, person_name, phone_masked from area.staff_assignment
				 where starts_with(area_code, :p) and duty in (:d) order by area_code, duty, person_name
				""").param("p", prefix == null ? "" : prefix).param("d", duties.stream().map(Enum::name).toList())
			.query(this::mapStaff).list();
	}

	List<StaffMember> staffOfUser(long userId) {
		return jdbc.sql("""
				select id, area_code, duty, user_id, person_name, phone_masked from area.staff_assignment
				 where user_id = :u order by area_code
				""").param("u", userId).query(this::mapStaff).list();
	}

	Optional<StaffMember> staffById(long id) {
		return jdbc.sql("""
				select id, area_code, duty, user_id, person_name, phone_masked from area.staff_assignment where id = :id
				""").param("id", id).query(this::mapStaff).optional();
	}

	boolean assignmentExists(String areaCode, StaffDuty duty, Long userId) {
		return userId != null && jdbc.sql("""
				select exists (select 1 from area.staff_assignment where area_code = :c and duty = :d and user_id = :u)
				""").param("c", areaCode).param("d", duty.name()).param("u", userId).query(Boolean.class).single();
	}

	long assign(String areaCode, StaffDuty duty, Long userId, String name, String phone, String by) {
		return jdbc.sql("""
				insert into area.staff_assignment (area_code, duty, user_id, person_name, phone_masked, assigned_by)
				values (:c, :d, :u, :n, :p, :by) returning id
				""").param("c", areaCode).param("d", duty.name()).param("u", userId).param("n", name)
			.param("p", phone).param("by", by).query(Long.class).single();
	}

	void unassign(long id) {
		jdbc.sql("delete from area.staff_assignment where id = :id").param("id", id).update();
	}

	private AreaView map(ResultSet rs, int n) throws SQLException {
		return new AreaView(rs.getString("code"), rs.getString("parent_code"), AreaLevel.valueOf(rs.getString("level")),
				rs.getString("name"), rs.getInt("sort"), rs.getString("grid_type"));
	}

	private StaffMember mapStaff(ResultSet rs, int n) throws SQLException {
		long userId = rs.getLong("user_id");
		return new StaffMember(rs.getLong("id"), rs.getString("area_code"), StaffDuty.valueOf(rs.getString("duty")),
				rs.wasNull() ? null : userId, rs.getString("person_name"), rs.getString("phone_masked"));
	}

}
