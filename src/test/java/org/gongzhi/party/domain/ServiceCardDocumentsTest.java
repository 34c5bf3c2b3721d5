package org.gongzhi.party.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.gongzhi.party.Quarter;
import org.gongzhi.party.ReportStatus;
import org.gongzhi.party.ServiceCard;
import org.gongzhi.support.Sheets;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The card documents as the employer organisation reads them: the PDF carries the member's name, the records and the
 * total hours in Chinese text a reader can extract, and the workbook has one row per confirmed record.
 */
class ServiceCardDocumentsTest {

	static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasenames("messages/party", "messages/party_cards");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	static final ServiceCard CARD = new ServiceCard(7, "欧阳明月", "示范区税务局机关党委", "示范区税务局", new Quarter(2026, 3),
			"110199001001", "福康社区", ReportStatus.ACCEPTED, LocalDate.of(2026, 12, 31), List.of("楼栋长（福康社区）"),
			List.of(new ServiceCard.Entry(LocalDate.of(2026, 7, 5), "楼栋长", "福康社区", new BigDecimal("2.5"), "走访独居老人三户",
					LocalDate.of(2026, 7, 6)),
					new ServiceCard.Entry(LocalDate.of(2026, 8, 9), "楼栋长", "福康社区", new BigDecimal("3.0"), "清理楼道杂物",
							LocalDate.of(2026, 8, 10))),
			new BigDecimal("5.5"), 1, 2, LocalDate.of(2026, 8, 10), LocalDate.of(2026, 10, 8));

	@Test
	void thePdfCarriesTheNameRecordsAndHoursAsChineseText() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new ServiceCardPdf(MESSAGES, Locale.SIMPLIFIED_CHINESE).write(CARD, out);
		String text = PdfText.of(out.toByteArray());
		assertThat(text).contains("在职党员季度服务卡").contains("2026年第三季度").contains("欧阳明月").contains("示范区税务局机关党委")
			.contains("走访独居老人三户").contains("合计：服务 2 次，共 5.5 小时").contains("待确认 1 条、未通过 2 条")
			.contains("福康社区确认");
		String raw = new String(out.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(raw).as("Noto Sans SC is embedded as a subset").contains("NotoSansSC").contains("FontFile2");
		assertThat(out.size()).as("a subset, not the whole 10 MB font").isLessThan(200_000);
	}

	@Test
	void theWorkbookHasOneRowPerConfirmedRecordAndTheTotal() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new ServiceCardExcel(MESSAGES, Locale.SIMPLIFIED_CHINESE).card(CARD, out);
		List<List<String>> rows = Sheets.rows(out.toByteArray(), 0);
		assertThat(rows.get(1)).containsExactly("姓名", "欧阳明月");
		int head = Sheets.indexOf(rows, "服务日期");
		assertThat(rows.get(head + 1)).startsWith("2026-07-05", "楼栋长", "福康社区", "2.5", "走访独居老人三户");
		assertThat(rows.get(head + 2)).startsWith("2026-08-09", "楼栋长", "福康社区", "3.0", "清理楼道杂物");
		assertThat(rows.get(head + 3).get(0)).isEqualTo("合计");
		assertThat(rows.get(head + 3).get(3)).isEqualTo("5.5");
	}

}
