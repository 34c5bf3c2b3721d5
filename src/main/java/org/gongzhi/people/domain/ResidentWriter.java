package org.gongzhi.people.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.people.AddressChange;
import org.gongzhi.people.HouseUse;
import org.gongzhi.people.HouseholdRelation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes new residents in bulk inside the caller's transaction: households per living room (joining the room's
 * existing household), the residents, their first address history entries, group memberships and a house record for
 * every room that has none. One resident or 100,000 take the same path.
 */
@Component
class ResidentWriter {

	private final ResidentStore store;

	private final JdbcClient jdbc;

	ResidentWriter(ResidentStore store, JdbcClient jdbc) {
		this.store = store;
		this.jdbc = jdbc;
	}

	/** A checked resident waiting to be written, with the groups they join. */
	record Pending(ResidentRecord record, List<String> groupCodes) {
	}

	/** Reports how many rows are written so far. */
	interface Progress {

		void written(int rows);

		Progress NONE = rows -> {
		};

	}

	/** Inserts the residents; answers their new ids in order. */
	long[] insertAll(List<Pending> pending, String by, LocalDate today, Progress progress) {
		int n = pending.size();
		long[] ids = store.nextIds("people.resident_id_seq", n);
		Map<String, List<Pending>> byRoom = new LinkedHashMap<>();
		for (int i = 0; i < n; i++) {
			ResidentRecord r = pending.get(i).record();
			r.id = ids[i];
			r.createdBy = by;
			if (r.livingRoomCode != null && r.state == org.gongzhi.people.ResidentState.LIVING) {
				byRoom.computeIfAbsent(r.livingRoomCode, k -> new ArrayList<>()).add(pending.get(i));
			}
		}
		Map<String, long[]> existing = store.householdsAt(new ArrayList<>(byRoom.keySet()));
		List<String> newRooms = byRoom.keySet().stream().filter(room -> !existing.containsKey(room)).toList();
		long[] householdIds = store.nextIds("people.household_id_seq", newRooms.size());
		CopyRows households = store.householdCopy();
		Map<Long, Long> headsOfExisting = new HashMap<>();
		int h = 0;
		for (Map.Entry<String, List<Pending>> e : byRoom.entrySet()) {
			long[] found = existing.get(e.getKey());
			long household = found != null ? found[0] : householdIds[h++];
			Long head = found != null && found[1] != 0 ? Long.valueOf(found[1]) : null;
			for (Pending p : e.getValue()) {
				ResidentRecord r = p.record();
				r.householdId = household;
				if (r.relation == HouseholdRelation.HEAD && head == null) {
					head = r.id;
				}
				else if (r.relation == HouseholdRelation.HEAD) {
					r.relation = HouseholdRelation.OTHER;
				}
			}
			if (head == null && found == null) {
				ResidentRecord first = e.getValue().get(0).record();
				if (first.relation == null) {
					first.relation = HouseholdRelation.HEAD;
					head = first.id;
				}
			}
			for (Pending p : e.getValue()) {
				if (p.record().relation == null) {
					p.record().relation = HouseholdRelation.OTHER;
				}
			}
			if (found == null) {
				ResidentRecord first = e.getValue().get(0).record();
				households.add(household, e.getKey(), first.livingCommunityCode, head);
			}
			else if (found[1] == 0 && head != null) {
				headsOfExisting.put(household, head);
			}
		}
		households.finish();
		CopyRows residents = store.residentCopy();
		for (int i = 0; i < n; i++) {
			ResidentStore.addRow(residents, pending.get(i).record());
			if ((i + 1) % 5000 == 0) {
				progress.written(i + 1);
			}
		}
		residents.finish();
		headsOfExisting.forEach(store::setHead);
		CopyRows history = store.historyCopy();
		CopyRows members = store.memberCopy();
		for (Pending p : pending) {
			ResidentRecord r = p.record();
			LocalDate from = r.movedInOn != null ? r.movedInOn : today;
			if (r.livingRoomCode != null) {
				history.add(r.id, AddressChange.Kind.LIVING, r.livingRoomCode, r.livingAddress, r.livingCommunityCode,
						from, null, by);
			}
			if (r.registeredAreaCode != null || r.registeredAddress != null) {
				history.add(r.id, AddressChange.Kind.REGISTERED, r.registeredAreaCode, r.registeredAddress,
						r.registeredCommunityCode, from, null, by);
			}
			for (String g : p.groupCodes()) {
				// a care group's visit clock runs from when the person came to live here: nobody has visited them yet
				members.add(r.id, g, from);
			}
		}
		history.finish();
		members.finish();
		ensureHouses(byRoom, by);
		progress.written(n);
		return ids;
	}

	/** A house record for a room one resident moved into, unless it has one. */
	void ensureHouse(AddressBook.Place place, boolean tenant, String by) {
		jdbc.sql("""
				insert into people.house (room_code, community_code, grid_code, address, use, updated_by)
				values (:room, :community, :grid, :address, :use, :by) on conflict (room_code) do update set use = excluded.use, updated_at = now() where people.house.use = 'VACANT'""")
			.param("room", place.roomCode()).param("community", place.communityCode()).param("grid", place.gridCode())
			.param("address", place.address())
			.param("use", (tenant ? HouseUse.RENTED : HouseUse.OWNER_OCCUPIED).name()).param("by", by).update();
	}

	/**
	 * A house record for every room residents now live in that has none (出租 when a tenant lives there); a house
	 * recorded as vacant (空置) is lived in now and takes the same use.
	 */
	private void ensureHouses(Map<String, List<Pending>> byRoom, String by) {
		if (byRoom.isEmpty()) {
			return;
		}
		List<String> rooms = new ArrayList<>();
		List<String> communities = new ArrayList<>();
		List<String> grids = new ArrayList<>();
		List<String> addresses = new ArrayList<>();
		List<String> uses = new ArrayList<>();
		byRoom.forEach((room, list) -> {
			ResidentRecord first = list.get(0).record();
			rooms.add(room);
			communities.add(first.livingCommunityCode);
			grids.add(first.livingGridCode);
			addresses.add(first.livingAddress);
			boolean tenant = list.stream().anyMatch(p -> p.record().relation == HouseholdRelation.TENANT);
			uses.add((tenant ? HouseUse.RENTED : HouseUse.OWNER_OCCUPIED).name());
		});
		for (int from = 0; from < rooms.size(); from += 10_000) {
			int to = Math.min(rooms.size(), from + 10_000);
			jdbc.sql("""
					insert into people.house (room_code, community_code, grid_code, address, use, updated_by)
					select * , cast(:by as varchar) from unnest(cast(:rooms as text[]), cast(:communities as text[]),
					  cast(:grids as text[]), cast(:addresses as text[]), cast(:uses as text[]))
					on conflict (room_code) do update set use = excluded.use, updated_at = now() where people.house.use = 'VACANT'""")
				.param("rooms", rooms.subList(from, to).toArray(String[]::new))
				.param("communities", communities.subList(from, to).toArray(String[]::new))
				.param("grids", grids.subList(from, to).toArray(String[]::new))
				.param("addresses", addresses.subList(from, to).toArray(String[]::new))
				.param("uses", uses.subList(from, to).toArray(String[]::new)).param("by", by).update();
		}
	}

}
