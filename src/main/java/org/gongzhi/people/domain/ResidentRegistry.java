package org.gongzhi.people.domain;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongzhi.cases.CaseApi;
import org.gongzhi.cases.CaseView;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.people.AddressChange;
import org.gongzhi.people.GroupKind;
import org.gongzhi.people.GroupMembership;
import org.gongzhi.people.GroupTag;
import org.gongzhi.people.HouseholdMember;
import org.gongzhi.people.HouseholdRelation;
import org.gongzhi.people.HouseholdView;
import org.gongzhi.people.MoveCmd;
import org.gongzhi.people.PersonGroupView;
import org.gongzhi.people.ResidentCard;
import org.gongzhi.people.ReportedCase;
import org.gongzhi.people.ResidentCmd;
import org.gongzhi.people.ResidentMoved;
import org.gongzhi.people.ResidentQuery;
import org.gongzhi.people.ResidentState;
import org.gongzhi.people.ResidentSummary;
import org.gongzhi.people.Residents;
import org.gongzhi.people.RevealedNumbers;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident registry behind {@link Residents}: scoped search, the person card, registering, changing and moving
 * residents with their history, households, revealing numbers and the export, each audit-logged where it reads
 * restricted data or changes anything.
 */
@Service
public class ResidentRegistry implements Residents {

	static final int EXPORT_MAX = 100_000;

	/** How many reported cases the person card lists before its more link. */
	static final int CARD_CASES = 5;

	private final CaseApi cases;

	private final ResidentStore store;

	private final ResidentFinder finder;

	private final ResidentWriter writer;

	private final VisitStore visits;

	private final GroupStore groups;

	private final PeopleAccess access;

	private final AddressBook addresses;

	private final PeopleCrypto crypto;

	private final AuditLog audit;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final ResidentExcel excel;

	ResidentRegistry(ResidentStore store, ResidentFinder finder, ResidentWriter writer, VisitStore visits,
			GroupStore groups, PeopleAccess access, AddressBook addresses, PeopleCrypto crypto, AuditLog audit,
			MessageSource messages, ApplicationEventPublisher events, ResidentExcel excel, CaseApi cases) {
		this.store = store;
		this.finder = finder;
		this.writer = writer;
		this.visits = visits;
		this.groups = groups;
		this.access = access;
		this.addresses = addresses;
		this.crypto = crypto;
		this.audit = audit;
		this.messages = messages;
		this.events = events;
		this.excel = excel;
		this.cases = cases;
	}

	// search

	@Override
	@Transactional
	public PageResult<ResidentSummary> search(GongzhiUser me, ResidentQuery query) {
		access.requireRead(me);
		int size = query.size() < 1 ? 20 : Math.min(query.size(), 200);
		int page = Math.max(0, query.page());
		String prefix = PeopleAccess.prefix(me);
		if (prefix == null) {
			return new PageResult<>(List.of(), page, size, 0);
		}
		PeopleAccess.Grants grants = access.grants(me);
		checkGroupFilter(query.groupCode(), grants);
		ResidentFinder.Where where = finder.where(query, prefix);
		long total = finder.count(where);
		List<ResidentRecord> rows = total == 0 ? List.of() : finder.page(where, page * size, size);
		List<ResidentSummary> items = summaries(rows, grants);
		auditKeyGroupsShown(items, "resident.keyGroup.list");
		return new PageResult<>(items, page, size, total);
	}

	private void checkGroupFilter(String groupCode, PeopleAccess.Grants grants) {
		if (groupCode == null || groupCode.isBlank()) {
			return;
		}
		PersonGroupView g = groups.find(groupCode.strip()).orElse(null);
		if (g != null && g.kind() == GroupKind.KEY && !grants.keyGroup(g.code())) {
			throw DomainException.forbidden("people.group.keyForbidden");
		}
	}

	private void auditKeyGroupsShown(List<ResidentSummary> items, String action) {
		List<String> shown = items.stream()
			.filter(s -> s.groups().stream().anyMatch(g -> g.kind() == GroupKind.KEY))
			.map(s -> String.valueOf(s.id())).toList();
		if (!shown.isEmpty()) {
			audit.record(action, "resident", shown.get(0), "residents=" + String.join(",", shown));
		}
	}

	List<ResidentSummary> summaries(List<ResidentRecord> rows, PeopleAccess.Grants grants) {
		Map<Long, List<GroupTag>> tags = new HashMap<>();
		for (ResidentStore.Membership m : store.memberships(rows.stream().map(r -> r.id).toList())) {
			if (m.kind() == GroupKind.CARE || grants.keyGroup(m.code())) {
				tags.computeIfAbsent(m.residentId(), k -> new ArrayList<>()).add(new GroupTag(m.code(), m.name(),
						m.kind()));
			}
		}
		return rows.stream().map(r -> summary(r, tags.getOrDefault(r.id, List.of()))).toList();
	}

	ResidentSummary summary(ResidentRecord r, List<GroupTag> tags) {
		return new ResidentSummary(r.id, r.name, r.gender, r.birthDate, age(r.birthDate), r.ethnicity, r.idType,
				r.idMasked, r.phoneMasked, r.registrationStatus, r.state, r.livingRoomCode, r.livingAddress,
				r.livingCommunityCode, addresses.name(r.livingCommunityCode), r.livingGridCode,
				addresses.name(r.livingGridCode), r.registeredCommunityCode, r.registeredAddress, r.separated,
				r.householdId, r.relation, List.copyOf(tags), List.copyOf(r.tags));
	}

	static Integer age(LocalDate birthDate) {
		return birthDate == null ? null : Period.between(birthDate, PeopleAccess.today()).getYears();
	}

	// card

	@Override
	@Transactional
	public ResidentCard card(GongzhiUser me, long residentId) {
		access.requireRead(me);
		ResidentRecord r = visible(me, residentId);
		PeopleAccess.Grants grants = access.grants(me);
		List<ResidentStore.Membership> memberships = store.memberships(List.of(r.id));
		List<GroupTag> tags = new ArrayList<>();
		List<GroupMembership> groupViews = new ArrayList<>();
		LocalDate today = PeopleAccess.today();
		LocalDate lastVisit = r.lastVisitAt == null ? null : r.lastVisitAt.atZone(PeopleAccess.ZONE).toLocalDate();
		boolean keyMember = false;
		for (ResidentStore.Membership m : memberships) {
			keyMember |= m.kind() == GroupKind.KEY;
			if (m.kind() == GroupKind.KEY && !grants.keyGroup(m.code())) {
				continue;
			}
			tags.add(new GroupTag(m.code(), m.name(), m.kind()));
			LocalDate due = null;
			if (m.cadenceDays() != null) {
				LocalDate base = lastVisit != null && lastVisit.isAfter(m.since()) ? lastVisit : m.since();
				due = base.plusDays(m.cadenceDays());
			}
			groupViews.add(new GroupMembership(m.code(), m.name(), m.kind(), m.since(), m.cadenceDays(), lastVisit, due,
					due != null && due.isBefore(today)));
		}
		if (keyMember) {
			audit.record("resident.keyGroup.view", "resident", String.valueOf(r.id),
					grants.keyGroups().isEmpty() ? "card without key group grant" : "card");
		}
		HouseholdView household = r.householdId == null ? null : householdView(store.household(r.householdId)
			.orElse(null));
		PageResult<ReportedCase> reported = reported(me, r.id, 0, CARD_CASES);
		return new ResidentCard(summary(r, tags), r.note, r.movedInOn, household, store.history(r.id),
				visits.ofResident(r.id, 50), groupViews, reported.items(), reported.total(), grants.reveal(),
				access.edits(me), r.version);
	}

	@Override
	@Transactional(readOnly = true)
	public PageResult<ReportedCase> reportedCases(GongzhiUser me, long residentId, int page, int size) {
		access.requireRead(me);
		ResidentRecord r = visible(me, residentId);
		return reported(me, r.id, Math.max(0, page), size < 1 ? 20 : Math.min(size, 100));
	}

	private PageResult<ReportedCase> reported(GongzhiUser me, long residentId, int page, int size) {
		PageResult<CaseView> found = cases.reportedBy(me, residentId, page, size);
		return new PageResult<>(found.items().stream()
			.map(c -> new ReportedCase(c.caseNo(), c.categoryName(), c.status(), c.receivedAt(), c.closedAt(),
					"/cases/" + c.caseNo()))
			.toList(), found.page(), found.size(), found.total());
	}

	private ResidentRecord visible(GongzhiUser me, long residentId) {
		return store.find(residentId).filter(r -> sees(me, r))
			.orElseThrow(() -> DomainException.notFound("people.resident.notFound"));
	}

	static boolean sees(GongzhiUser me, ResidentRecord r) {
		return PeopleAccess.covers(me, r.livingRoomCode) || PeopleAccess.covers(me, r.registeredAreaCode);
	}

	// households

	@Override
	@Transactional(readOnly = true)
	public HouseholdView household(GongzhiUser me, long householdId) {
		access.requireRead(me);
		ResidentStore.HouseholdRow row = store.household(householdId)
			.filter(h -> PeopleAccess.covers(me, h.roomCode())
					|| store.members(h.id()).stream().anyMatch(r -> sees(me, r)))
			.orElseThrow(() -> DomainException.notFound("people.household.notFound"));
		return householdView(row);
	}

	@Override
	@Transactional(readOnly = true)
	public List<HouseholdView> householdsAt(GongzhiUser me, String roomCode) {
		access.requireRead(me);
		if (!PeopleAccess.covers(me, roomCode)) {
			throw DomainException.notFound("people.room.notFound");
		}
		return store.householdsIn(roomCode).stream().map(this::householdView).toList();
	}

	private HouseholdView householdView(ResidentStore.HouseholdRow h) {
		if (h == null) {
			return null;
		}
		List<ResidentRecord> members = store.members(h.id());
		String head = members.stream().filter(m -> h.headResidentId() != null && m.id == h.headResidentId())
			.map(m -> m.name).findFirst().orElse(null);
		String address = members.stream().map(m -> m.livingAddress).filter(a -> a != null).findFirst()
			.orElseGet(() -> addresses.room(h.roomCode()).map(AddressBook.Place::address).orElse(h.roomCode()));
		return new HouseholdView(h.id(), h.roomCode(), address, h.communityCode(),
				h.roomCode().length() >= 15 ? h.roomCode().substring(0, 15) : null, h.headResidentId(), head,
				members.stream().map(m -> new HouseholdMember(m.id, m.name, m.gender, age(m.birthDate), m.relation,
						m.idMasked, m.phoneMasked, m.state)).toList());
	}

	// changes

	@Override
	@Transactional
	public long create(GongzhiUser me, ResidentCmd cmd) {
		access.requireEdit(me);
		ResidentRules.Draft d = draft(cmd);
		ResidentRecord r = new ResidentRecord();
		List<ResidentRules.Problem> problems = ResidentRules.check(d, context(me), r, crypto);
		if (problems.isEmpty() && store.idByIdIndex(r.idIndex).isPresent()) {
			problems = List.of(new ResidentRules.Problem(ResidentRules.ID_NUMBER, "people.idNumber.registered"));
		}
		if (!problems.isEmpty()) {
			throw invalid(problems);
		}
		long id = writer.insertAll(List.of(new ResidentWriter.Pending(r, d.groupCodes)), me.getUsername(),
				PeopleAccess.today(), ResidentWriter.Progress.NONE)[0];
		audit.record("resident.create", "resident", String.valueOf(id), r.name + " " + r.livingAddress);
		return id;
	}

	@Override
	@Transactional
	public void update(GongzhiUser me, long residentId, ResidentCmd cmd, int version) {
		access.requireEdit(me);
		ResidentRecord r = visible(me, residentId);
		if (r.version != version) {
			throw DomainException.conflict("people.stale");
		}
		ResidentRules.Draft d = draft(cmd);
		if (d.idNumber == null || d.idNumber.isBlank()) {
			d.idNumber = crypto.decrypt(r.idCipher);
		}
		if (d.phone == null || d.phone.isBlank()) {
			d.phone = crypto.decrypt(r.phoneCipher);
		}
		if (d.livingRoomCode == null || d.livingRoomCode.isBlank()) {
			d.livingRoomCode = r.livingRoomCode;
		}
		PeopleAccess.Grants grants = access.grants(me);
		List<ResidentStore.Membership> before = store.memberships(List.of(r.id));
		ResidentRecord changed = new ResidentRecord();
		List<ResidentRules.Problem> problems = new ArrayList<>(ResidentRules.check(d, context(me), changed, crypto));
		if (problems.isEmpty() && !Arrays.equals(changed.idIndex, r.idIndex)
				&& store.idByIdIndex(changed.idIndex).filter(other -> other != r.id).isPresent()) {
			problems.add(new ResidentRules.Problem(ResidentRules.ID_NUMBER, "people.idNumber.registered"));
		}
		if (!problems.isEmpty()) {
			throw invalid(problems);
		}
		String oldLiving = r.livingRoomCode;
		String oldRegistered = r.registeredAreaCode;
		String oldRegisteredAddress = r.registeredAddress;
		copyChanges(changed, r, cmd.movedInOn());
		boolean moved = r.state == ResidentState.LIVING && changed.livingRoomCode != null
				&& !changed.livingRoomCode.equals(oldLiving);
		if (moved) {
			relocate(r, changed.livingRoomCode, PeopleAccess.today(), null, me.getUsername());
		}
		if (!java.util.Objects.equals(oldRegistered, r.registeredAreaCode)
				|| !java.util.Objects.equals(oldRegisteredAddress, r.registeredAddress)) {
			store.closeHistory(r.id, AddressChange.Kind.REGISTERED, PeopleAccess.today());
			store.openHistory(r.id, AddressChange.Kind.REGISTERED, r.registeredAreaCode, r.registeredAddress,
					r.registeredCommunityCode, PeopleAccess.today(), null, me.getUsername());
		}
		r.markSeparation();
		if (!store.update(r, version)) {
			throw DomainException.conflict("people.stale");
		}
		Set<String> wanted = new java.util.LinkedHashSet<>(d.groupCodes);
		for (ResidentStore.Membership m : before) {
			boolean hidden = m.kind() == GroupKind.KEY && !grants.keyGroup(m.code());
			if (!hidden && !wanted.contains(m.code())) {
				store.leave(r.id, m.code());
				audit.record("resident.group.leave", "resident", String.valueOf(r.id), m.code());
			}
			wanted.remove(m.code());
		}
		for (String code : wanted) {
			store.join(r.id, code, PeopleAccess.today());
			audit.record("resident.group.join", "resident", String.valueOf(r.id), code);
		}
		audit.record("resident.update", "resident", String.valueOf(r.id), r.name);
		if (moved) {
			events.publishEvent(new ResidentMoved(r.id, AddressChange.Kind.LIVING, oldLiving, r.livingRoomCode,
					PeopleAccess.today()));
		}
	}

	private static void copyChanges(ResidentRecord from, ResidentRecord to, LocalDate movedInOn) {
		to.name = from.name;
		to.nameRest = from.nameRest;
		to.namePinyin = from.namePinyin;
		to.nameInitials = from.nameInitials;
		to.gender = from.gender;
		to.ethnicity = from.ethnicity;
		to.birthDate = from.birthDate;
		to.idType = from.idType;
		to.idCipher = from.idCipher;
		to.idMasked = from.idMasked;
		to.idIndex = from.idIndex;
		to.idTail = from.idTail;
		to.phoneCipher = from.phoneCipher;
		to.phoneMasked = from.phoneMasked;
		to.phoneIndex = from.phoneIndex;
		to.phoneTail = from.phoneTail;
		to.registrationStatus = from.registrationStatus;
		to.registeredAddress = from.registeredAddress;
		to.registeredAreaCode = from.registeredAreaCode;
		to.registeredCommunityCode = from.registeredCommunityCode;
		if (from.relation != null) {
			to.relation = from.relation;
		}
		to.tags = from.tags;
		to.note = from.note;
		if (movedInOn != null) {
			to.movedInOn = movedInOn;
		}
	}

	@Override
	@Transactional
	public void move(GongzhiUser me, long residentId, MoveCmd cmd) {
		access.requireEdit(me);
		ResidentRecord r = visible(me, residentId);
		LocalDate on = cmd.on() != null ? cmd.on() : PeopleAccess.today();
		if (on.isAfter(PeopleAccess.today())) {
			throw DomainException.invalid("on", "people.move.future");
		}
		String by = me.getUsername();
		String room = ResidentRules.blankToNull(cmd.toRoomCode());
		if (cmd.kind() == AddressChange.Kind.LIVING) {
			String from = r.livingRoomCode;
			if (room == null) {
				if (r.state != ResidentState.LIVING) {
					throw DomainException.conflict("people.move.notLiving");
				}
				store.closeHistory(r.id, AddressChange.Kind.LIVING, on);
				store.openHistory(r.id, AddressChange.Kind.LIVING, null, ResidentRules.blankToNull(cmd.toAddress()),
						null, on, cmd.note(), by);
				leaveHousehold(r);
				r.state = ResidentState.MOVED_AWAY;
			}
			else {
				AddressBook.Place place = addresses.room(room)
					.orElseThrow(() -> DomainException.invalid("toRoomCode", "people.room.unknown"));
				if (!PeopleAccess.covers(me, place.roomCode())) {
					throw DomainException.invalid("toRoomCode", "people.room.outOfScope");
				}
				if (room.equals(r.livingRoomCode) && r.state == ResidentState.LIVING) {
					throw DomainException.invalid("toRoomCode", "people.move.same");
				}
				r.state = ResidentState.LIVING;
				relocate(r, room, on, cmd.note(), by);
			}
			r.markSeparation();
			if (!store.update(r, r.version)) {
				throw DomainException.conflict("people.stale");
			}
			audit.record("resident.move", "resident", String.valueOf(r.id), from + " -> "
					+ (room != null ? room : "away " + (cmd.toAddress() == null ? "" : cmd.toAddress())));
			events.publishEvent(new ResidentMoved(r.id, AddressChange.Kind.LIVING, from, room, on));
		}
		else {
			String from = r.registeredAreaCode;
			String address = ResidentRules.blankToNull(cmd.toAddress());
			if (room != null) {
				AddressBook.Place place = addresses.room(room)
					.orElseThrow(() -> DomainException.invalid("toRoomCode", "people.room.unknown"));
				address = address != null ? address : place.address();
				r.registeredAreaCode = place.roomCode();
				r.registeredCommunityCode = place.communityCode();
			}
			else {
				if (address == null) {
					throw DomainException.invalid("toAddress", "people.move.addressRequired");
				}
				r.registeredAreaCode = addresses.match(address).orElse(null);
				r.registeredCommunityCode = r.registeredAreaCode == null ? null : r.registeredAreaCode.substring(0, 12);
			}
			r.registeredAddress = address;
			store.closeHistory(r.id, AddressChange.Kind.REGISTERED, on);
			store.openHistory(r.id, AddressChange.Kind.REGISTERED, r.registeredAreaCode, address,
					r.registeredCommunityCode, on, cmd.note(), by);
			r.markSeparation();
			if (!store.update(r, r.version)) {
				throw DomainException.conflict("people.stale");
			}
			audit.record("resident.move.registered", "resident", String.valueOf(r.id), from + " -> "
					+ r.registeredAreaCode);
			events.publishEvent(new ResidentMoved(r.id, AddressChange.Kind.REGISTERED, from, r.registeredAreaCode, on));
		}
	}

	/** Moves the living address: history closed and opened, household left and joined, house recorded. */
	private void relocate(ResidentRecord r, String roomCode, LocalDate on, String note, String by) {
		AddressBook.Place place = addresses.room(roomCode).orElseThrow();
		store.closeHistory(r.id, AddressChange.Kind.LIVING, on);
		store.openHistory(r.id, AddressChange.Kind.LIVING, place.roomCode(), place.address(), place.communityCode(), on,
				note, by);
		leaveHousehold(r);
		r.livingRoomCode = place.roomCode();
		r.livingAddress = place.address();
		r.livingCommunityCode = place.communityCode();
		r.livingGridCode = place.gridCode();
		r.movedInOn = on;
		List<ResidentStore.HouseholdRow> there = store.householdsIn(place.roomCode());
		if (there.isEmpty()) {
			r.householdId = store.createHousehold(place.roomCode(), place.communityCode());
			store.setHead(r.householdId, r.id);
			r.relation = HouseholdRelation.HEAD;
		}
		else {
			ResidentStore.HouseholdRow h = there.get(0);
			r.householdId = h.id();
			if (h.headResidentId() == null) {
				store.setHead(h.id(), r.id);
				r.relation = HouseholdRelation.HEAD;
			}
			else if (r.relation == HouseholdRelation.HEAD) {
				r.relation = HouseholdRelation.OTHER;
			}
		}
		writer.ensureHouse(place, r.relation == HouseholdRelation.TENANT, by);
	}

	/** An import row that changes a registered resident's living room: the changed record is moved. */
	void moveForImport(ResidentRecord old, ResidentRecord changed, String by) {
		changed.householdId = old.householdId;
		relocate(changed, changed.livingRoomCode, PeopleAccess.today(), null, by);
	}

	private void leaveHousehold(ResidentRecord r) {
		if (r.householdId != null) {
			store.clearHeadIf(r.householdId, r.id);
			r.householdId = null;
		}
	}

	// numbers

	@Override
	@Transactional
	public RevealedNumbers reveal(GongzhiUser me, long residentId) {
		access.requireRead(me);
		if (!access.grants(me).reveal()) {
			throw DomainException.forbidden("people.reveal.forbidden");
		}
		ResidentRecord r = visible(me, residentId);
		audit.record("resident.reveal", "resident", String.valueOf(r.id), r.name);
		return new RevealedNumbers(r.id, crypto.decrypt(r.idCipher), crypto.decrypt(r.phoneCipher));
	}

	@Override
	@Transactional
	public void export(GongzhiUser me, ResidentQuery query, boolean unmasked, OutputStream out) {
		access.requireRead(me);
		PeopleAccess.Grants grants = access.grants(me);
		if (unmasked && !grants.reveal()) {
			throw DomainException.forbidden("people.reveal.forbidden");
		}
		checkGroupFilter(query.groupCode(), grants);
		String prefix = PeopleAccess.prefix(me);
		ResidentFinder.Where where = prefix == null ? null : finder.where(query, prefix);
		long total = where == null ? 0 : finder.count(where);
		if (total > EXPORT_MAX) {
			throw DomainException.invalid("q", "people.export.tooMany", EXPORT_MAX);
		}
		audit.record(unmasked ? "resident.export.unmasked" : "resident.export", "resident", null,
				"rows=" + total + " q=" + query.q() + " community=" + query.communityCode() + " grid="
						+ query.gridCode() + " group=" + query.groupCode());
		try (ResidentExcel.Export sheet = excel.export(out)) {
			for (int offset = 0; offset < total; offset += 5000) {
				List<ResidentRecord> rows = finder.page(where, offset, 5000);
				Map<Long, List<GroupTag>> tags = new HashMap<>();
				summaries(rows, grants).forEach(s -> tags.put(s.id(), s.groups()));
				for (ResidentRecord r : rows) {
					sheet.row(r, tags.getOrDefault(r.id, List.of()), unmasked ? crypto.decrypt(r.idCipher) : r.idMasked,
							unmasked ? crypto.decrypt(r.phoneCipher) : r.phoneMasked);
				}
			}
		}
	}

	@Override
	public boolean canEdit(GongzhiUser me) {
		return access.edits(me);
	}

	// helpers shared with the import

	ResidentRules.Context context(GongzhiUser me) {
		Map<String, PersonGroupView> byCode = new LinkedHashMap<>();
		groups.all().forEach(g -> byCode.put(g.code(), g));
		return new ResidentRules.Context(me, me == null ? new PeopleAccess.Grants(true, Set.of()) : access.grants(me),
				byCode, addresses, PeopleAccess.today());
	}

	private static ResidentRules.Draft draft(ResidentCmd cmd) {
		ResidentRules.Draft d = new ResidentRules.Draft();
		d.name = cmd.name();
		d.gender = cmd.gender();
		d.ethnicity = cmd.ethnicity();
		d.birthDate = cmd.birthDate();
		d.idType = cmd.idType();
		d.idNumber = cmd.idNumber();
		d.phone = cmd.phone();
		d.status = cmd.registrationStatus();
		d.registeredAddress = cmd.registeredAddress();
		d.registeredAreaCode = cmd.registeredRoomCode();
		d.livingRoomCode = cmd.livingRoomCode();
		d.relation = cmd.relation();
		d.groupCodes = cmd.groupCodes() == null ? new ArrayList<>() : new ArrayList<>(cmd.groupCodes());
		d.tags = cmd.tags() == null ? new ArrayList<>() : new ArrayList<>(cmd.tags());
		d.note = cmd.note();
		d.movedInOn = cmd.movedInOn();
		return d;
	}

	/** A refusal naming every offending field, in the caller's language. */
	DomainException invalid(List<ResidentRules.Problem> problems) {
		List<Map<String, String>> details = problems.stream()
			.map(p -> Map.of("field", ResidentRules.FIELDS.getOrDefault(p.column(), p.column()), "message",
					messages.getMessage(p.key(), p.args(), p.key(), LocaleContextHolder.getLocale())))
			.collect(Collectors.toList());
		return new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "people.invalid", null, details);
	}

}
