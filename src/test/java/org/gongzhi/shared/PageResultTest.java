package org.gongzhi.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging arithmetic and the count limit that lets the pager say "共 10 万+ 条" instead of a capped figure.
 */
class PageResultTest {

	@Test
	void pagesFollowFromTotalAndSize() {
		PageResult<String> result = new PageResult<>(List.of("a"), 1, 20, 41);
		assertThat(result.totalPages()).isEqualTo(3);
		assertThat(result.hasNext()).isTrue();
		assertThat(result.hasPrevious()).isTrue();
	}

	@Test
	void aTotalPastTheCountLimitIsShownAsMoreThanIt() {
		assertThat(new PageResult<>(List.of(), 0, 20, PageResult.COUNT_LIMIT).totalAboveLimit()).isFalse();
		assertThat(new PageResult<>(List.of(), 0, 20, PageResult.COUNT_LIMIT + 1).totalAboveLimit()).isTrue();
	}

}
