package org.gongzhi.cases.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.gongzhi.cases.CaseReported;
import org.gongzhi.cases.CaseStatus;
import org.gongzhi.cases.CaseStatusChanged;
import org.gongzhi.cases.ReporterDirectory;
import org.gongzhi.identity.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes new cases (受理入库) in groups. Intakes that arrive while a group is being committed wait in a queue; a writer
 * thread takes all of them and writes them in one transaction: one statement for the cases, one for their first
 * timeline steps, one for the audit entries, one commit and one WAL flush for the lot. Each request thread still
 * waits until its own case is durably committed before it answers, so nothing is acknowledged that could be lost.
 * <p>
 * Everything that can fail on bad input (category, location, reporter) is checked on the request's thread before the
 * case is queued. Should a group still fail, its cases are written again one by one, so one bad case never takes its
 * neighbours down with it. Inside a running transaction (an intake with an Idempotency-Key, a grid worker's 自处理) or
 * while the writers are stopped, cases are written at once in the caller's own transaction.
 */
@Component
class IntakeWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IntakeWriter.class);

	/**
	 * A case ready to be written: everything decided on the request's thread, only the number and id to come. Once
	 * written, nearby holds the open cases of the same category within the duplicate radius (重复案件提示).
	 */
	record NewCase(CaseFile file, String actor, String actorName, String eventNote, String photosJson,
			AuditLog.Actor auditActor, String auditDetail, String reporterPhoneToMatch, List<CaseFile> nearby) {

		/**
		 * @param reporterPhoneToMatch a hotline caller's full phone, held in memory only until the writer has asked the
		 * resident registry who it belongs to (see ReporterDirectory); null when there is nothing to match
		 */
		NewCase(CaseFile file, String actor, String actorName, String eventNote, String photosJson,
				AuditLog.Actor auditActor, String auditDetail, String reporterPhoneToMatch) {
			this(file, actor, actorName, eventNote, photosJson, auditActor, auditDetail, reporterPhoneToMatch,
					new ArrayList<>());
		}

	}

	/** A queued case and the answer its request thread waits for. */
	record Pending(NewCase newCase, CompletableFuture<CaseFile> done) {
	}

	private final CaseRepository cases;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final CalendarProvider calendars;

	private final TransactionTemplate tx;

	private final BlockingQueue<Pending> queue;

	private final int writerCount;

	private final int maxGroup;

	private final double duplicateRadiusMetres;

	private final ObjectProvider<ReporterDirectory> reporters;

	private final List<Thread> writers = new ArrayList<>();

	private volatile boolean running;

	IntakeWriter(CaseRepository cases, AuditLog audit, ApplicationEventPublisher events, CalendarProvider calendars,
			PlatformTransactionManager transactions, ObjectProvider<ReporterDirectory> reporters, @Value("${gongzhi.cases.intake.writers:2}") int writerCount,
			@Value("${gongzhi.cases.intake.max-group:200}") int maxGroup,
			@Value("${gongzhi.cases.intake.queue:10000}") int queueSize,
			@Value("${gongzhi.cases.duplicate-radius-metres:100}") double duplicateRadiusMetres) {
		this.duplicateRadiusMetres = duplicateRadiusMetres;
		this.reporters = reporters;
		this.cases = cases;
		this.audit = audit;
		this.events = events;
		this.calendars = calendars;
		this.tx = new TransactionTemplate(transactions);
		this.writerCount = Math.max(1, writerCount);
		this.maxGroup = Math.max(1, maxGroup);
		this.queue = new ArrayBlockingQueue<>(Math.max(1, queueSize));
	}

	/**
	 * Writes the case and returns it once committed, numbered and with its id. Within a transaction the case is written
	 * in that transaction and becomes durable with it.
	 */
	CaseFile write(NewCase newCase) {
		if (!running || TransactionSynchronizationManager.isActualTransactionActive()) {
			return writeNow(newCase);
		}
		Pending pending = new Pending(newCase, new CompletableFuture<>());
		try {
			if (!queue.offer(pending, 10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the intake queue stayed full for 10 s");
			}
			if (!running && queue.remove(pending)) {
				// the writers stopped meanwhile and may have drained the queue already
				return writeNow(newCase);
			}
			return pending.done().get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the case was written", ex);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("the case was not written within 60 s", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private CaseFile writeNow(NewCase newCase) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			writeAll(List.of(newCase));
		}
		else {
			tx.executeWithoutResult(status -> writeAll(List.of(newCase)));
		}
		return newCase.file();
	}

	/** Writes the cases in the current transaction: numbers, rows, first timeline steps, followers, audit, events. */
	void writeAll(List<NewCase> group) {
		List<CaseFile> files = group.stream().map(NewCase::file).toList();
		List<String> numbers = cases.nextCaseNos(files.stream().map(c -> c.receivedAt).toList(), calendars.zone());
		for (int i = 0; i < files.size(); i++) {
			files.get(i).caseNo = numbers.get(i);
		}
		matchReporters(group);
		cases.insertAll(files);
		findNearby(group);
		List<Long> followedCases = new ArrayList<>();
		List<Long> followers = new ArrayList<>();
		List<CaseRepository.NewEvent> steps = new ArrayList<>(group.size());
		List<AuditLog.Entry> entries = new ArrayList<>(group.size());
		for (NewCase n : group) {
			CaseFile c = n.file();
			if (c.reporterUserId != null) {
				followedCases.add(c.id);
				followers.add(c.reporterUserId);
			}
			steps.add(new CaseRepository.NewEvent(c.id, c.receivedAt, "accept", n.actor(), n.actorName(), null,
					CaseStatus.ACCEPTED, n.eventNote(), n.photosJson()));
			entries.add(new AuditLog.Entry(n.auditActor(), c.receivedAt, "case.accept", "case", c.caseNo,
					n.auditDetail()));
		}
		cases.followAll(followedCases, followers);
		cases.eventAll(steps);
		audit.recordAll(entries);
		for (CaseFile c : files) {
			events.publishEvent(new CaseReported(c.caseNo, c.categoryCode, c.gridCode, c.communityCode,
					c.reporterUserId, c.channel, c.reporterResidentId));
			if (c.reporterUserId != null) {
				events.publishEvent(new CaseStatusChanged(c.caseNo, "accept", null, CaseStatus.ACCEPTED, null,
						List.of(c.reporterUserId), c.receivedAt));
			}
		}
	}

	/** Links hotline callers to the one resident with their phone, for the whole group in one lookup. */
	private void matchReporters(List<NewCase> group) {
		ReporterDirectory directory = reporters.getIfAvailable();
		List<String> phones = group.stream().map(NewCase::reporterPhoneToMatch).filter(p -> p != null).toList();
		if (directory == null || phones.isEmpty()) {
			return;
		}
		Map<String, Long> residents = directory.residentsWithPhones(phones);
		for (NewCase n : group) {
			if (n.reporterPhoneToMatch() != null) {
				n.file().reporterResidentId = residents.get(n.reporterPhoneToMatch());
			}
		}
	}

	/** Open cases of the same category near each new case, for all of the group in one query. */
	private void findNearby(List<NewCase> group) {
		Map<String, String> categories = new HashMap<>();
		Map<String, double[]> boxes = new HashMap<>();
		for (NewCase n : group) {
			CaseFile c = n.file();
			n.nearby().clear();
			if (c.lng != null && c.lat != null) {
				double dLat = duplicateRadiusMetres / 111_320.0;
				double dLng = dLat / Math.max(0.01, Math.cos(Math.toRadians(c.lat)));
				categories.put(c.caseNo, c.categoryCode);
				boxes.put(c.caseNo, new double[] { c.lng - dLng, c.lat - dLat, c.lng + dLng, c.lat + dLat });
			}
		}
		Map<String, List<CaseFile>> near = cases.openNearAll(categories, boxes);
		for (NewCase n : group) {
			CaseFile c = n.file();
			for (CaseFile o : near.getOrDefault(c.caseNo, List.of())) {
				if (CaseDesk.metres(c.lng, c.lat, o.lng, o.lat) <= duplicateRadiusMetres) {
					n.nearby().add(o);
				}
			}
		}
	}

	// the writer threads

	private void drain() {
		List<Pending> group = new ArrayList<>(maxGroup);
		while (running || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				queue.drainTo(group, maxGroup - 1);
				writeGroup(group);
			}
			catch (InterruptedException ex) {
				if (!running) {
					break;
				}
			}
			catch (RuntimeException ex) {
				group.forEach(p -> p.done().completeExceptionally(ex));
			}
			finally {
				group.clear();
			}
		}
	}

	/** Writes a group in one transaction, or, should that fail, each of its cases in a transaction of its own. */
	void writeGroup(List<Pending> group) {
		try {
			tx.executeWithoutResult(status -> writeAll(group.stream().map(Pending::newCase).toList()));
			group.forEach(p -> p.done().complete(p.newCase().file()));
		}
		catch (RuntimeException ex) {
			if (group.size() == 1) {
				group.get(0).done().completeExceptionally(ex);
				return;
			}
			log.warn("Writing {} new cases together failed ({}); writing them one by one", group.size(), ex.toString());
			for (Pending p : group) {
				p.newCase().file().id = 0;
				p.newCase().file().caseNo = null;
				try {
					tx.executeWithoutResult(status -> writeAll(List.of(p.newCase())));
					p.done().complete(p.newCase().file());
				}
				catch (RuntimeException one) {
					p.done().completeExceptionally(one);
				}
			}
		}
	}

	@Override
	public void start() {
		running = true;
		for (int i = 0; i < writerCount; i++) {
			Thread t = new Thread(this::drain, "case-intake-writer-" + i);
			t.setDaemon(true);
			t.start();
			writers.add(t);
		}
	}

	/** Stops taking new cases into the queue, writes what is queued, then ends the writer threads. */
	@Override
	public void stop() {
		running = false;
		for (Thread t : writers) {
			try {
				t.join(30_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		writers.clear();
		Pending left;
		while ((left = queue.poll()) != null) {
			writeGroup(List.of(left));
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stopped before the web server's graceful shutdown, so requests still arriving then are written directly. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
