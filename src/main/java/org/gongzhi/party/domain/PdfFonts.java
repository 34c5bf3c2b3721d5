package org.gongzhi.party.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;

/**
 * The font of the PDFs the party module writes: Noto Sans SC Regular (SIL Open Font License, see
 * fonts/NotoSansSC-OFL.txt), read once from the classpath and embedded as a subset with Identity-H encoding, so any
 * Chinese character prints and the file carries only the glyphs it uses.
 */
final class PdfFonts {

	static final String NOTO_SANS_SC = "fonts/NotoSansSC-Regular.ttf";

	private static volatile BaseFont notoSansSc;

	private PdfFonts() {
	}

	static BaseFont notoSansSc() {
		BaseFont font = notoSansSc;
		if (font == null) {
			synchronized (PdfFonts.class) {
				font = notoSansSc;
				if (font == null) {
					font = load();
					notoSansSc = font;
				}
			}
		}
		return font;
	}

	private static BaseFont load() {
		try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(NOTO_SANS_SC)) {
			if (in == null) {
				throw new IllegalStateException("the PDF font " + NOTO_SANS_SC + " is missing from the classpath");
			}
			byte[] ttf = in.readAllBytes();
			BaseFont font = BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
					ttf, null);
			font.setSubset(true);
			return font;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (DocumentException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
