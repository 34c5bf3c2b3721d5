package org.gongzhi.people.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.people.UnitCmd;
import org.gongzhi.people.UnitKind;
import org.gongzhi.people.UnitQuery;
import org.gongzhi.people.UnitView;
import org.gongzhi.people.Units;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Masking;
import org.gongzhi.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Units (实有单位) behind {@link Units}: organisations and businesses on a grid, building or room, with their
 * contact (phone encrypted and masked), within the caller's scope.
 */
@Service
public class UnitRegistry implements Units {

	private static final String COLUMNS = "id, name, kind, credit_code, area_code, address, community_code, grid_code, "
			+ "contact_name, contact_phone_masked, employees, note, updated_at, version";

	private final JdbcClient jdbc;

	private final PeopleAccess access;

	private final AddressBook addresses;

	private final PeopleCrypto crypto;

	private final AuditLog audit;

	UnitRegistry(JdbcClient jdbc, PeopleAccess access, AddressBook addresses, PeopleCrypto crypto, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.addresses = addresses;
		this.crypto = crypto;
		this.audit = audit;
	}

	@Override
	@Transactional(readOnly = true)
	public PageResult<UnitView> search(GongzhiUser me, UnitQuery query) {
		access.requireRead(me);
		int size = query.size() < 1 ? 20 : Math.min(query.size(), 200);
		int page = Math.max(0, query.page());
		String prefix = PeopleAccess.prefix(me);
		if (prefix == null) {
			return new PageResult<>(List.of(), page, size, 0);
		}
		StringBuilder where = new StringBuilder(" where area_code like :scope");
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("scope", SearchTerms.startsWith(prefix));
		if (query.areaCode() != null && query.areaCode().matches("\\d{6,24}")) {
			where.append(" and area_code like :area");
			p.put("area", SearchTerms.startsWith(query.areaCode()));
		}
		if (query.kind() != null) {
			where.append(" and kind = :kind");
			p.put("kind", query.kind().name());
		}
		if (query.q() != null && !query.q().isBlank()) {
			where.append(" and (name like :contains or credit_code = :exact or contact_name like :q)");
			p.put("q", SearchTerms.startsWith(query.q().strip()));
			p.put("contains", "%" + SearchTerms.startsWith(query.q().strip()));
			p.put("exact", query.q().strip().toUpperCase(java.util.Locale.ROOT));
		}
		long total = jdbc.sql("select count(*) from people.unit" + where).params(p).query(Long.class).single();
		Map<String, Object> pp = new LinkedHashMap<>(p);
		pp.put("limit", size);
		pp.put("offset", page * size);
		List<UnitView> items = jdbc.sql("select " + COLUMNS + " from people.unit" + where
				+ " order by area_code, id limit :limit offset :offset").params(pp).query(this::view).list();
		return new PageResult<>(items, page, size, total);
	}

	@Override
	@Transactional(readOnly = true)
	public UnitView unit(GongzhiUser me, long unitId) {
		access.requireRead(me);
		return find(unitId).filter(u -> PeopleAccess.covers(me, u.areaCode()))
			.orElseThrow(() -> DomainException.notFound("people.unit.notFound"));
	}

	@Override
	@Transactional
	public UnitView create(GongzhiUser me, UnitCmd cmd) {
		access.requireEdit(me);
		AddressBook.Place place = place(cmd);
		if (!PeopleAccess.covers(me, place.roomCode())) {
			throw DomainException.invalid("areaCode", "people.room.outOfScope");
		}
		long id = insert(cmd, place);
		audit.record("unit.create", "unit", String.valueOf(id), cmd.name());
		return unit(me, id);
	}

	/** Creates units without a caller (bulk set-up). */
	@Transactional
	public void createAll(List<UnitCmd> units) {
		for (UnitCmd cmd : units) {
			insert(cmd, place(cmd));
		}
		audit.record("unit.createAll", "unit", null, "units=" + units.size());
	}

	@Override
	@Transactional
	public UnitView update(GongzhiUser me, long unitId, UnitCmd cmd, int version) {
		access.requireEdit(me);
		unit(me, unitId);
		AddressBook.Place place = place(cmd);
		if (!PeopleAccess.covers(me, place.roomCode())) {
			throw DomainException.invalid("areaCode", "people.room.outOfScope");
		}
		String phone = ResidentRules.blankToNull(cmd.contactPhone());
		int n = jdbc.sql("""
				update people.unit set name = :name, kind = :kind, credit_code = :credit, area_code = :area,
				  address = :address, community_code = :community, grid_code = :grid, contact_name = :contact,
				  contact_phone_cipher = :cipher, contact_phone_masked = :masked, employees = :employees, note = :note,
				  updated_at = now(), version = version + 1
				where id = :id and version = :version""")
			.params(params(cmd, place, phone)).param("id", unitId).param("version", version).update();
		if (n != 1) {
			throw DomainException.conflict("people.stale");
		}
		audit.record("unit.update", "unit", String.valueOf(unitId), cmd.name());
		return unit(me, unitId);
	}

	private long insert(UnitCmd cmd, AddressBook.Place place) {
		String phone = ResidentRules.blankToNull(cmd.contactPhone());
		return jdbc.sql("""
				insert into people.unit (name, kind, credit_code, area_code, address, community_code, grid_code,
				  contact_name, contact_phone_cipher, contact_phone_masked, employees, note)
				values (:name, :kind, :credit, :area, :address, :community, :grid, :contact, :cipher, :masked,
				  :employees, :note) returning id""")
			.params(params(cmd, place, phone)).query(Long.class).single();
	}

	private Map<String, Object> params(UnitCmd cmd, AddressBook.Place place, String phone) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("name", cmd.name().strip());
		p.put("kind", cmd.kind().name());
		p.put("credit", ResidentRules.blankToNull(cmd.creditCode()));
		p.put("area", place.roomCode());
		p.put("address", cmd.address() != null && !cmd.address().isBlank() ? cmd.address().strip() : place.address());
		p.put("community", place.communityCode());
		p.put("grid", place.gridCode());
		p.put("contact", ResidentRules.blankToNull(cmd.contactName()));
		p.put("cipher", crypto.encrypt(phone));
		p.put("masked", Masking.phone(phone));
		p.put("employees", cmd.employees());
		p.put("note", ResidentRules.blankToNull(cmd.note()));
		return p;
	}

	private AddressBook.Place place(UnitCmd cmd) {
		return addresses.area(cmd.areaCode().strip())
			.orElseThrow(() -> DomainException.invalid("areaCode", "people.unit.area.unknown"));
	}

	private java.util.Optional<UnitView> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from people.unit where id = :id").param("id", id).query(this::view)
			.optional();
	}

	private UnitView view(ResultSet rs, int n) throws SQLException {
		String grid = rs.getString(8);
		return new UnitView(rs.getLong(1), rs.getString(2), UnitKind.valueOf(rs.getString(3)), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), grid, addresses.name(grid), rs.getString(9),
				rs.getString(10), (Integer) rs.getObject(11), rs.getString(12), rs.getTimestamp(13).toInstant(),
				rs.getInt(14));
	}

}
