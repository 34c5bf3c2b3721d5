package org.gongzhi.party.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfReader;

/**
 * Test helper: the text a PDF shows, read from its page content streams. The cards use the Adobe CJK font
 * STSong-Light with the UniGB-UCS2-H encoding, so every shown string is UCS-2 big-endian; OpenPDF's own text
 * extractor cannot map a non-embedded CJK font back to Unicode, so the strings are decoded here.
 */
public final class PdfText {

	private PdfText() {
	}

	public static String of(byte[] pdf) throws IOException {
		PdfReader reader = new PdfReader(pdf);
		StringBuilder text = new StringBuilder();
		for (int p = 1; p <= reader.getNumberOfPages(); p++) {
			PRTokeniser tokens = new PRTokeniser(reader.getPageContent(p));
			while (tokens.nextToken()) {
				if (tokens.getTokenType() == PRTokeniser.TK_STRING) {
					byte[] bytes = tokens.getStringValue().getBytes(StandardCharsets.ISO_8859_1);
					text.append(new String(bytes, StandardCharsets.UTF_16BE));
				}
				else if (tokens.getTokenType() == PRTokeniser.TK_OTHER && "ET".equals(tokens.getStringValue())) {
					text.append('\n');
				}
			}
		}
		reader.close();
		return text.toString();
	}

}
