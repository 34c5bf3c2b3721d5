package org.gongzhi.party.domain;

import java.io.IOException;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * Test helper: the text a PDF shows, page after page, as OpenPDF's text extractor reads it back through the embedded
 * font's Unicode map.
 */
public final class PdfText {

	private PdfText() {
	}

	public static String of(byte[] pdf) throws IOException {
		PdfReader reader = new PdfReader(pdf);
		try {
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			StringBuilder text = new StringBuilder();
			for (int p = 1; p <= reader.getNumberOfPages(); p++) {
				text.append(extractor.getTextFromPage(p)).append('\n');
			}
			return text.toString();
		}
		finally {
			reader.close();
		}
	}

}
