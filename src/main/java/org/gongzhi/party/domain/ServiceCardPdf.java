package org.gongzhi.party.domain;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.gongzhi.party.ServiceCard;
import org.springframework.context.MessageSource;

/**
 * The service card as an A4 PDF (OpenPDF), written in Noto Sans SC (SIL Open Font License), which ships with the
 * application under fonts and is embedded as a subset of the characters the card uses, so that every reader shows the
 * card the same way whatever fonts it has.
 */
final class ServiceCardPdf {

	private static final Color HEAD = new Color(0xF2, 0xDC, 0xDB);

	private final MessageSource messages;

	private final Locale locale;

	ServiceCardPdf(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	void write(ServiceCard card, OutputStream out) {
		BaseFont base = PdfFonts.notoSansSc();
		Font title = new Font(base, 18, Font.BOLD, new Color(0xB0, 0x1E, 0x23));
		Font normal = new Font(base, 10.5f);
		Font bold = new Font(base, 10.5f, Font.BOLD);
		Font small = new Font(base, 9);
		Document doc = new Document(PageSize.A4, 48, 48, 48, 48);
		try {
			PdfWriter.getInstance(doc, out);
			doc.addTitle(text("party.card.title") + " " + card.memberName() + " " + card.quarter());
			doc.addCreator("Gongzhi");
			doc.open();
			Paragraph heading = new Paragraph(text("party.card.title"), title);
			heading.setAlignment(Element.ALIGN_CENTER);
			doc.add(heading);
			Paragraph period = new Paragraph(text("party.card.period", String.valueOf(card.quarter().year()), card.quarter().number(),
					card.quarter().firstDay(), card.quarter().lastDay()), normal);
			period.setAlignment(Element.ALIGN_CENTER);
			period.setSpacingAfter(12);
			doc.add(period);

			PdfPTable info = new PdfPTable(new float[] { 1.2f, 2.4f, 1.2f, 2.4f });
			info.setWidthPercentage(100);
			label(info, text("party.card.name"), bold);
			value(info, card.memberName(), normal);
			label(info, text("party.card.organisation"), bold);
			value(info, card.organisationName(), normal);
			label(info, text("party.card.employer"), bold);
			value(info, card.employerUnit(), normal);
			label(info, text("party.card.community"), bold);
			value(info, card.communityName() == null ? text("party.card.notReported") : card.communityName(), normal);
			label(info, text("party.card.reportStatus"), bold);
			value(info, status(card), normal);
			label(info, text("party.card.posts"), bold);
			value(info, card.posts().isEmpty() ? text("party.card.noPosts") : String.join("、", card.posts()), normal);
			info.setSpacingAfter(12);
			doc.add(info);

			PdfPTable table = new PdfPTable(new float[] { 1.3f, 1.8f, 0.9f, 4.5f });
			table.setWidthPercentage(100);
			table.setHeaderRows(1);
			for (String h : new String[] { "party.card.servedOn", "party.card.post", "party.card.hours",
					"party.card.what" }) {
				PdfPCell cell = new PdfPCell(new Phrase(text(h), bold));
				cell.setBackgroundColor(HEAD);
				cell.setPadding(4);
				table.addCell(cell);
			}
			if (card.records().isEmpty()) {
				PdfPCell none = new PdfPCell(new Phrase(text("party.card.noRecords"), normal));
				none.setColspan(4);
				none.setPadding(6);
				none.setHorizontalAlignment(Element.ALIGN_CENTER);
				table.addCell(none);
			}
			for (ServiceCard.Entry e : card.records()) {
				value(table, e.servedOn().toString(), normal);
				value(table, e.postTitle(), normal);
				PdfPCell hours = new PdfPCell(new Phrase(hours(e.hours()), normal));
				hours.setHorizontalAlignment(Element.ALIGN_RIGHT);
				hours.setPadding(4);
				table.addCell(hours);
				value(table, e.what(), normal);
			}
			PdfPCell total = new PdfPCell(new Phrase(text("party.card.total", String.valueOf(card.count()), hours(card.totalHours())),
					bold));
			total.setColspan(4);
			total.setPadding(5);
			table.addCell(total);
			table.setSpacingAfter(8);
			doc.add(table);

			if (card.pendingCount() > 0 || card.rejectedCount() > 0) {
				doc.add(new Paragraph(text("party.card.notCounted", String.valueOf(card.pendingCount()), String.valueOf(card.rejectedCount())), small));
			}
			Paragraph confirm = new Paragraph(card.communityName() == null || card.records().isEmpty()
					? text("party.card.confirmNone")
					: text("party.card.confirmLine", card.communityName(), date(card.lastConfirmedOn())), normal);
			confirm.setSpacingBefore(10);
			doc.add(confirm);
			Paragraph seals = new Paragraph(text("party.card.seals"), normal);
			seals.setSpacingBefore(24);
			doc.add(seals);
			Paragraph made = new Paragraph(text("party.card.madeOn", card.madeOn()), small);
			made.setAlignment(Element.ALIGN_RIGHT);
			made.setSpacingBefore(12);
			doc.add(made);
			doc.close();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("the service card PDF could not be written", ex);
		}
	}

	private String status(ServiceCard card) {
		if (card.reportStatus() == null) {
			return text("party.card.notReported");
		}
		String s = text(card.reportStatus().messageKey());
		return card.reportExpiresOn() == null ? s : text("party.card.validUntil", s, card.reportExpiresOn());
	}

	private String date(LocalDate d) {
		return d == null ? "" : d.toString();
	}

	static String hours(BigDecimal h) {
		return h == null ? "0" : h.stripTrailingZeros().toPlainString();
	}

	private static void label(PdfPTable table, String text, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setBackgroundColor(HEAD);
		cell.setPadding(4);
		table.addCell(cell);
	}

	private static void value(PdfPTable table, String text, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
		cell.setPadding(4);
		table.addCell(cell);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
