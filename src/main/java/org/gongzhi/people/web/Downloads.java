package org.gongzhi.people.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Headers of an .xlsx download with a Chinese file name.
 */
final class Downloads {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private Downloads() {
	}

	static HttpHeaders xlsx(String fileName) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(XLSX);
		headers.setContentDisposition(ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build());
		headers.setCacheControl("no-store");
		return headers;
	}

}
