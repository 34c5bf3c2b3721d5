package org.gongzhi.party.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gongzhi.party.Quarter;
import org.gongzhi.party.ServiceCard;
import org.gongzhi.party.ServiceSummaryRow;
import org.springframework.context.MessageSource;

/**
 * Service cards and the yearly summary as .xlsx workbooks (FastExcel): one member's card, every card of an employer
 * organisation (a list sheet and a records sheet), and the ranked yearly summary.
 */
final class ServiceCardExcel {

	private static final String HEAD_FILL = "F2DCDB";

	private final MessageSource messages;

	private final Locale locale;

	ServiceCardExcel(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/** One card: the member block on top, then one row per confirmed record, then the totals. */
	void card(ServiceCard card, OutputStream out) {
		try {
			Workbook wb = new Workbook(out, "Gongzhi", "1.0");
			Worksheet ws = wb.newWorksheet(text("party.card.sheet"));
			ws.value(0, 0, text("party.card.title") + " " + card.quarter());
			ws.style(0, 0).bold().fontSize(14).set();
			String[][] info = { { "party.card.name", card.memberName() },
					{ "party.card.organisation", card.organisationName() },
					{ "party.card.employer", card.employerUnit() },
					{ "party.card.community", card.communityName() },
					{ "party.card.reportStatus", card.reportStatus() == null ? text("party.card.notReported")
							: text(card.reportStatus().messageKey()) },
					{ "party.card.validTo", card.reportExpiresOn() == null ? "" : card.reportExpiresOn().toString() },
					{ "party.card.posts", String.join("、", card.posts()) } };
			int r = 1;
			for (String[] line : info) {
				ws.value(r, 0, text(line[0]));
				ws.style(r, 0).bold().fillColor(HEAD_FILL).set();
				ws.value(r, 1, line[1] == null ? "" : line[1]);
				r++;
			}
			r++;
			int head = r;
			String[] headers = { "party.card.servedOn", "party.card.post", "party.card.community", "party.card.hours",
					"party.card.what", "party.card.confirmedOn" };
			header(ws, head, headers);
			r = head + 1;
			for (ServiceCard.Entry e : card.records()) {
				ws.value(r, 0, e.servedOn().toString());
				ws.value(r, 1, e.postTitle());
				ws.value(r, 2, e.communityName());
				ws.value(r, 3, e.hours());
				ws.value(r, 4, e.what());
				ws.value(r, 5, e.confirmedOn() == null ? "" : e.confirmedOn().toString());
				r++;
			}
			ws.value(r, 0, text("party.card.totalLabel"));
			ws.value(r, 1, card.count());
			ws.value(r, 3, card.totalHours());
			ws.range(r, 0, r, 5).style().bold().set();
			r += 2;
			ws.value(r++, 0, text("party.card.notCounted", String.valueOf(card.pendingCount()),
					String.valueOf(card.rejectedCount())));
			ws.value(r++, 0, card.communityName() == null || card.records().isEmpty() ? text("party.card.confirmNone")
					: text("party.card.confirmLine", card.communityName(),
							card.lastConfirmedOn() == null ? "" : card.lastConfirmedOn().toString()));
			ws.value(r, 0, text("party.card.madeOn", card.madeOn().toString()));
			widths(ws, 12, 16, 14, 8, 48, 12);
			wb.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every card of an employer organisation: one row per member, then every confirmed record. */
	void cards(String organisationName, Quarter quarter, List<ServiceCard> cards, OutputStream out) {
		try {
			Workbook wb = new Workbook(out, "Gongzhi", "1.0");
			Worksheet list = wb.newWorksheet(text("party.card.listSheet"));
			String[] headers = { "party.card.name", "party.card.organisation", "party.card.employer",
					"party.card.community", "party.card.reportStatus", "party.card.posts", "party.card.count",
					"party.card.hours", "party.card.pending", "party.card.rejected" };
			header(list, 0, headers);
			Worksheet detail = wb.newWorksheet(text("party.card.recordsSheet"));
			String[] detailHeaders = { "party.card.name", "party.card.servedOn", "party.card.post",
					"party.card.community", "party.card.hours", "party.card.what", "party.card.confirmedOn" };
			header(detail, 0, detailHeaders);
			int r = 1;
			int d = 1;
			for (ServiceCard card : cards) {
				list.value(r, 0, card.memberName());
				list.value(r, 1, card.organisationName());
				list.value(r, 2, card.employerUnit());
				list.value(r, 3, card.communityName() == null ? "" : card.communityName());
				list.value(r, 4, card.reportStatus() == null ? text("party.card.notReported")
						: text(card.reportStatus().messageKey()));
				list.value(r, 5, String.join("、", card.posts()));
				list.value(r, 6, card.count());
				list.value(r, 7, card.totalHours());
				list.value(r, 8, card.pendingCount());
				list.value(r, 9, card.rejectedCount());
				r++;
				for (ServiceCard.Entry e : card.records()) {
					detail.value(d, 0, card.memberName());
					detail.value(d, 1, e.servedOn().toString());
					detail.value(d, 2, e.postTitle());
					detail.value(d, 3, e.communityName());
					detail.value(d, 4, e.hours());
					detail.value(d, 5, e.what());
					detail.value(d, 6, e.confirmedOn() == null ? "" : e.confirmedOn().toString());
					d++;
				}
			}
			list.value(r + 1, 0, text("party.card.listNote", organisationName, quarter.toString()));
			widths(list, 10, 24, 20, 14, 10, 30, 8, 8, 8, 8);
			widths(detail, 10, 12, 16, 14, 8, 48, 12);
			wb.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The yearly summary, rank first, with the excellence threshold noted under the table. */
	void summary(int year, BigDecimal threshold, List<ServiceSummaryRow> rows, OutputStream out) {
		try {
			Workbook wb = new Workbook(out, "Gongzhi", "1.0");
			Worksheet ws = wb.newWorksheet(text("party.summary.sheet"));
			String[] headers = { "party.summary.rank", "party.card.name", "party.card.organisation",
					"party.card.employer", "party.summary.hours", "party.summary.records", "party.summary.posts",
					"party.summary.months", "party.card.reportStatus", "party.summary.reaches" };
			header(ws, 0, headers);
			int r = 1;
			for (ServiceSummaryRow row : rows) {
				ws.value(r, 0, row.rank());
				ws.value(r, 1, row.memberName());
				ws.value(r, 2, row.organisationName());
				ws.value(r, 3, row.employerUnit() == null ? "" : row.employerUnit());
				ws.value(r, 4, row.hours());
				ws.value(r, 5, row.records());
				ws.value(r, 6, row.posts());
				ws.value(r, 7, row.months());
				ws.value(r, 8, row.reportStatus() == null ? text("party.card.notReported")
						: text(row.reportStatus().messageKey()));
				ws.value(r, 9, row.reachesThreshold() ? text("party.summary.yes") : "");
				r++;
			}
			ws.value(r + 1, 0, text("party.summary.note", String.valueOf(year), ServiceCardPdf.hours(threshold)));
			widths(ws, 6, 10, 24, 20, 10, 8, 8, 8, 10, 10);
			wb.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes the column headings (message keys) into the row, bold on the heading fill. */
	private void header(Worksheet ws, int row, String[] keys) {
		for (int c = 0; c < keys.length; c++) {
			ws.value(row, c, text(keys[c]));
		}
		ws.range(row, 0, row, keys.length - 1).style().bold().fillColor(HEAD_FILL).set();
	}

	private static void widths(Worksheet ws, double... widths) {
		for (int c = 0; c < widths.length; c++) {
			ws.width(c, widths[c]);
		}
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
