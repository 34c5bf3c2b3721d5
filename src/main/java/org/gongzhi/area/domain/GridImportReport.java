package org.gongzhi.area.domain;

import java.io.Serializable;
import java.util.List;

/**
 * What a successful grid import did, plus warnings that did not stop it (gaps left in the community, grids reaching
 * outside it). Serializable because the import page carries it across the redirect in the (JDBC-stored) session.
 *
 * @param created codes of new grids
 * @param updated codes of grids whose polygon or name changed
 * @param gaps uncovered parts of the community, each with its area in square metres and a point inside it
 */
public record GridImportReport(String communityCode, int features, List<String> created, List<String> updated,
		List<Gap> gaps, List<String> warnings) implements Serializable {

	/** A part of the community that no grid covers (网格空白). */
	public record Gap(double areaSquareMetres, double lng, double lat) implements Serializable {
	}

}
