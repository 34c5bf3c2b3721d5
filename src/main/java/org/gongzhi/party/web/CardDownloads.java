package org.gongzhi.party.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.Quarter;
import org.gongzhi.party.ServiceCard;
import org.gongzhi.party.domain.ServiceCards;
import org.gongzhi.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Service card and summary downloads shared by the API and the pages: the bytes with their content type and a
 * Chinese file name (RFC 5987 filename* parameter, with an ASCII fallback).
 */
final class CardDownloads {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private CardDownloads() {
	}

	/** One member's card as pdf or xlsx; any other format is a 400. */
	static ResponseEntity<byte[]> card(ServiceCards cards, MessageSource messages, GongzhiUser me, long memberId,
			String quarterText, String format, Locale locale) {
		Quarter quarter = Quarter.parse(quarterText);
		String f = format == null || format.isBlank() ? "pdf" : format.strip().toLowerCase(Locale.ROOT);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ServiceCard card;
		MediaType type;
		if (f.equals("pdf")) {
			card = cards.pdf(me, memberId, quarter, locale, out);
			type = MediaType.APPLICATION_PDF;
		}
		else if (f.equals("xlsx")) {
			card = cards.xlsx(me, memberId, quarter, locale, out);
			type = XLSX;
		}
		else {
			throw new DomainException(HttpStatus.BAD_REQUEST, "party.card.format.invalid", "format", null, f);
		}
		String name = messages.getMessage("party.card.file", new Object[] { card.memberName(), quarter.toString() },
				locale) + "." + f;
		return ResponseEntity.ok().headers(headers(type, name, "service-card-" + memberId + "-" + quarter + "." + f))
			.body(out.toByteArray());
	}

	static HttpHeaders headers(MediaType type, String fileName, String asciiName) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(type);
		String encoded = ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
		headers.set(HttpHeaders.CONTENT_DISPOSITION,
				encoded.replaceFirst("^attachment; ", "attachment; filename=\"" + asciiName + "\"; "));
		headers.setCacheControl("no-store");
		return headers;
	}

	static ResponseEntity<byte[]> xlsx(byte[] body, String fileName, String asciiName) {
		return ResponseEntity.ok().headers(headers(XLSX, fileName, asciiName)).body(body);
	}

}
