package org.gongzhi.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list, as every list page and paged API answers it.
 *
 * @param items the rows of this page
 * @param page zero-based page number
 * @param size page size
 * @param total number of rows in all pages
 */
public record PageResult<T>(List<T> items, int page, int size, long total) {

	/**
	 * Lists whose exact count is costly may stop counting one row past this many; pages then show the total as
	 * this figure with a plus sign.
	 */
	public static final long COUNT_LIMIT = 100_000;

	/** Whether the total is past {@link #COUNT_LIMIT}, so pages say more than that instead of a figure. */
	public boolean totalAboveLimit() {
		return total > COUNT_LIMIT;
	}

	public int totalPages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public <R> PageResult<R> map(Function<T, R> f) {
		return new PageResult<>(items.stream().map(f).toList(), page, size, total);
	}

	/** Clamps a requested page size to 1..max, defaulting to {@code def}. */
	public static int size(Integer requested, int def, int max) {
		if (requested == null || requested < 1) {
			return def;
		}
		return Math.min(requested, max);
	}

}
