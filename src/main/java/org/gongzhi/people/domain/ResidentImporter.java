package org.gongzhi.people.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.gongzhi.area.AreaView;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.people.GroupKind;
import org.gongzhi.people.ImportError;
import org.gongzhi.people.ImportJob;
import org.gongzhi.people.ImportMode;
import org.gongzhi.people.ImportReport;
import org.gongzhi.people.NewResident;
import org.gongzhi.people.PersonGroupView;
import org.gongzhi.people.ResidentImports;
import org.gongzhi.people.ResidentsImported;
import org.gongzhi.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports residents from the Excel template or from a list (demo data, initial loads): every row is validated
 * first (fields, GB 11643, address, groups, duplicates within the file and against the registry) and any error
 * rejects the whole import; a clean import is written in one transaction. Background jobs report progress in the
 * database.
 */
@Service
public class ResidentImporter implements ResidentImports, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ResidentImporter.class);

	private final ResidentExcel excel;

	private final ResidentRegistry registry;

	private final ResidentStore store;

	private final ResidentWriter writer;

	private final PeopleAccess access;

	private final AddressBook addresses;

	private final GroupStore groups;

	private final PeopleCrypto crypto;

	private final AuditLog audit;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final ImportJobStore jobs;

	private final TransactionTemplate tx;

	private final TransactionTemplate progressTx;

	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "people-import");
		t.setDaemon(true);
		return t;
	});

	ResidentImporter(ResidentExcel excel, ResidentRegistry registry, ResidentStore store, ResidentWriter writer,
			PeopleAccess access, AddressBook addresses, GroupStore groups, PeopleCrypto crypto, AuditLog audit,
			MessageSource messages, ApplicationEventPublisher events, ImportJobStore jobs,
			PlatformTransactionManager transactions) {
		this.excel = excel;
		this.registry = registry;
		this.store = store;
		this.writer = writer;
		this.access = access;
		this.addresses = addresses;
		this.groups = groups;
		this.crypto = crypto;
		this.audit = audit;
		this.messages = messages;
		this.events = events;
		this.jobs = jobs;
		this.tx = new TransactionTemplate(transactions);
		this.progressTx = new TransactionTemplate(transactions);
		this.progressTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Where an import reports its progress: nowhere, or a job row. */
	interface Progress {

		void at(ImportJob.State state, int total, int processed);

		Progress NONE = (s, t, p) -> {
		};

	}

	// ResidentImports

	@Override
	public void template(OutputStream out) {
		excel.template(out, groups.all().stream().filter(PersonGroupView::enabled).toList(), addresses.communities());
	}

	@Override
	public ImportReport importExcel(GongzhiUser me, InputStream xlsx, ImportMode mode) {
		access.requireImport(me);
		return importSheet(me, xlsx, mode, Progress.NONE);
	}

	@Override
	public ImportJob start(GongzhiUser me, byte[] xlsx, ImportMode mode) {
		access.requireImport(me);
		String id = UUID.randomUUID().toString();
		jobs.create(id, me.id(), me.getUsername());
		Locale locale = LocaleContextHolder.getLocale();
		background.execute(() -> {
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(me, null, me.getAuthorities()));
			LocaleContextHolder.setLocale(locale);
			try {
				Progress progress = new JobProgress(id);
				ImportReport report = importSheet(me, new ByteArrayInputStream(xlsx), mode, progress);
				jobs.finish(id, report.errors().isEmpty() ? ImportJob.State.DONE : ImportJob.State.REJECTED, report);
			}
			catch (DomainException ex) {
				jobs.finish(id, ImportJob.State.REJECTED, new ImportReport(0, 0, List.of(new ImportError(1, null,
						messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), locale)))));
			}
			catch (RuntimeException ex) {
				log.error("Import job {} failed", id, ex);
				jobs.finish(id, ImportJob.State.FAILED, null);
			}
			finally {
				SecurityContextHolder.clearContext();
				LocaleContextHolder.resetLocaleContext();
			}
		});
		return jobs.find(id).orElseThrow().job();
	}

	@Override
	public Optional<ImportJob> job(GongzhiUser me, String jobId) {
		access.requireImport(me);
		return jobs.find(jobId).filter(r -> me.has(Role.SYSTEM_ADMIN) || (r.userId() != null && r.userId() == me.id()))
			.map(ImportJobStore.Row::job);
	}

	@Override
	public boolean canImport(GongzhiUser me) {
		return access.imports(me);
	}

	/** The progress of a background job, written at most every 2,000 rows. */
	private final class JobProgress implements Progress {

		private final String id;

		private int last = -1;

		private ImportJob.State lastState;

		JobProgress(String id) {
			this.id = id;
		}

		@Override
		public void at(ImportJob.State state, int total, int processed) {
			if (state == lastState && processed - last < 2000 && processed != total) {
				return;
			}
			last = processed;
			lastState = state;
			progressTx.executeWithoutResult(s -> jobs.progress(id, state, total, processed));
		}

	}

	// the import

	private ImportReport importSheet(GongzhiUser me, InputStream xlsx, ImportMode mode, Progress progress) {
		ResidentExcel.Sheet sheet;
		try {
			sheet = excel.read(xlsx);
		}
		catch (IOException ex) {
			throw DomainException.invalid("file", "people.import.notXlsx");
		}
		List<ImportError> headerErrors = new ArrayList<>();
		List<String> expected = ResidentRules.HEADERS;
		for (int c = 0; c < Math.max(expected.size(), sheet.headers().size()); c++) {
			String want = c < expected.size() ? expected.get(c) : null;
			String got = c < sheet.headers().size() ? sheet.headers().get(c) : null;
			if (want == null || !want.equals(got)) {
				headerErrors.add(new ImportError(1, want != null ? want : got,
						message("people.import.header", want == null ? "" : want, got == null ? "" : got)));
			}
		}
		if (!headerErrors.isEmpty()) {
			return new ImportReport(0, 0, headerErrors);
		}
		if (sheet.tooMany()) {
			return new ImportReport(0, 0, List.of(new ImportError(1, null,
					message("people.import.tooMany", ResidentExcel.MAX_ROWS))));
		}
		if (sheet.rows().isEmpty()) {
			return new ImportReport(0, 0, List.of(new ImportError(2, null, message("people.import.empty"))));
		}
		ResidentRules.Context ctx = registry.context(me);
		Map<String, String> groupByName = new HashMap<>();
		ctx.groups().values().forEach(g -> groupByName.put(g.name(), g.code()));
		int total = sheet.rows().size();
		progress.at(ImportJob.State.VALIDATING, total, 0);
		List<Row> rows = new ArrayList<>(total);
		int done = 0;
		for (ResidentExcel.Raw raw : sheet.rows()) {
			rows.add(fromExcel(raw, groupByName, ctx));
			if (++done % 2000 == 0) {
				progress.at(ImportJob.State.VALIDATING, total, done);
			}
		}
		return run(me, rows, ctx, mode, progress);
	}

	/** The bulk import of PeopleAdministration: the same checks, rows numbered from 2. */
	ImportReport importList(List<NewResident> residents, ImportMode mode) {
		ResidentRules.Context ctx = registry.context(null);
		List<Row> rows = new ArrayList<>(residents.size());
		for (int i = 0; i < residents.size(); i++) {
			rows.add(fromRecord(i + 2, residents.get(i), ctx));
		}
		return run(null, rows, ctx, mode, Progress.NONE);
	}

	/** A row being imported: its draft, its problems so far and the record the rules fill. */
	private static final class Row {

		final int number;

		final ResidentRules.Draft draft = new ResidentRules.Draft();

		final List<ResidentRules.Problem> problems = new ArrayList<>();

		final ResidentRecord record = new ResidentRecord();

		ResidentRecord existing;

		Row(int number) {
			this.number = number;
		}

		void problem(String column, String key, Object... args) {
			problems.add(new ResidentRules.Problem(column, key, args));
			draft.flagged.add(column);
		}

	}

	private Row fromExcel(ResidentExcel.Raw raw, Map<String, String> groupByName, ResidentRules.Context ctx) {
		Row row = new Row(raw.row());
		ResidentRules.Draft d = row.draft;
		List<String> h = ResidentRules.HEADERS;
		d.name = raw.get(h.indexOf(ResidentRules.NAME));
		String gender = raw.get(h.indexOf(ResidentRules.GENDER));
		if (gender != null && !gender.isBlank()) {
			d.gender = ResidentExcel.GENDERS.get(gender.strip());
			if (d.gender == null) {
				row.problem(ResidentRules.GENDER, "people.gender.unknown", gender);
			}
		}
		d.ethnicity = raw.get(h.indexOf(ResidentRules.ETHNICITY));
		String birth = raw.get(h.indexOf(ResidentRules.BIRTH_DATE));
		if (birth != null && !birth.isBlank()) {
			d.birthDate = ResidentExcel.parseDate(birth);
			if (d.birthDate == null) {
				row.problem(ResidentRules.BIRTH_DATE, "people.birthDate.format", birth);
			}
		}
		String idType = raw.get(h.indexOf(ResidentRules.ID_TYPE));
		if (idType != null && !idType.isBlank()) {
			d.idType = ResidentExcel.idType(idType);
			if (d.idType == null) {
				row.problem(ResidentRules.ID_TYPE, "people.idType.unknown", idType);
			}
		}
		d.idNumber = raw.get(h.indexOf(ResidentRules.ID_NUMBER));
		d.phone = raw.get(h.indexOf(ResidentRules.PHONE));
		String status = raw.get(h.indexOf(ResidentRules.STATUS));
		if (status != null && !status.isBlank()) {
			d.status = ResidentExcel.status(status);
			if (d.status == null) {
				row.problem(ResidentRules.STATUS, "people.status.unknown", status);
			}
		}
		d.registeredAddress = raw.get(h.indexOf(ResidentRules.REGISTERED_ADDRESS));
		String community = raw.get(h.indexOf(ResidentRules.COMMUNITY));
		String building = raw.get(h.indexOf(ResidentRules.BUILDING));
		String unit = raw.get(h.indexOf(ResidentRules.UNIT));
		String room = raw.get(h.indexOf(ResidentRules.ROOM));
		boolean addressComplete = true;
		for (String[] part : new String[][] { { ResidentRules.COMMUNITY, community },
				{ ResidentRules.BUILDING, building }, { ResidentRules.UNIT, unit }, { ResidentRules.ROOM, room } }) {
			if (part[1] == null || part[1].isBlank()) {
				row.problem(part[0], "people.column.required", part[0]);
				addressComplete = false;
			}
		}
		if (addressComplete) {
			AddressBook.Resolved resolved = addresses.resolve(community.strip(), building, unit, room);
			if (resolved.unknownPart() != null) {
				switch (resolved.unknownPart()) {
					case "community" -> row.problem(ResidentRules.COMMUNITY, "people.community.unknown", community);
					case "building" -> row.problem(ResidentRules.BUILDING, "people.building.unknown", building);
					case "unit" -> row.problem(ResidentRules.UNIT, "people.unit.unknown", unit);
					default -> row.problem(ResidentRules.ROOM, "people.roomNo.unknown", room);
				}
			}
			else {
				AreaView grid = addresses.grids(resolved.community().code()).get(resolved.building().parentCode());
				d.livingPlace = new AddressBook.Place(resolved.room().code(), resolved.community().code(),
						resolved.community().name(), grid == null ? resolved.building().parentCode() : grid.code(),
						grid == null ? null : grid.name(), AddressBook.addressOf(resolved), resolved.building().name(),
						resolved.unit().name(), resolved.room().name());
			}
		}
		else {
			row.draft.flagged.add(ResidentRules.ROOM);
		}
		String relation = raw.get(h.indexOf(ResidentRules.RELATION));
		if (relation != null && !relation.isBlank()) {
			d.relation = ResidentExcel.relation(relation);
			if (d.relation == null) {
				row.problem(ResidentRules.RELATION, "people.relation.unknown", relation);
			}
		}
		String groupNames = raw.get(h.indexOf(ResidentRules.GROUPS));
		if (groupNames != null && !groupNames.isBlank()) {
			for (String name : groupNames.split(ResidentExcel.GROUP_SEPARATORS)) {
				if (name.isBlank()) {
					continue;
				}
				String code = groupByName.get(name.strip());
				if (code == null) {
					row.problem(ResidentRules.GROUPS, "people.group.unknownName", name.strip());
				}
				else {
					d.groupCodes.add(code);
				}
			}
		}
		d.note = raw.get(h.indexOf(ResidentRules.NOTE));
		row.problems.addAll(ResidentRules.check(d, ctx, row.record, crypto));
		return row;
	}

	private Row fromRecord(int number, NewResident n, ResidentRules.Context ctx) {
		Row row = new Row(number);
		ResidentRules.Draft d = row.draft;
		d.name = n.name();
		d.gender = n.gender();
		d.ethnicity = n.ethnicity();
		d.birthDate = n.birthDate();
		d.idType = n.idType();
		d.idNumber = n.idNumber();
		d.phone = n.phone();
		d.status = n.registrationStatus();
		d.registeredAddress = n.registeredAddress();
		d.registeredAreaCode = n.registeredRoomCode();
		d.livingRoomCode = n.livingRoomCode();
		d.relation = n.relation();
		d.groupCodes = n.groupCodes() == null ? new ArrayList<>() : new ArrayList<>(n.groupCodes());
		d.tags = n.tags() == null ? new ArrayList<>() : new ArrayList<>(n.tags());
		d.note = n.note();
		d.movedInOn = n.movedInOn();
		row.problems.addAll(ResidentRules.check(d, ctx, row.record, crypto));
		return row;
	}

	private ImportReport run(GongzhiUser me, List<Row> rows, ResidentRules.Context ctx, ImportMode mode,
			Progress progress) {
		int total = rows.size();
		HexFormat hex = HexFormat.of();
		Map<String, Integer> firstRow = new HashMap<>();
		List<byte[]> indexes = new ArrayList<>();
		for (Row row : rows) {
			if (row.problems.isEmpty()) {
				String key = hex.formatHex(row.record.idIndex);
				Integer first = firstRow.putIfAbsent(key, row.number);
				if (first != null) {
					row.problems.add(new ResidentRules.Problem(ResidentRules.ID_NUMBER,
							"people.idNumber.duplicateInFile", first));
				}
				else {
					indexes.add(row.record.idIndex);
				}
			}
		}
		Map<String, ResidentRecord> registered = store.byIdIndex(indexes);
		for (Row row : rows) {
			if (!row.problems.isEmpty()) {
				continue;
			}
			ResidentRecord existing = registered.get(hex.formatHex(row.record.idIndex));
			if (existing == null) {
				continue;
			}
			if (mode != ImportMode.UPDATE_EXISTING) {
				row.problems.add(new ResidentRules.Problem(ResidentRules.ID_NUMBER, "people.idNumber.registered"));
			}
			else if (me != null && !ResidentRegistry.sees(me, existing)) {
				row.problems.add(new ResidentRules.Problem(ResidentRules.ID_NUMBER,
						"people.idNumber.registeredElsewhere"));
			}
			else {
				row.existing = existing;
			}
		}
		progress.at(ImportJob.State.VALIDATING, total, total);
		List<ImportError> errors = new ArrayList<>();
		BitSet rejected = new BitSet();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			for (ResidentRules.Problem p : row.problems) {
				errors.add(new ImportError(row.number, p.column(), message(p.key(), p.args())));
				rejected.set(i);
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingInt(ImportError::row));
			return new ImportReport(0, rejected.cardinality(), errors);
		}
		String by = me == null ? "system" : me.getUsername();
		try {
			return tx.execute(status -> write(rows, by, progress, total));
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("people.import.concurrent");
		}
	}

	private ImportReport write(List<Row> rows, String by, Progress progress, int total) {
		List<ResidentWriter.Pending> fresh = new ArrayList<>();
		List<Row> updates = new ArrayList<>();
		for (Row row : rows) {
			if (row.existing == null) {
				fresh.add(new ResidentWriter.Pending(row.record, row.draft.groupCodes));
			}
			else {
				updates.add(row);
			}
		}
		progress.at(ImportJob.State.IMPORTING, total, 0);
		writer.insertAll(fresh, by, PeopleAccess.today(), written -> progress.at(ImportJob.State.IMPORTING, total,
				written));
		int done = fresh.size();
		for (Row row : updates) {
			updateExisting(row, by);
			if (++done % 500 == 0) {
				progress.at(ImportJob.State.IMPORTING, total, done);
			}
		}
		Set<String> communities = new LinkedHashSet<>();
		rows.forEach(r -> {
			if (r.record.livingCommunityCode != null) {
				communities.add(r.record.livingCommunityCode);
			}
		});
		audit.record("resident.import", "resident", null, "created=" + fresh.size() + " updated=" + updates.size()
				+ " communities=" + String.join(",", communities));
		events.publishEvent(new ResidentsImported(rows.size(), List.copyOf(communities), by));
		progress.at(ImportJob.State.IMPORTING, total, total);
		return new ImportReport(rows.size(), 0, List.of());
	}

	/** The UPDATE_EXISTING mode: the row's values replace the stored ones; a new room is a move. */
	private void updateExisting(Row row, String by) {
		ResidentRecord r = row.existing;
		ResidentRecord n = row.record;
		boolean moved = n.livingRoomCode != null && !n.livingRoomCode.equals(r.livingRoomCode);
		n.id = r.id;
		n.householdId = r.householdId;
		n.state = org.gongzhi.people.ResidentState.LIVING;
		n.movedInOn = moved ? PeopleAccess.today() : r.movedInOn;
		if (n.relation == null) {
			n.relation = r.relation;
		}
		if (moved) {
			registry.moveForImport(r, n, by);
		}
		n.markSeparation();
		if (!store.update(n, r.version)) {
			throw DomainException.conflict("people.stale");
		}
		List<ResidentStore.Membership> before = store.memberships(List.of(r.id));
		Set<String> wanted = new LinkedHashSet<>(row.draft.groupCodes);
		for (ResidentStore.Membership m : before) {
			if (m.kind() == GroupKind.CARE && !wanted.contains(m.code())) {
				store.leave(r.id, m.code());
			}
			wanted.remove(m.code());
		}
		wanted.forEach(code -> store.join(r.id, code, PeopleAccess.today()));
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	@Override
	public void destroy() {
		background.shutdownNow();
	}

}
