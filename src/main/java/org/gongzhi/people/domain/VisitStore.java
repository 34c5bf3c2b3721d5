package org.gongzhi.people.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.people.VisitKind;
import org.gongzhi.people.VisitPhoto;
import org.gongzhi.people.VisitView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes visits (走访).
 */
@Repository
class VisitStore {

	static final String COLUMNS = "v.id, v.resident_id, r.name, v.room_code, v.address, v.kind, v.visited_at, "
			+ "v.visitor_user_id, v.visitor_name, v.findings, v.follow_up, v.photo is not null";

	private final JdbcClient jdbc;

	VisitStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Long residentId, String roomCode, String address, VisitKind kind, java.time.Instant at,
			long visitorUserId, String visitorName, String findings, String followUp, byte[] photo, String photoType) {
		return jdbc.sql("""
				insert into people.visit (resident_id, room_code, address, kind, visited_at, visitor_user_id,
				  visitor_name, findings, follow_up, photo, photo_type)
				values (:r, :room, :address, :kind, :at, :u, :uname, :findings, :follow, :photo, :ptype)
				returning id""")
			.param("r", residentId).param("room", roomCode).param("address", address).param("kind", kind.name())
			.param("at", Timestamp.from(at)).param("u", visitorUserId).param("uname", visitorName)
			.param("findings", findings).param("follow", followUp).param("photo", photo).param("ptype", photoType)
			.query(Long.class).single();
	}

	Optional<VisitView> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from people.visit v left join people.resident r on r.id = v.resident_id "
				+ "where v.id = :id").param("id", id).query(VisitStore::view).optional();
	}

	List<VisitView> ofResident(long residentId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from people.visit v left join people.resident r on r.id = v.resident_id "
				+ "where v.resident_id = :r order by v.visited_at desc, v.id desc limit :limit")
			.param("r", residentId).param("limit", limit).query(VisitStore::view).list();
	}

	long countIn(String prefix) {
		return jdbc.sql("select count(*) from people.visit v where v.room_code like :p")
			.param("p", SearchTerms.startsWith(prefix)).query(Long.class).single();
	}

	List<VisitView> recentIn(String prefix, int offset, int limit) {
		return jdbc.sql("select " + COLUMNS + " from people.visit v left join people.resident r on r.id = v.resident_id "
				+ "where v.room_code like :p order by v.visited_at desc, v.id desc limit :limit offset :offset")
			.params(Map.of("p", SearchTerms.startsWith(prefix), "limit", limit, "offset", offset))
			.query(VisitStore::view).list();
	}

	Optional<VisitPhoto> photo(long id) {
		return jdbc.sql("select photo_type, photo from people.visit where id = :id and photo is not null")
			.param("id", id).query((rs, n) -> new VisitPhoto(rs.getString(1), rs.getBytes(2))).optional();
	}

	static VisitView view(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong(1);
		return new VisitView(id, (Long) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getString(5),
				VisitKind.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(), rs.getLong(8), rs.getString(9),
				rs.getString(10), rs.getString(11), rs.getBoolean(12) ? "/api/v1/visits/" + id + "/photo" : null);
	}

}
