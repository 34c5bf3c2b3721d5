package org.gongzhi.people.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.people.ResidentQuery;
import org.gongzhi.people.ResidentState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The resident search as SQL: one box (name and given-name prefixes, pinyin initials and full pinyin prefixes, blind
 * indexes of whole numbers and of their last four digits, address prefixes), the list filters and the data scope,
 * each an indexed condition, counted and paged.
 */
@Repository
class ResidentFinder {

	private final JdbcClient jdbc;

	private final PeopleCrypto crypto;

	private final AddressBook addresses;

	ResidentFinder(JdbcClient jdbc, PeopleCrypto crypto, AddressBook addresses) {
		this.jdbc = jdbc;
		this.crypto = crypto;
		this.addresses = addresses;
	}

	/**
	 * The conditions of a search as two branches that never overlap: residents living in the scope, and residents
	 * registered in it while living elsewhere (人户分离). Each branch keeps to one index in the list order.
	 */
	record Where(String living, String registered, Map<String, Object> params, boolean byName, boolean empty) {
	}

	/**
	 * Builds the conditions.
	 * @param scopePrefix the caller's area prefix, empty for everything
	 */
	Where where(ResidentQuery q, String scopePrefix) {
		String prefix = scopePrefix;
		boolean empty = false;
		if (digits(q.communityCode())) {
			if (q.communityCode().startsWith(prefix)) {
				prefix = q.communityCode();
			}
			else if (!prefix.startsWith(q.communityCode())) {
				empty = true;
			}
		}
		StringBuilder sql = new StringBuilder(" and r.state = :state");
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("state", (q.state() == null ? ResidentState.LIVING : q.state()).name());
		p.put("scope", SearchTerms.startsWith(prefix));
		if (digits(q.gridCode())) {
			sql.append(" and r.living_room_code like :grid");
			p.put("grid", SearchTerms.startsWith(q.gridCode()));
		}
		if (q.status() != null) {
			sql.append(" and r.registration_status = :status");
			p.put("status", q.status().name());
		}
		if (q.groupCode() != null && !q.groupCode().isBlank()) {
			sql.append(" and exists (select 1 from people.group_member m where m.resident_id = r.id "
					+ "and m.group_code = :group)");
			p.put("group", q.groupCode().strip());
		}
		if (q.separated() != null) {
			sql.append(" and r.separated = :separated");
			p.put("separated", q.separated());
		}
		SearchTerms terms = SearchTerms.of(q.q());
		boolean byName = false;
		if (terms != null) {
			switch (terms.kind()) {
				case TAIL -> {
					sql.append(" and (r.phone_tail = :phoneTail or r.id_tail = :idTail)");
					p.put("phoneTail", crypto.tail(ResidentRecord.PHONE_DOMAIN, terms.value()));
					p.put("idTail", crypto.tail(ResidentRecord.ID_DOMAIN, terms.value()));
				}
				case PHONE -> {
					sql.append(" and r.phone_index = :phone");
					p.put("phone", crypto.index(ResidentRecord.PHONE_DOMAIN, terms.value()));
				}
				case ID -> {
					sql.append(" and r.id_index = :idIndex");
					p.put("idIndex", crypto.index(ResidentRecord.ID_DOMAIN, terms.value()));
				}
				case PINYIN -> {
					sql.append(" and (r.name_initials like :pinyin or r.name_pinyin like :pinyin)");
					p.put("pinyin", SearchTerms.startsWith(terms.value()));
					byName = true;
				}
				case TEXT -> {
					List<String> prefixes = addresses.searchPrefixes(terms.value());
					StringBuilder any = new StringBuilder(" and (r.name like :name or r.name_rest like :name");
					p.put("name", SearchTerms.startsWith(terms.value().replaceAll("\\s+", "")));
					for (int i = 0; i < prefixes.size() && i < 20; i++) {
						any.append(" or r.living_room_code like :address").append(i);
						p.put("address" + i, SearchTerms.startsWith(prefixes.get(i)));
					}
					sql.append(any).append(')');
					byName = prefixes.isEmpty();
				}
			}
		}
		String living = " where r.living_room_code like :scope" + sql;
		String registered = " where r.registered_area_code like :scope and (r.living_room_code is null "
				+ "or r.living_room_code not like :scope)" + sql;
		return new Where(living, registered, p, byName, empty);
	}

	long count(Where where) {
		if (where.empty()) {
			return 0;
		}
		customPlans();
		return jdbc.sql("select (select count(*) from people.resident r" + where.living()
				+ ") + (select count(*) from people.resident r" + where.registered() + ")").params(where.params())
			.query(Long.class).single();
	}

	List<ResidentRecord> page(Where where, int offset, int limit) {
		if (where.empty()) {
			return List.of();
		}
		customPlans();
		String order = where.byName() ? " order by name_pinyin, id" : " order by living_room_code, id";
		String cols = ResidentStore.COLUMNS + ", last_visit_at, version";
		Map<String, Object> p = new LinkedHashMap<>(where.params());
		p.put("limit", limit);
		p.put("offset", offset);
		p.put("window", offset + limit);
		return jdbc.sql("select " + cols + " from ((select " + prefixed() + ", r.last_visit_at, r.version "
				+ "from people.resident r" + where.living() + order.replace("by ", "by r.").replace(", id", ", r.id")
				+ " limit :window) union all (select " + prefixed() + ", r.last_visit_at, r.version "
				+ "from people.resident r" + where.registered() + order.replace("by ", "by r.").replace(", id", ", r.id")
				+ " limit :window)) x" + order + " limit :limit offset :offset").params(p)
			.query(ResidentStore::record).list();
	}

	/**
	 * LIKE prefixes bound as parameters use an index only in a plan made for the actual value; the driver's generic
	 * plans after five executions would scan instead.
	 */
	private void customPlans() {
		jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		jdbc.sql("set local jit = off").update();
	}

	private static String prefixed() {
		List<String> cols = new ArrayList<>();
		for (String c : ResidentStore.COLUMNS.split(",")) {
			cols.add("r." + c.strip());
		}
		return String.join(", ", cols);
	}

	private static boolean digits(String code) {
		return code != null && code.matches("\\d{6,24}");
	}

}
