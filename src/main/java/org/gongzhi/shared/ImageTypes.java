package org.gongzhi.shared;

import java.util.Optional;

/**
 * Recognises the photos the platform accepts (JPEG, PNG, GIF, WebP) from their first bytes, so that an upload is
 * judged by its content and not by the file name or the type the browser claims.
 */
public final class ImageTypes {

	private ImageTypes() {
	}

	/** The media type of the image, such as image/jpeg, or empty when the bytes are not an accepted photo. */
	public static Optional<String> of(byte[] b) {
		if (b == null || b.length < 12) {
			return Optional.empty();
		}
		if ((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
			return Optional.of("image/jpeg");
		}
		if ((b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
			return Optional.of("image/png");
		}
		if (b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
			return Optional.of("image/gif");
		}
		if (b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
				&& b[11] == 'P') {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

}
