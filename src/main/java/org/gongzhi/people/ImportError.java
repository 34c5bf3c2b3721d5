package org.gongzhi.people;

/**
 * One problem of an import: the row as Excel numbers it (the header is row 1), the column header and what is wrong.
 * In a bulk import of records, row 2 is the first record.
 */
public record ImportError(int row, String column, String message) {
}
