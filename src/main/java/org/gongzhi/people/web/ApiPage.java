package org.gongzhi.people.web;

import java.util.List;

import org.gongzhi.shared.PageResult;

/**
 * A page of a people API list: the rows, how many match in all, and the page asked for.
 */
record ApiPage<T>(List<T> items, long total, int page, int size) {

	static <T> ApiPage<T> of(PageResult<T> result) {
		return new ApiPage<>(result.items(), result.total(), result.page(), result.size());
	}

}
