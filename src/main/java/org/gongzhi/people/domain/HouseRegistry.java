package org.gongzhi.people.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.people.HouseCmd;
import org.gongzhi.people.HouseQuery;
import org.gongzhi.people.HouseUse;
import org.gongzhi.people.HouseView;
import org.gongzhi.people.HouseholdRelation;
import org.gongzhi.people.Houses;
import org.gongzhi.people.Occupant;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Masking;
import org.gongzhi.shared.PageResult;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Houses (实有房屋) behind {@link Houses}: their use, owner and occupants, within the caller's scope.
 */
@Service
public class HouseRegistry implements Houses {

	private static final String COLUMNS = "h.room_code, h.address, h.community_code, h.grid_code, h.use, h.owner_name, "
			+ "h.owner_phone_masked, h.area_sqm, h.note, h.updated_at, (select count(*) from people.resident r "
			+ "where r.living_room_code = h.room_code and r.state = 'LIVING') as occupants";

	private final JdbcClient jdbc;

	private final PeopleAccess access;

	private final AddressBook addresses;

	private final PeopleCrypto crypto;

	private final AuditLog audit;

	private final NamedParameterJdbcTemplate batched;

	HouseRegistry(JdbcClient jdbc, NamedParameterJdbcTemplate batched, PeopleAccess access, AddressBook addresses,
			PeopleCrypto crypto, AuditLog audit) {
		this.batched = batched;
		this.jdbc = jdbc;
		this.access = access;
		this.addresses = addresses;
		this.crypto = crypto;
		this.audit = audit;
	}

	@Override
	@Transactional(readOnly = true)
	public PageResult<HouseView> search(GongzhiUser me, HouseQuery query) {
		access.requireRead(me);
		int size = query.size() < 1 ? 20 : Math.min(query.size(), 200);
		int page = Math.max(0, query.page());
		String prefix = PeopleAccess.prefix(me);
		if (prefix == null) {
			return new PageResult<>(List.of(), page, size, 0);
		}
		StringBuilder where = new StringBuilder(" where h.room_code like :scope");
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("scope", SearchTerms.startsWith(prefix));
		if (query.areaCode() != null && query.areaCode().matches("\\d{6,24}")) {
			where.append(" and h.room_code like :area");
			p.put("area", SearchTerms.startsWith(query.areaCode()));
		}
		if (query.use() != null) {
			where.append(" and h.use = :use");
			p.put("use", query.use().name());
		}
		if (query.q() != null && !query.q().isBlank()) {
			where.append(" and (h.owner_name like :q or h.address like :contains)");
			p.put("q", SearchTerms.startsWith(query.q().strip()));
			p.put("contains", "%" + SearchTerms.startsWith(query.q().strip()));
		}
		long total = jdbc.sql("select count(*) from people.house h" + where).params(p).query(Long.class).single();
		Map<String, Object> pp = new LinkedHashMap<>(p);
		pp.put("limit", size);
		pp.put("offset", page * size);
		List<HouseView> items = jdbc.sql("select " + COLUMNS + " from people.house h" + where
				+ " order by h.room_code limit :limit offset :offset").params(pp).query(HouseRegistry::view).list();
		return new PageResult<>(items, page, size, total);
	}

	@Override
	@Transactional(readOnly = true)
	public HouseView house(GongzhiUser me, String roomCode) {
		access.requireRead(me);
		if (!PeopleAccess.covers(me, roomCode)) {
			throw DomainException.notFound("people.house.notFound");
		}
		HouseView h = jdbc.sql("select " + COLUMNS + " from people.house h where h.room_code = :r").param("r", roomCode)
			.query(HouseRegistry::view).optional()
			.orElseThrow(() -> DomainException.notFound("people.house.notFound"));
		List<Occupant> occupants = jdbc.sql("""
				select id, name, relation, moved_in_on, phone_masked from people.resident
				where living_room_code = :r and state = 'LIVING' order by (relation = 'HEAD') desc, birth_date, id""")
			.param("r", roomCode)
			.query((rs, n) -> {
				HouseholdRelation relation = rs.getString(3) == null ? null : HouseholdRelation.valueOf(rs.getString(3));
				boolean tenant = relation == HouseholdRelation.TENANT || h.use() == HouseUse.RENTED;
				return new Occupant(rs.getLong(1), rs.getString(2), relation, tenant,
						rs.getObject(4, java.time.LocalDate.class), rs.getString(5));
			})
			.list();
		return new HouseView(h.roomCode(), h.address(), h.communityCode(), h.gridCode(), h.use(), h.ownerName(),
				h.ownerPhoneMasked(), h.areaSqm(), h.note(), occupants.size(), occupants, h.updatedAt());
	}

	@Override
	@Transactional
	public HouseView save(GongzhiUser me, HouseCmd cmd) {
		access.requireEdit(me);
		AddressBook.Place place = addresses.room(cmd.roomCode().strip())
			.orElseThrow(() -> DomainException.invalid("roomCode", "people.room.unknown"));
		if (!PeopleAccess.covers(me, place.roomCode())) {
			throw DomainException.invalid("roomCode", "people.room.outOfScope");
		}
		upsert(place, cmd, me.getUsername());
		audit.record("house.save", "house", place.roomCode(), cmd.use().name());
		return house(me, place.roomCode());
	}

	/** Saves houses without a caller (bulk set-up). */
	@Transactional
	public void saveAll(List<HouseCmd> houses) {
		List<MapSqlParameterSource> batch = new java.util.ArrayList<>();
		for (HouseCmd cmd : houses) {
			AddressBook.Place place = addresses.room(cmd.roomCode())
				.orElseThrow(() -> new IllegalArgumentException("unknown room " + cmd.roomCode()));
			batch.add(params(place, cmd, "system"));
			if (batch.size() == BATCH) {
				batched.batchUpdate(UPSERT, batch.toArray(MapSqlParameterSource[]::new));
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			batched.batchUpdate(UPSERT, batch.toArray(MapSqlParameterSource[]::new));
		}
		audit.record("house.saveAll", "house", null, "houses=" + houses.size());
	}

	private static final int BATCH = 1000;

	private static final String UPSERT = """
			insert into people.house (room_code, community_code, grid_code, address, use, owner_name,
			  owner_phone_cipher, owner_phone_masked, area_sqm, note, updated_by)
			values (:room, :community, :grid, :address, :use, :owner, :cipher, :masked, :area, :note, :by)
			on conflict (room_code) do update set use = excluded.use, owner_name = excluded.owner_name,
			  owner_phone_cipher = excluded.owner_phone_cipher, owner_phone_masked = excluded.owner_phone_masked,
			  area_sqm = excluded.area_sqm, note = excluded.note, address = excluded.address,
			  updated_by = excluded.updated_by, updated_at = now()""";

	private void upsert(AddressBook.Place place, HouseCmd cmd, String by) {
		batched.update(UPSERT, params(place, cmd, by));
	}

	private MapSqlParameterSource params(AddressBook.Place place, HouseCmd cmd, String by) {
		String phone = ResidentRules.blankToNull(cmd.ownerPhone());
		return new MapSqlParameterSource().addValue("room", place.roomCode())
			.addValue("community", place.communityCode()).addValue("grid", place.gridCode())
			.addValue("address", place.address()).addValue("use", cmd.use().name())
			.addValue("owner", ResidentRules.blankToNull(cmd.ownerName())).addValue("cipher", crypto.encrypt(phone))
			.addValue("masked", Masking.phone(phone)).addValue("area", cmd.areaSqm())
			.addValue("note", ResidentRules.blankToNull(cmd.note())).addValue("by", by);
	}

	private static HouseView view(ResultSet rs, int n) throws SQLException {
		return new HouseView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				HouseUse.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), (Double) rs.getObject(8),
				rs.getString(9), rs.getInt(11), List.of(), rs.getTimestamp(10).toInstant());
	}

}
