package org.gongzhi.people.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.gongzhi.people.AddressChange;
import org.gongzhi.people.Gender;
import org.gongzhi.people.GroupKind;
import org.gongzhi.people.HouseholdRelation;
import org.gongzhi.people.IdType;
import org.gongzhi.people.RegistrationStatus;
import org.gongzhi.people.ResidentState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes residents, their group memberships, households and address history.
 */
@Repository
class ResidentStore {

	static final String COLUMNS = "id, name, name_rest, name_pinyin, name_initials, gender, ethnicity, birth_date, "
			+ "id_type, id_cipher, id_masked, id_index, id_tail, phone_cipher, phone_masked, phone_index, phone_tail, "
			+ "registration_status, registered_address, registered_area_code, registered_community_code, "
			+ "living_room_code, living_address, living_community_code, living_grid_code, separated, household_id, "
			+ "relation, tags, note, state, moved_in_on, created_by";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	ResidentStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** A group membership row with its group's definition. */
	record Membership(long residentId, String code, String name, GroupKind kind, Integer cadenceDays, LocalDate since) {
	}

	long[] nextIds(String sequence, int n) {
		if (n == 0) {
			return new long[0];
		}
		return jdbc.sql("select nextval('" + sequence + "') from generate_series(1, :n)").param("n", n)
			.query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
	}

	void insert(ResidentRecord r) {
		r.id = nextIds("people.resident_id_seq", 1)[0];
		CopyRows rows = residentCopy();
		addRow(rows, r);
		rows.finish();
	}

	CopyRows residentCopy() {
		return new CopyRows(dataSource, "people.resident", COLUMNS);
	}

	static void addRow(CopyRows rows, ResidentRecord r) {
		rows.add(r.id, r.name, r.nameRest, r.namePinyin, r.nameInitials, r.gender, r.ethnicity, r.birthDate, r.idType,
				r.idCipher, r.idMasked, r.idIndex, r.idTail, r.phoneCipher, r.phoneMasked, r.phoneIndex, r.phoneTail,
				r.registrationStatus, r.registeredAddress, r.registeredAreaCode, r.registeredCommunityCode,
				r.livingRoomCode, r.livingAddress, r.livingCommunityCode, r.livingGridCode, r.separated, r.householdId,
				r.relation, r.tags, r.note, r.state, r.movedInOn, r.createdBy);
	}

	Optional<ResidentRecord> find(long id) {
		return jdbc.sql("select " + COLUMNS + ", last_visit_at, version from people.resident where id = :id")
			.param("id", id).query(ResidentStore::record).optional();
	}

	List<ResidentRecord> findAll(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + ", last_visit_at, version from people.resident where id = any(:ids)")
			.param("ids", ids.toArray(Long[]::new)).query(ResidentStore::record).list();
	}

	/** Saves every column of a resident; false when the version was stale. */
	boolean update(ResidentRecord r, int expectedVersion) {
		int n = jdbc.sql("""
				update people.resident set name = :name, name_rest = :nameRest, name_pinyin = :pinyin,
				  name_initials = :initials, gender = :gender, ethnicity = :ethnicity, birth_date = :birth,
				  id_type = :idType, id_cipher = :idCipher, id_masked = :idMasked, id_index = :idIndex, id_tail = :idTail,
				  phone_cipher = :phoneCipher, phone_masked = :phoneMasked, phone_index = :phoneIndex,
				  phone_tail = :phoneTail, registration_status = :status, registered_address = :regAddress,
				  registered_area_code = :regArea, registered_community_code = :regCommunity,
				  living_room_code = :livingRoom, living_address = :livingAddress,
				  living_community_code = :livingCommunity, living_grid_code = :livingGrid, separated = :separated,
				  household_id = :household, relation = :relation, tags = :tags, note = :note, state = :state,
				  moved_in_on = :movedIn, updated_at = now(), version = version + 1
				where id = :id and version = :version""")
			.param("name", r.name).param("nameRest", r.nameRest).param("pinyin", r.namePinyin)
			.param("initials", r.nameInitials).param("gender", r.gender.name()).param("ethnicity", r.ethnicity)
			.param("birth", r.birthDate).param("idType", r.idType.name()).param("idCipher", r.idCipher)
			.param("idMasked", r.idMasked).param("idIndex", r.idIndex).param("idTail", r.idTail)
			.param("phoneCipher", r.phoneCipher).param("phoneMasked", r.phoneMasked)
			.param("phoneIndex", r.phoneIndex).param("phoneTail", r.phoneTail)
			.param("status", r.registrationStatus.name()).param("regAddress", r.registeredAddress)
			.param("regArea", r.registeredAreaCode).param("regCommunity", r.registeredCommunityCode)
			.param("livingRoom", r.livingRoomCode).param("livingAddress", r.livingAddress)
			.param("livingCommunity", r.livingCommunityCode).param("livingGrid", r.livingGridCode)
			.param("separated", r.separated).param("household", r.householdId)
			.param("relation", r.relation == null ? null : r.relation.name())
			.param("tags", r.tags.toArray(String[]::new)).param("note", r.note).param("state", r.state.name())
			.param("movedIn", r.movedInOn).param("id", r.id).param("version", expectedVersion).update();
		return n == 1;
	}

	/** The residents holding these ID blind indexes, by the index in hex. */
	Map<String, ResidentRecord> byIdIndex(List<byte[]> indexes) {
		Map<String, ResidentRecord> found = new HashMap<>();
		HexFormat hex = HexFormat.of();
		for (int from = 0; from < indexes.size(); from += 5000) {
			String[] chunk = indexes.subList(from, Math.min(indexes.size(), from + 5000)).stream()
				.map(hex::formatHex).toArray(String[]::new);
			jdbc.sql("select " + COLUMNS + ", last_visit_at, version from people.resident "
					+ "where id_index = any(select decode(x, 'hex') from unnest(cast(:keys as text[])) x)")
				.param("keys", chunk).query(ResidentStore::record).list()
				.forEach(r -> found.put(hex.formatHex(r.idIndex), r));
		}
		return found;
	}

	Optional<Long> idByIdIndex(byte[] index) {
		return jdbc.sql("select id from people.resident where id_index = :i").param("i", index).query(Long.class)
			.optional();
	}

	// group memberships

	List<Membership> memberships(List<Long> residentIds) {
		if (residentIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select m.resident_id, g.code, g.name, g.kind, g.visit_cadence_days, m.since
				from people.group_member m join people.person_group g on g.code = m.group_code
				where m.resident_id = any(:ids) order by g.sort, g.code""")
			.param("ids", residentIds.toArray(Long[]::new))
			.query((rs, n) -> new Membership(rs.getLong(1), rs.getString(2), rs.getString(3),
					GroupKind.valueOf(rs.getString(4)), (Integer) rs.getObject(5), rs.getObject(6, LocalDate.class)))
			.list();
	}

	CopyRows memberCopy() {
		return new CopyRows(dataSource, "people.group_member", "resident_id, group_code, since");
	}

	void join(long residentId, String groupCode, LocalDate since) {
		jdbc.sql("insert into people.group_member (resident_id, group_code, since) values (:r, :g, :s) "
				+ "on conflict do nothing").param("r", residentId).param("g", groupCode).param("s", since).update();
	}

	void leave(long residentId, String groupCode) {
		jdbc.sql("delete from people.group_member where resident_id = :r and group_code = :g").param("r", residentId)
			.param("g", groupCode).update();
	}

	// households

	/** The oldest household at each of these rooms. */
	Map<String, long[]> householdsAt(List<String> roomCodes) {
		Map<String, long[]> found = new HashMap<>();
		for (int from = 0; from < roomCodes.size(); from += 5000) {
			List<String> chunk = roomCodes.subList(from, Math.min(roomCodes.size(), from + 5000));
			jdbc.sql("select distinct on (room_code) room_code, id, coalesce(head_resident_id, 0) "
					+ "from people.household where room_code = any(:rooms) order by room_code, id")
				.param("rooms", chunk.toArray(String[]::new))
				.query((rs, n) -> found.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) })).list();
		}
		return found;
	}

	long createHousehold(String roomCode, String communityCode) {
		return jdbc.sql("insert into people.household (room_code, community_code) values (:r, :c) returning id")
			.param("r", roomCode).param("c", communityCode).query(Long.class).single();
	}

	CopyRows householdCopy() {
		return new CopyRows(dataSource, "people.household", "id, room_code, community_code, head_resident_id");
	}

	void setHead(long householdId, Long residentId) {
		jdbc.sql("update people.household set head_resident_id = :r where id = :h").param("r", residentId)
			.param("h", householdId).update();
	}

	void clearHeadIf(long householdId, long residentId) {
		jdbc.sql("update people.household set head_resident_id = null where id = :h and head_resident_id = :r")
			.param("h", householdId).param("r", residentId).update();
	}

	Optional<HouseholdRow> household(long id) {
		return jdbc.sql("select id, room_code, community_code, head_resident_id from people.household where id = :id")
			.param("id", id).query((rs, n) -> new HouseholdRow(rs.getLong(1), rs.getString(2), rs.getString(3),
					(Long) rs.getObject(4)))
			.optional();
	}

	List<HouseholdRow> householdsIn(String roomCode) {
		return jdbc.sql("select id, room_code, community_code, head_resident_id from people.household "
				+ "where room_code = :r order by id").param("r", roomCode)
			.query((rs, n) -> new HouseholdRow(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4)))
			.list();
	}

	/** A household row. */
	record HouseholdRow(long id, String roomCode, String communityCode, Long headResidentId) {
	}

	List<ResidentRecord> members(long householdId) {
		return jdbc.sql("select " + COLUMNS + ", last_visit_at, version from people.resident "
				+ "where household_id = :h and state = 'LIVING' order by (relation = 'HEAD') desc, birth_date, id")
			.param("h", householdId).query(ResidentStore::record).list();
	}

	// address history

	CopyRows historyCopy() {
		return new CopyRows(dataSource, "people.address_history",
				"resident_id, kind, room_code, address, community_code, from_date, note, recorded_by");
	}

	void openHistory(long residentId, AddressChange.Kind kind, String roomCode, String address, String communityCode,
			LocalDate from, String note, String by) {
		jdbc.sql("""
				insert into people.address_history (resident_id, kind, room_code, address, community_code, from_date,
				  note, recorded_by) values (:r, :k, :room, :address, :community, :from, :note, :by)""")
			.param("r", residentId).param("k", kind.name()).param("room", roomCode).param("address", address)
			.param("community", communityCode).param("from", from).param("note", note).param("by", by).update();
	}

	void closeHistory(long residentId, AddressChange.Kind kind, LocalDate to) {
		jdbc.sql("update people.address_history set to_date = greatest(from_date, :to) "
				+ "where resident_id = :r and kind = :k and to_date is null")
			.param("r", residentId).param("k", kind.name()).param("to", to).update();
	}

	List<AddressChange> history(long residentId) {
		return jdbc.sql("""
				select kind, room_code, address, community_code, from_date, to_date, note, recorded_by
				from people.address_history where resident_id = :r order by from_date desc, id desc""")
			.param("r", residentId)
			.query((rs, n) -> new AddressChange(AddressChange.Kind.valueOf(rs.getString(1)), rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
					rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8)))
			.list();
	}

	void visited(long residentId, Instant at) {
		jdbc.sql("update people.resident set last_visit_at = greatest(coalesce(last_visit_at, :at), :at) where id = :r")
			.param("r", residentId).param("at", Timestamp.from(at)).update();
	}

	static ResidentRecord record(ResultSet rs, int n) throws SQLException {
		ResidentRecord r = new ResidentRecord();
		r.id = rs.getLong("id");
		r.name = rs.getString("name");
		r.nameRest = rs.getString("name_rest");
		r.namePinyin = rs.getString("name_pinyin");
		r.nameInitials = rs.getString("name_initials");
		r.gender = Gender.valueOf(rs.getString("gender"));
		r.ethnicity = rs.getString("ethnicity");
		r.birthDate = rs.getObject("birth_date", LocalDate.class);
		r.idType = IdType.valueOf(rs.getString("id_type"));
		r.idCipher = rs.getBytes("id_cipher");
		r.idMasked = rs.getString("id_masked");
		r.idIndex = rs.getBytes("id_index");
		r.idTail = rs.getLong("id_tail");
		r.phoneCipher = rs.getBytes("phone_cipher");
		r.phoneMasked = rs.getString("phone_masked");
		r.phoneIndex = rs.getBytes("phone_index");
		r.phoneTail = (Long) rs.getObject("phone_tail");
		r.registrationStatus = RegistrationStatus.valueOf(rs.getString("registration_status"));
		r.registeredAddress = rs.getString("registered_address");
		r.registeredAreaCode = rs.getString("registered_area_code");
		r.registeredCommunityCode = rs.getString("registered_community_code");
		r.livingRoomCode = rs.getString("living_room_code");
		r.livingAddress = rs.getString("living_address");
		r.livingCommunityCode = rs.getString("living_community_code");
		r.livingGridCode = rs.getString("living_grid_code");
		r.separated = rs.getBoolean("separated");
		r.householdId = (Long) rs.getObject("household_id");
		String relation = rs.getString("relation");
		r.relation = relation == null ? null : HouseholdRelation.valueOf(relation);
		r.tags = tags(rs.getArray("tags"));
		r.note = rs.getString("note");
		r.state = ResidentState.valueOf(rs.getString("state"));
		r.movedInOn = rs.getObject("moved_in_on", LocalDate.class);
		r.createdBy = rs.getString("created_by");
		Timestamp visit = rs.getTimestamp("last_visit_at");
		r.lastVisitAt = visit == null ? null : visit.toInstant();
		r.version = rs.getInt("version");
		return r;
	}

	static List<String> tags(Array array) throws SQLException {
		if (array == null) {
			return new ArrayList<>();
		}
		Object[] values = (Object[]) array.getArray();
		List<String> list = new ArrayList<>(values.length);
		for (Object v : values) {
			list.add((String) v);
		}
		return list;
	}

	/** Kept for ordering maps of ids in the order a query answered them. */
	static <V> Map<Long, V> ordered() {
		return new LinkedHashMap<>();
	}

}
