package org.gongzhi.cases.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gongzhi.cases.domain.CasePhotos;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.shared.ImageTypes;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The photos of a report or action form: at most three images of at most 5 MB each, checked before anything is
 * stored.
 */
@Component
class PhotoUploads {

	static final int MAX_PHOTOS = 3;

	private final CasePhotos photos;

	PhotoUploads(CasePhotos photos) {
		this.photos = photos;
	}

	/** The files the user actually chose (browsers send one empty part when none was chosen). */
	static List<MultipartFile> chosen(List<MultipartFile> files) {
		return files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
	}

	/** The message key of what is wrong with the files, if anything. */
	static Optional<String> problem(List<MultipartFile> files) {
		if (files.size() > MAX_PHOTOS) {
			return Optional.of("case.photo.tooMany");
		}
		for (MultipartFile f : files) {
			if (f.getSize() > CasePhotos.MAX_BYTES) {
				return Optional.of("case.photo.tooLarge");
			}
			if (ImageTypes.of(bytes(f)).isEmpty()) {
				return Optional.of("case.photo.type");
			}
		}
		return Optional.empty();
	}

	/** Stores the (already checked) files; answers their URLs. */
	List<String> store(GongzhiUser me, String caseNo, List<MultipartFile> files) {
		List<String> urls = new ArrayList<>();
		for (MultipartFile f : files) {
			urls.add(photos.store(me, caseNo, bytes(f)));
		}
		return urls;
	}

	void discard(GongzhiUser me, List<String> urls) {
		photos.discard(urls, me);
	}

	private static byte[] bytes(MultipartFile f) {
		try {
			return f.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
