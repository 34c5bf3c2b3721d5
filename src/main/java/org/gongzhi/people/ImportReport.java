package org.gongzhi.people;

import java.util.List;

/**
 * The answer of an import: how many residents were imported (or updated), how many rows were rejected, and every
 * error. With any error nothing is imported.
 */
public record ImportReport(int imported, int rejected, List<ImportError> errors) {
}
