package org.gongzhi.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Test helper: reads a downloaded workbook back with fastexcel-reader, one list of cell texts per row, blank rows kept
 * as empty lists so that indexes match the sheet.
 */
public final class Sheets {

	private Sheets() {
	}

	public static List<List<String>> rows(byte[] xlsx, int sheet) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
				Stream<Row> stream = wb.getSheet(sheet).orElseThrow().openStream()) {
			stream.forEach(r -> {
				while (rows.size() < r.getRowNum() - 1) {
					rows.add(List.of());
				}
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < r.getCellCount(); c++) {
					cells.add(r.getCell(c) == null ? "" : r.getCell(c).getText());
				}
				rows.add(cells);
			});
		}
		return rows;
	}

	public static int indexOf(List<List<String>> rows, String first) {
		for (int i = 0; i < rows.size(); i++) {
			if (!rows.get(i).isEmpty() && first.equals(rows.get(i).get(0))) {
				return i;
			}
		}
		throw new AssertionError("no row starting with " + first);
	}

}
