package org.gongzhi.area.domain;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * Reads and writes GeoJSON geometries (WGS-84, SRID 4326) with 7 decimals (about 1 cm).
 */
public final class GeoJson {

	static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

	private GeoJson() {
	}

	public static Geometry read(String json) throws ParseException {
		return new GeoJsonReader(FACTORY).read(json);
	}

	/** Reads a geometry that was written by this class and is known to be valid. */
	public static Geometry readStored(String json) {
		try {
			return read(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Stored geometry is not GeoJSON", ex);
		}
	}

	public static String write(Geometry geometry) {
		GeoJsonWriter writer = new GeoJsonWriter(7);
		writer.setEncodeCRS(false);
		return writer.write(geometry);
	}

}
