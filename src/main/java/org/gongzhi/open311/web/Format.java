package org.gongzhi.open311.web;

import java.util.Locale;
import java.util.Optional;

import org.springframework.http.MediaType;

/**
 * The two GeoReport formats, chosen by the resource's extension ({@code services.xml}); JSON without one.
 */
enum Format {

	JSON("json", MediaType.parseMediaType("application/json;charset=UTF-8")),
	XML("xml", MediaType.parseMediaType("text/xml;charset=UTF-8"));

	private final String extension;

	private final MediaType mediaType;

	Format(String extension, MediaType mediaType) {
		this.extension = extension;
		this.mediaType = mediaType;
	}

	MediaType mediaType() {
		return mediaType;
	}

	/** The format of an extension; {@code null} means none given (JSON), an unknown one gives empty. */
	static Optional<Format> of(String extension) {
		if (extension == null) {
			return Optional.of(JSON);
		}
		for (Format f : values()) {
			if (f.extension.equalsIgnoreCase(extension)) {
				return Optional.of(f);
			}
		}
		return Optional.empty();
	}

	/** The format a request path asks for, for error bodies: XML when it ends with {@code .xml}, else JSON. */
	static Format ofPath(String path) {
		return path != null && path.toLowerCase(Locale.ROOT).endsWith(".xml") ? XML : JSON;
	}

	/** A path segment such as {@code 0101.xml} split into its id and format; an unknown extension stays in the id. */
	static Resource split(String segment) {
		int dot = segment.lastIndexOf('.');
		if (dot > 0) {
			Optional<Format> format = of(segment.substring(dot + 1));
			if (format.isPresent()) {
				return new Resource(segment.substring(0, dot), format.get());
			}
		}
		return new Resource(segment, JSON);
	}

	/** A resource id with the format it was asked in. */
	record Resource(String id, Format format) {
	}

}
