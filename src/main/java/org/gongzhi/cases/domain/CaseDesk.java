package org.gongzhi.cases.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.cases.CaseActionCmd;
import org.gongzhi.cases.CaseApi;
import org.gongzhi.cases.CaseDetail;
import org.gongzhi.cases.CaseEventView;
import org.gongzhi.cases.CaseFilter;
import org.gongzhi.cases.CaseQuery;
import org.gongzhi.cases.CaseReported;
import org.gongzhi.cases.CaseStatus;
import org.gongzhi.cases.CaseStatusChanged;
import org.gongzhi.cases.CaseView;
import org.gongzhi.cases.CategoryView;
import org.gongzhi.cases.Channel;
import org.gongzhi.cases.ReportCaseCmd;
import org.gongzhi.cases.ReporterDirectory;
import org.gongzhi.cases.RequestKind;
import org.gongzhi.cases.UnitType;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Masking;
import org.gongzhi.shared.PageResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case desk (受理与流转): files new cases from every channel and carries out every action of the loop for a user
 * whose role and data scope allow it. A disallowed action, or one on a case someone else changed meanwhile, is refused
 * with 409 and changes nothing; every step lands on the case's timeline, in the audit log and as an event.
 */
@Service
public class CaseDesk implements CaseApi {

	/** Every action the API accepts, in the order pages offer them. */
	public static final List<String> ACTIONS = List.of("register", "dispatch", "sign", "handle", "feedback", "verify",
			"close", "rate", "send-back", "extend", "approve-extension", "suspend", "resume", "void", "supervise",
			"reopen", "whistle", "whistle-sign", "whistle-report", "merge");

	static final Set<CaseStatus> IN_PROGRESS = EnumSet.of(CaseStatus.REGISTERED, CaseStatus.DISPATCHED,
			CaseStatus.SIGNED, CaseStatus.HANDLED, CaseStatus.FED_BACK);

	private final CaseRepository cases;

	private final CaseQueries queries;

	private final CategoryRepository categories;

	private final CaseRouter router;

	private final CalendarProvider calendars;

	private final Areas areas;

	private final UserDirectory users;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final ObjectProvider<ReporterDirectory> reporters;

	private final IntakeWriter writer;

	private final double duplicateRadiusMetres;

	private final int whistleSignMinutes;

	CaseDesk(CaseRepository cases, CaseQueries queries, CategoryRepository categories, CaseRouter router,
			CalendarProvider calendars, Areas areas, UserDirectory users, AuditLog audit,
			ApplicationEventPublisher events, PlatformTransactionManager transactions,
			ObjectProvider<ReporterDirectory> reporters, IntakeWriter writer,
			@Value("${gongzhi.cases.duplicate-radius-metres:100}") double duplicateRadiusMetres,
			@Value("${gongzhi.cases.whistle-sign-minutes:60}") int whistleSignMinutes) {
		this.cases = cases;
		this.queries = queries;
		this.categories = categories;
		this.router = router;
		this.calendars = calendars;
		this.areas = areas;
		this.users = users;
		this.audit = audit;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
		this.reporters = reporters;
		this.writer = writer;
		this.duplicateRadiusMetres = duplicateRadiusMetres;
		this.whistleSignMinutes = whistleSignMinutes;
	}

	// intake

	@Override
	public CaseView report(ReportCaseCmd cmd, String principal, String idempotencyKey) {
		GongzhiUser me = currentUser();
		return intake(cmd, principal, me, idempotencyKey);
	}

	/** Files a case for a signed-in user; a grid worker may handle it on the spot (自处理) in the same step. */
	public CaseView report(GongzhiUser me, ReportCaseCmd cmd, String idempotencyKey, boolean selfHandle) {
		return file(me, cmd, idempotencyKey, selfHandle).view();
	}

	/** A case just filed, and the numbers of the open cases the reporter sees that may be the same (重复案件提示). */
	public record Filed(CaseView view, List<String> possibleDuplicates) {
	}

	/** Files a case like report, and answers the possible duplicates the writer found while storing it. */
	public Filed file(GongzhiUser me, ReportCaseCmd cmd, String idempotencyKey, boolean selfHandle) {
		return intake(cmd, me.getUsername(), me, idempotencyKey, selfHandle);
	}

	private CaseView intake(ReportCaseCmd cmd, String principal, GongzhiUser me, String key) {
		return intake(cmd, principal, me, key, false).view();
	}

	private Filed intake(ReportCaseCmd cmd, String principal, GongzhiUser me, String key, boolean selfHandle) {
		String idemKey = key == null || key.isBlank() ? null : key.strip();
		if (idemKey != null && idemKey.length() > 200) {
			throw DomainException.invalid("Idempotency-Key", "case.idempotency.long");
		}
		if (idemKey != null) {
			Optional<String> existing = cases.idempotentCase(principal, idemKey);
			if (existing.isPresent()) {
				return replay(me, existing.get());
			}
		}
		IntakeWriter.NewCase prepared = prepare(cmd, principal, me);
		CaseFile c;
		if (idemKey == null && !selfHandle) {
			c = writer.write(prepared);
		}
		else {
			boolean fresh = Boolean.TRUE.equals(tx.execute(status -> {
				CaseFile f = writer.write(prepared);
				if (idemKey != null && !cases.rememberIdempotency(principal, idemKey, f.caseNo)) {
					status.setRollbackOnly();
					return false;
				}
				if (selfHandle) {
					selfHandle(f, me, f.receivedAt);
				}
				return true;
			}));
			if (!fresh) {
				return replay(me, cases.idempotentCase(principal, idemKey).orElseThrow());
			}
			c = prepared.file();
		}
		CaseView view = CaseQueries.view(c,
				categories.cached(c.categoryCode).map(CategoryView::name).orElse(c.categoryCode), lastStepAt(c));
		return new Filed(view, me == null ? List.of()
				: prepared.nearby().stream().filter(d -> queries.sees(me, d)).map(d -> d.caseNo).toList());
	}

	/** The answer to a retried intake: the case the first attempt filed, with its possible duplicates as they are now. */
	private Filed replay(GongzhiUser me, String caseNo) {
		CaseView view = find(caseNo).orElseThrow();
		return new Filed(view, me == null ? List.of() : possibleDuplicates(me, view));
	}

	/** When the new case's latest timeline step happened: intake, or the grid worker's handling on the spot. */
	private static Instant lastStepAt(CaseFile c) {
		return c.fedBackAt != null ? c.fedBackAt : c.receivedAt;
	}

	/**
	 * Checks and places a new case on the request's thread (category, location, grid, handling unit, deadline,
	 * reporter) without writing anything; the writer numbers and stores it.
	 */
	private IntakeWriter.NewCase prepare(ReportCaseCmd cmd, String principal, GongzhiUser me) {
		CategoryView category = categories.cached(cmd.categoryCode()).filter(CategoryView::enabled)
			.orElseThrow(() -> DomainException.invalid("categoryCode", "case.category.unknown", cmd.categoryCode()));
		if (category.major()) {
			throw DomainException.invalid("categoryCode", "case.category.minorNeeded");
		}
		boolean hasPoint = cmd.lng() != null && cmd.lat() != null;
		if (!hasPoint && (cmd.address() == null || cmd.address().isBlank())) {
			throw DomainException.invalid("lng", "case.location.required");
		}
		if ((cmd.lng() == null) != (cmd.lat() == null)) {
			throw DomainException.invalid(cmd.lng() == null ? "lng" : "lat", "case.location.pair");
		}
		Channel channel = cmd.channel() == null ? Channel.API : cmd.channel();
		Instant now = Instant.now();
		CaseRouter.Place place = router.locate(cmd.lng(), cmd.lat(), cmd.address());
		CaseRouter.Route route = router.route(category, place);
		WorkingCalendar calendar = calendars.calendar();

		CaseFile c = new CaseFile();
		c.requestKind = cmd.requestKind() == null ? RequestKind.COMPLAINT : cmd.requestKind();
		c.categoryCode = category.code();
		c.description = cmd.description().strip();
		c.address = blankToNull(cmd.address());
		c.lng = cmd.lng();
		c.lat = cmd.lat();
		c.gridCode = place.gridCode();
		c.communityCode = place.communityCode();
		c.streetCode = place.streetCode();
		c.channel = channel;
		c.reporterName = blankToNull(cmd.reporterName());
		c.reporterPhoneMasked = Masking.phone(cmd.reporterPhone());
		c.reporterUserId = me != null && channel != Channel.HOTLINE && channel != Channel.OPEN311 ? me.id() : null;
		c.reporterResidentId = givenReporterResident(cmd);
		c.open311Client = cmd.open311Client();
		c.status = CaseStatus.ACCEPTED;
		c.unitType = route.unitType();
		c.unitCode = route.unitCode();
		c.unitName = route.unitName();
		c.routeNote = truncate(route.note(), 500);
		c.receivedAt = now;
		c.deadline = calendar.deadline(now, category.timeLimitValue(), category.timeLimitUnit());
		String actorName = me != null ? me.displayName() : principal;
		String photos = cmd.photos() == null || cmd.photos().isEmpty() ? null : Json.write(cmd.photos());
		return new IntakeWriter.NewCase(c, principal, actorName, "渠道：" + channel.name() + "；" + c.routeNote, photos,
				audit.currentActor(), category.code() + " " + channel.name(), reporterPhoneToMatch(cmd, channel));
	}

	/**
	 * The reporter's id in the resident registry when one was sent with the case; it must name a resident. Otherwise a
	 * hotline caller is matched by phone when the case is written (see reporterPhoneToMatch).
	 */
	private Long givenReporterResident(ReportCaseCmd cmd) {
		if (cmd.reporterResidentId() == null) {
			return null;
		}
		ReporterDirectory directory = reporters.getIfAvailable();
		if (directory == null || !directory.residentExists(cmd.reporterResidentId())) {
			throw DomainException.invalid("reporterResidentId", "case.reporterResident.unknown");
		}
		return cmd.reporterResidentId();
	}

	/**
	 * The full phone of a hotline caller to match against the registry (the one resident whose phone is exactly the
	 * caller's), or null. The writer hands it to the registry's lookup in memory; it is neither stored nor published
	 * (see ReporterDirectory).
	 */
	private static String reporterPhoneToMatch(ReportCaseCmd cmd, Channel channel) {
		if (cmd.reporterResidentId() != null || channel != Channel.HOTLINE || cmd.reporterPhone() == null
				|| cmd.reporterPhone().isBlank()) {
			return null;
		}
		return cmd.reporterPhone().strip();
	}

	/** 自处理: a grid worker reports and handles a small matter on the spot; it still needs verification. */
	private void selfHandle(CaseFile c, GongzhiUser me, Instant now) {
		if (me == null || !me.has(Role.GRID_WORKER) || c.gridCode == null || !me.scope().covers(c.gridCode)) {
			throw DomainException.forbidden("case.selfHandle.notAllowed");
		}
		int version = c.version;
		c.register(now);
		c.dispatchTo(UnitType.GRID, c.gridCode, areas.find(c.gridCode).map(AreaView::name).orElse(c.gridCode), now,
				now);
		c.sign(now);
		c.handle(now);
		c.feedback(now);
		c.selfHandled = true;
		save(c, version);
		cases.event(c.id, now, "self-handle", me.getUsername(), me.displayName(), CaseStatus.ACCEPTED,
				CaseStatus.FED_BACK, "网格员现场自处理，待核查", null);
		audit.record("case.self-handle", "case", c.caseNo, null);
		publish(c, "self-handle", CaseStatus.ACCEPTED, CaseStatus.FED_BACK, null, now);
	}

	// the loop

	/** Carries out one action for the user; answers the case as it now stands. */
	public CaseDetail act(GongzhiUser me, String caseNo, String action, CaseActionCmd cmd) {
		CaseActionCmd body = cmd == null ? CaseActionCmd.note(null) : cmd;
		if (!ACTIONS.contains(action)) {
			throw DomainException.notFound("case.action.unknown", action);
		}
		tx.executeWithoutResult(status -> apply(me, caseNo, action, body));
		return detail(me, caseNo);
	}

	private void apply(GongzhiUser me, String caseNo, String action, CaseActionCmd cmd) {
		CaseFile c = cases.findForUpdate(caseNo).filter(found -> queries.sees(me, found))
			.orElseThrow(() -> DomainException.notFound("case.notFound", caseNo));
		if (cmd.version() != null && cmd.version() != c.version) {
			throw DomainException.conflict("case.stale");
		}
		if (!permitted(me, c, action)) {
			throw DomainException.forbidden("case.action.forbidden", action);
		}
		int version = c.version;
		CaseStatus from = c.status;
		Instant now = Instant.now();
		String note = blankToNull(cmd.note());
		String eventNote = note;
		switch (action) {
			case "register" -> c.register(now);
			case "dispatch" -> eventNote = dispatch(me, c, cmd, now, note);
			case "sign" -> c.sign(now);
			case "handle" -> c.handle(now);
			case "feedback" -> c.feedback(now);
			case "verify" -> {
				if (cmd.passed() == null) {
					throw DomainException.invalid("passed", "case.verify.passedRequired");
				}
				c.verify(cmd.passed(), now);
				eventNote = (cmd.passed() ? "核查通过" : "核查未通过，返工") + (note == null ? "" : "：" + note);
			}
			case "close" -> c.close(now);
			case "rate" -> {
				if (cmd.satisfaction() == null) {
					throw DomainException.invalid("satisfaction", "case.rate.required");
				}
				boolean reopened = c.rate(cmd.satisfaction(), now);
				eventNote = cmd.satisfaction().label() + (reopened ? "；不满意，重新办理" : "") + (note == null ? "" : "：" + note);
			}
			case "send-back" -> {
				requireNote(note);
				c.sendBack();
			}
			case "extend" -> {
				requireNote(note);
				if (cmd.hours() == null) {
					throw DomainException.invalid("hours", "case.hours.required");
				}
				c.requestExtension(cmd.hours(), note);
				eventNote = "申请延期 " + cmd.hours() + " 小时：" + note;
			}
			case "approve-extension" -> {
				if (cmd.approved() == null) {
					throw DomainException.invalid("approved", "case.extension.approvedRequired");
				}
				Integer hours = c.extensionRequestedHours;
				Instant newDeadline = hours == null ? null : extendDeadline(c, hours);
				int granted = c.decideExtension(cmd.approved(), newDeadline);
				eventNote = (granted > 0 ? "同意延期 " + granted + " 小时" : "不同意延期") + (note == null ? "" : "：" + note);
			}
			case "suspend" -> {
				requireNote(note);
				c.suspend(now);
			}
			case "resume" -> c.resume(now);
			case "void" -> {
				requireNote(note);
				c.voidCase();
			}
			case "supervise" -> {
				c.supervise(now);
				eventNote = ("RED".equals(c.supervision) ? "红牌督办" : "黄牌督办") + (note == null ? "" : "：" + note);
			}
			case "reopen" -> {
				requireNote(note);
				c.reopen();
			}
			case "whistle" -> eventNote = whistle(me, c, cmd, now, note);
			case "whistle-sign" -> eventNote = whistleSign(me, c, now);
			case "whistle-report" -> {
				requireNote(note);
				if (!cases.reportWhistle(c.id, me.scope().departmentCode(), now, note)) {
					throw DomainException.conflict("case.whistle.notSigned");
				}
				eventNote = departmentName(me.scope().departmentCode()) + " 报到：" + note;
			}
			case "merge" -> eventNote = merge(me, c, cmd, now, note);
			default -> throw DomainException.notFound("case.action.unknown", action);
		}
		save(c, version);
		String photos = cmd.photos() == null || cmd.photos().isEmpty() ? null : Json.write(cmd.photos());
		cases.event(c.id, now, action, me.getUsername(), me.displayName(), from, c.status, truncate(eventNote, 2000),
				photos);
		audit.record("case." + action, "case", c.caseNo, truncate(eventNote, 500));
		publish(c, action, from, c.status, eventNote, now);
	}

	private String dispatch(GongzhiUser me, CaseFile c, CaseActionCmd cmd, Instant now, String note) {
		UnitType type = cmd.unitType();
		String code = blankToNull(cmd.unitCode());
		String name;
		if (type == null && code == null) {
			if (c.unitType == null) {
				CaseRouter.Route route = router.route(categories.find(c.categoryCode).orElseThrow(),
						router.locate(c.lng, c.lat, c.address));
				if (route.unitType() == null) {
					throw DomainException.invalid("unitCode", "case.dispatch.unitRequired");
				}
				type = route.unitType();
				code = route.unitCode();
				name = route.unitName();
			}
			else {
				type = c.unitType;
				code = c.unitCode;
				name = c.unitName;
			}
		}
		else {
			if (type == null || code == null) {
				throw DomainException.invalid("unitCode", "case.dispatch.unitRequired");
			}
			name = unitName(me, type, code);
		}
		CategoryView category = categories.find(c.categoryCode).orElseThrow();
		Instant responseBy = "EMERGENCY".equals(category.urgency())
				? now.plus(Duration.ofMinutes(category.responseLimitMinutes()))
				: calendars.calendar().addWorkingMinutes(now, category.responseLimitMinutes());
		c.dispatchTo(type, code, name, now, responseBy);
		return "派遣至 " + name + (note == null ? "" : "：" + note);
	}

	private String unitName(GongzhiUser me, UnitType type, String code) {
		if (type == UnitType.DEPARTMENT) {
			String name = users.departmentNames().get(code);
			if (name == null) {
				throw DomainException.invalid("unitCode", "case.dispatch.unknownDepartment", code);
			}
			return name;
		}
		AreaLevel level = switch (type) {
			case GRID -> AreaLevel.GRID;
			case COMMUNITY -> AreaLevel.COMMUNITY;
			default -> AreaLevel.STREET;
		};
		AreaView area = areas.find(code).filter(a -> a.level() == level)
			.orElseThrow(() -> DomainException.invalid("unitCode", "case.dispatch.unknownArea", code));
		if (!me.scope().covers(area.code()) && !me.scope().isAncestorOfRoot(area.code())) {
			throw DomainException.invalid("unitCode", "case.dispatch.outOfScope", code);
		}
		return area.name();
	}

	private Instant extendDeadline(CaseFile c, int hours) {
		CategoryView category = categories.find(c.categoryCode).orElseThrow();
		Instant base = c.deadline == null ? Instant.now() : c.deadline;
		return "HOURS".equals(category.timeLimitUnit()) ? base.plus(Duration.ofHours(hours))
				: calendars.calendar().addWorkingMinutes(base, hours * 60L);
	}

	private String whistle(GongzhiUser me, CaseFile c, CaseActionCmd cmd, Instant now, String note) {
		if (!IN_PROGRESS.contains(c.status)) {
			throw DomainException.conflict("case.action.notNow", c.status.name());
		}
		if (cmd.departments() == null || cmd.departments().isEmpty()) {
			throw DomainException.invalid("departments", "case.whistle.departmentsRequired");
		}
		Map<String, String> known = users.departmentNames();
		List<String> called = new ArrayList<>();
		for (String d : new LinkedHashSet<>(cmd.departments())) {
			if (!known.containsKey(d)) {
				throw DomainException.invalid("departments", "case.dispatch.unknownDepartment", d);
			}
			if (cases.whistle(c.id, d, now, me.getUsername(), now.plus(Duration.ofMinutes(whistleSignMinutes)))) {
				called.add(known.get(d));
			}
		}
		if (called.isEmpty()) {
			throw DomainException.conflict("case.whistle.already");
		}
		return "吹哨报到：" + String.join("、", called) + "（须 " + whistleSignMinutes + " 分钟内签收）"
				+ (note == null ? "" : "：" + note);
	}

	private String whistleSign(GongzhiUser me, CaseFile c, Instant now) {
		String dept = me.scope().departmentCode();
		if (dept == null || !cases.signWhistle(c.id, dept, now, me.getUsername())) {
			throw DomainException.conflict("case.whistle.nothingToSign");
		}
		return departmentName(dept) + " 签收吹哨";
	}

	private String merge(GongzhiUser me, CaseFile c, CaseActionCmd cmd, Instant now, String note) {
		String targetNo = blankToNull(cmd.targetCaseNo());
		if (targetNo == null) {
			throw DomainException.invalid("targetCaseNo", "case.merge.targetRequired");
		}
		if (targetNo.equals(c.caseNo)) {
			throw DomainException.invalid("targetCaseNo", "case.merge.self");
		}
		CaseFile target = cases.findForUpdate(targetNo).filter(t -> queries.sees(me, t))
			.orElseThrow(() -> DomainException.invalid("targetCaseNo", "case.merge.targetUnknown", targetNo));
		if (!target.open()) {
			throw DomainException.invalid("targetCaseNo", "case.merge.targetClosed", targetNo);
		}
		c.mergeInto(targetNo);
		cases.copyFollowers(c.id, target.id);
		cases.event(target.id, now, "merged-in", me.getUsername(), me.displayName(), target.status, target.status,
				"合并了案件 " + c.caseNo, null);
		return "合并到 " + targetNo + (note == null ? "" : "：" + note);
	}

	private String departmentName(String code) {
		return users.departmentNames().getOrDefault(code, code);
	}

	private void save(CaseFile c, int expectedVersion) {
		if (!cases.update(c, expectedVersion)) {
			throw DomainException.conflict("case.stale");
		}
	}

	private void publish(CaseFile c, String action, CaseStatus from, CaseStatus to, String note, Instant at) {
		publish(c, action, from, to, note, at, cases.followers(c.id));
	}

	/**
	 * Tells the case's followers of the step. A step nobody follows (a hotline call, an Open311 or API report) publishes
	 * nothing: each publication is a stored row and an after-commit task, which at intake rates costs more than the
	 * intake itself.
	 */
	private void publish(CaseFile c, String action, CaseStatus from, CaseStatus to, String note, Instant at,
			List<Long> followers) {
		if (!followers.isEmpty()) {
			events.publishEvent(new CaseStatusChanged(c.caseNo, action, from, to, note, followers, at));
		}
	}

	private static void requireNote(String note) {
		if (note == null) {
			throw DomainException.invalid("note", "case.note.required");
		}
	}

	// who may do what

	/** Whether the user's role and scope allow the action on this case (the case's state is checked separately). */
	boolean permitted(GongzhiUser me, CaseFile c, String action) {
		return switch (action) {
			case "register" -> queries.dispatcher(me, c) || (me.has(Role.HOTLINE_CLERK) && queries.covers(me, c));
			case "dispatch", "verify", "close", "void", "suspend", "resume", "merge", "reopen", "approve-extension",
					"whistle" -> queries.dispatcher(me, c);
			case "supervise" -> queries.dispatcher(me, c) || (me.has(Role.LEADER) && queries.covers(me, c));
			case "sign", "handle", "feedback", "send-back", "extend" -> queries.unitMember(me, c);
			case "rate" -> queries.follows(me, c) || (me.has(Role.HOTLINE_CLERK) && queries.covers(me, c));
			case "whistle-sign", "whistle-report" -> me.has(Role.DEPARTMENT_HANDLER)
					&& me.scope().departmentCode() != null
					&& cases.whistles(c.id).stream().anyMatch(w -> w.departmentCode().equals(me.scope().departmentCode()));
			default -> false;
		};
	}

	/** Actions the user may take on the case right now (role, scope and state). */
	List<String> allowedActions(GongzhiUser me, CaseFile c) {
		Instant now = Instant.now();
		List<String> allowed = new ArrayList<>();
		for (String action : ACTIONS) {
			if (permitted(me, c, action) && possibleNow(me, c, action, now)) {
				allowed.add(action);
			}
		}
		return allowed;
	}

	private boolean possibleNow(GongzhiUser me, CaseFile c, String action, Instant now) {
		CaseStatus s = c.status;
		return switch (action) {
			case "register" -> s == CaseStatus.ACCEPTED;
			case "dispatch" -> s == CaseStatus.REGISTERED;
			case "sign", "send-back" -> s == CaseStatus.DISPATCHED || ("send-back".equals(action) && s == CaseStatus.SIGNED);
			case "handle" -> s == CaseStatus.SIGNED;
			case "feedback" -> s == CaseStatus.HANDLED;
			case "verify" -> s == CaseStatus.FED_BACK;
			case "close" -> s == CaseStatus.VERIFIED;
			case "rate" -> c.rateable();
			case "extend" -> (s == CaseStatus.DISPATCHED || s == CaseStatus.SIGNED || s == CaseStatus.HANDLED)
					&& c.extensionRequestedHours == null;
			case "approve-extension" -> c.extensionRequestedHours != null;
			case "suspend", "whistle" -> IN_PROGRESS.contains(s);
			case "resume" -> s == CaseStatus.SUSPENDED;
			case "void", "merge" -> s.open();
			case "supervise" -> c.overdueAt(now) && !"RED".equals(c.supervision);
			case "reopen" -> s == CaseStatus.CLOSED;
			case "whistle-sign" -> cases.whistles(c.id).stream()
				.anyMatch(w -> w.departmentCode().equals(me.scope().departmentCode()) && w.signedAt() == null);
			case "whistle-report" -> cases.whistles(c.id).stream()
				.anyMatch(w -> w.departmentCode().equals(me.scope().departmentCode()) && w.signedAt() != null);
			default -> false;
		};
	}

	// reading

	@Transactional(readOnly = true)
	public CaseDetail detail(GongzhiUser me, String caseNo) {
		CaseFile c = cases.find(caseNo).filter(found -> queries.sees(me, found))
			.orElseThrow(() -> DomainException.notFound("case.notFound", caseNo));
		Map<String, String> departments = users.departmentNames();
		Instant now = Instant.now();
		List<CaseDetail.Whistle> whistles = cases.whistles(c.id).stream()
			.map(w -> new CaseDetail.Whistle(w.departmentCode(), departments.getOrDefault(w.departmentCode(),
					w.departmentCode()), w.blownAt(), w.signDeadline(), w.signedAt(), w.signedBy(), w.arrivedAt(),
					w.report(), w.signedAt() == null ? now.isAfter(w.signDeadline())
							: w.signedAt().isAfter(w.signDeadline())))
			.toList();
		return new CaseDetail(queries.view(c), cases.timeline(c.id), whistles, allowedActions(me, c),
				queries.views(duplicates(c).stream().filter(d -> queries.sees(me, d)).toList()),
				c.extensionRequestedHours, c.extensionReason, c.reworkCount, c.reopenCount, c.responseDeadline);
	}

	/** Open cases of the same category within the configured radius (重复案件提示). */
	List<CaseFile> duplicates(CaseFile c) {
		if (!c.open()) {
			return List.of();
		}
		return near(c.categoryCode, c.lng, c.lat, c.caseNo);
	}

	/**
	 * The numbers of the open cases a caller sees that may duplicate a case just filed, without reading the new case
	 * again (the intake answer of the API).
	 */
	@Transactional(readOnly = true)
	public List<String> possibleDuplicates(GongzhiUser me, CaseView filed) {
		return near(filed.categoryCode(), filed.lng(), filed.lat(), filed.caseNo()).stream()
			.filter(d -> queries.sees(me, d)).map(d -> d.caseNo).toList();
	}

	private List<CaseFile> near(String categoryCode, Double lng, Double lat, String exceptCaseNo) {
		if (lng == null || lat == null) {
			return List.of();
		}
		double dLat = duplicateRadiusMetres / 111_320.0;
		double dLng = dLat / Math.max(0.01, Math.cos(Math.toRadians(lat)));
		return cases.openNear(categoryCode, lng - dLng, lat - dLat, lng + dLng, lat + dLat, exceptCaseNo).stream()
			.filter(o -> metres(lng, lat, o.lng, o.lat) <= duplicateRadiusMetres).toList();
	}

	static double metres(double lng1, double lat1, double lng2, double lat2) {
		double r = 6_371_000;
		double dLat = Math.toRadians(lat2 - lat1);
		double dLng = Math.toRadians(lng2 - lng1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 2 * r * Math.asin(Math.sqrt(a));
	}

	@Transactional(readOnly = true)
	public PageResult<CaseView> search(GongzhiUser me, CaseQuery query) {
		return queries.search(me, query);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CaseView> find(String caseNo) {
		return cases.find(caseNo).map(queries::view);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CaseEventView> timeline(String caseNo) {
		return cases.find(caseNo).map(c -> cases.timeline(c.id)).orElse(List.of());
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, List<CaseEventView>> timelines(Collection<String> caseNos) {
		return cases.timelines(caseNos);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CaseView> search(CaseFilter filter) {
		return queries.filter(filter);
	}

	@Override
	@Transactional(readOnly = true)
	public PageResult<CaseView> reportedBy(GongzhiUser viewer, long residentId, int page, int size) {
		return queries.reportedBy(viewer, residentId, Math.max(0, page), Math.max(1, Math.min(size, 100)));
	}

	@Override
	@Transactional(readOnly = true)
	public List<CategoryView> categories() {
		return categories.all(true);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CategoryView> category(String code) {
		return categories.find(code);
	}

	private static GongzhiUser currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof GongzhiUser user ? user : null;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
