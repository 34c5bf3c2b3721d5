package org.gongzhi.people.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.people.ResidentQuery;
import org.gongzhi.people.ResidentSort;
import org.gongzhi.people.ResidentState;
import org.gongzhi.shared.PageResult;
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

	/** Counts stop here: a total of 100,001 means more than 100,000. */
	static final int COUNT_CAP = (int) PageResult.COUNT_LIMIT + 1;

	/**
	 * The conditions of a search: the filters every row must pass, and the arms of the search term (one index each,
	 * never overlapping). Each arm runs in two branches that never overlap either: residents living in the scope, and
	 * residents registered in it while living elsewhere (人户分离).
	 */
	record Where(String filters, List<String> arms, Map<String, Object> params, Order order, boolean empty) {

		/** The non-overlapping subqueries: every arm in both branches. */
		List<String> parts() {
			List<String> parts = new ArrayList<>();
			for (String branch : List.of(" where r.living_room_code like :scope",
					" where r.registered_area_code like :scope and (r.living_room_code is null "
							+ "or r.living_room_code not like :scope)")) {
				for (int i = 0; i < arms.size(); i++) {
					StringBuilder sql = new StringBuilder(branch).append(filters);
					if (!arms.get(i).isEmpty()) {
						sql.append(" and ").append(arms.get(i));
					}
					for (int j = 0; j < i; j++) {
						sql.append(" and not coalesce(").append(arms.get(j)).append(", false)");
					}
					parts.add(sql.toString());
				}
			}
			return parts;
		}

	}

	/**
	 * The order of a page: the column, an expression of it that no index serves (so that a part is sorted from the
	 * index of its own arm instead of walking the order's index, which for a narrow arm means scanning all of it in the
	 * hope of early matches), whether the parts without a search term may walk the order's index, and the direction.
	 *
	 * @param walkAllBranches whether the registered branch of a list may walk the order's index as well as the
	 * living branch (the address order may not: its index is the living index itself)
	 */
	record Order(String column, String opaque, boolean walkLists, boolean walkAllBranches, boolean descending) {

		static final Order ADDRESS = new Order("living_room_code", "(r.living_room_code || '')", true, false, false);

		static final Order NAME = new Order("name_pinyin", "(r.name_pinyin || '')", false, false, false);

		static Order of(ResidentSort sort, boolean descending, boolean nameSearch) {
			if (sort == null) {
				return nameSearch ? NAME : ADDRESS;
			}
			return switch (sort) {
				case COMMUNITY -> new Order("living_room_code", ADDRESS.opaque(), true, false, descending);
				case NAME -> new Order("name_pinyin", NAME.opaque(), true, true, descending);
				// Age ascending is the youngest first: the latest birth date first.
				case AGE -> new Order("birth_date", "(r.birth_date + 0)", true, true, !descending);
				case UPDATED -> new Order("updated_at", "(r.updated_at + interval '0 second')", true, true, descending);
			};
		}

		String direction() {
			return descending ? " desc" : "";
		}

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
			sql.append(" and r.id in (select m.resident_id from people.group_member m where m.group_code = :group)");
			p.put("group", q.groupCode().strip());
		}
		if (q.separated() != null) {
			sql.append(q.separated() ? " and r.separated" : " and not r.separated");
		}
		SearchTerms terms = SearchTerms.of(q.q());
		List<String> arms = new ArrayList<>();
		boolean nameSearch = false;
		if (terms == null) {
			arms.add("");
		}
		else {
			switch (terms.kind()) {
				case TAIL -> {
					arms.add("r.phone_tail = :phoneTail");
					arms.add("r.id_tail = :idTail");
					p.put("phoneTail", crypto.tail(ResidentRecord.PHONE_DOMAIN, terms.value()));
					p.put("idTail", crypto.tail(ResidentRecord.ID_DOMAIN, terms.value()));
				}
				case PHONE -> {
					arms.add("r.phone_index = :phone");
					p.put("phone", crypto.index(ResidentRecord.PHONE_DOMAIN, terms.value()));
				}
				case ID -> {
					arms.add("r.id_index = :idIndex");
					p.put("idIndex", crypto.index(ResidentRecord.ID_DOMAIN, terms.value()));
				}
				case PINYIN -> {
					arms.add("r.name_initials like :pinyin");
					arms.add("r.name_pinyin like :pinyin");
					p.put("pinyin", SearchTerms.startsWith(terms.value()));
					nameSearch = true;
				}
				case TEXT -> {
					String text = terms.value().replaceAll("\\s+", "");
					List<String> prefixes = addresses.searchPrefixes(terms.value());
					for (int i = 0; i < prefixes.size() && i < 20; i++) {
						arms.add("r.living_room_code like :address" + i);
						p.put("address" + i, SearchTerms.startsWith(prefixes.get(i)));
					}
					arms.add("r.name like :name");
					if (text.codePointCount(0, text.length()) > 1) {
						arms.add("r.name_rest like :name");
					}
					p.put("name", SearchTerms.startsWith(text));
					nameSearch = prefixes.isEmpty();
				}
			}
		}
		return new Where(sql.toString(), arms, p, Order.of(q.sort(), q.descending(), nameSearch), empty);
	}

	/** How many residents match, exact up to {@link #COUNT_CAP}. */
	long count(Where where) {
		if (where.empty()) {
			return 0;
		}
		customPlans();
		String union = String.join(" union all ", where.parts().stream()
			.map(part -> "(select 1 from people.resident r" + part + ")").toList());
		Map<String, Object> p = new LinkedHashMap<>(where.params());
		p.put("cap", COUNT_CAP);
		return jdbc.sql("select count(*) from (select 1 from (" + union + ") u limit :cap) c").params(p)
			.query(Long.class).single();
	}

	/** One page in list order: the ids from the indexes alone, then those rows. */
	List<ResidentRecord> page(Where where, int offset, int limit) {
		if (where.empty()) {
			return List.of();
		}
		customPlans();
		// Only a list (no search term) walks the index of its order, and for the address order only its living branch.
		// A search, and the registered branch of an address list (whose rows lie anywhere in that order), are sorted
		// from the matching arm's own index: walking the order's index would make the planner scan all of it in the
		// hope of early matches. Address searches of the living branch walk the living index, which is their own.
		Order order = where.order();
		List<String> parts = where.parts();
		int arms = where.arms().size();
		List<String> selects = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			String arm = where.arms().get(i % arms);
			boolean living = i < arms;
			boolean walk = order.walkLists() && (arm.isEmpty() ? living || order.walkAllBranches()
					: living && order.column().equals("living_room_code") && arm.startsWith("r.living_room_code"));
			String key = walk ? "r." + order.column() : order.opaque();
			selects.add("(select r.id, r." + order.column() + " as k from people.resident r" + parts.get(i)
					+ " order by " + key + order.direction() + ", r.id" + order.direction() + " limit :window)");
		}
		String union = String.join(" union all ", selects);
		Map<String, Object> p = new LinkedHashMap<>(where.params());
		p.put("limit", limit);
		p.put("offset", offset);
		p.put("window", offset + limit);
		List<Long> ids = jdbc.sql("select id from (" + union + ") u order by k" + order.direction() + ", id"
				+ order.direction() + " limit :limit offset :offset")
			.params(p).query(Long.class).list();
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, ResidentRecord> byId = new java.util.HashMap<>();
		jdbc.sql("select " + ResidentStore.COLUMNS + ", last_visit_at, version from people.resident where id = any(:ids)")
			.param("ids", ids.toArray(Long[]::new)).query(ResidentStore::record).list().forEach(r -> byId.put(r.id, r));
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	/**
	 * LIKE prefixes bound as parameters use an index only in a plan made for the actual value; the driver's generic
	 * plans after five executions would scan instead. Every arm has its covering index, so a table scan (or a bitmap
	 * scan, which reads the table too) is never the better plan, though the planner picks one for a wide scope.
	 */
	private void customPlans() {
		jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		jdbc.sql("set local jit = off").update();
		jdbc.sql("set local enable_seqscan = off").update();
		jdbc.sql("set local enable_bitmapscan = off").update();
	}

	private static boolean digits(String code) {
		return code != null && code.matches("\\d{6,24}");
	}

}
