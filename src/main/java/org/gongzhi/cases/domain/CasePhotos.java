package org.gongzhi.cases.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ImageTypes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos of cases (现场照片): kept in the database (JPEG, PNG, GIF or WebP, at most 5 MB each, recognised by their
 * content rather than by what the browser claims) and served at {@code /cases/photos/{id}} only to users who may see
 * the case, or before the case exists, to the user who uploaded them.
 */
@Service
public class CasePhotos {

	/** Largest photo accepted, in bytes. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	/** Where a stored photo is served; the photo's id follows. */
	public static final String URL_PREFIX = "/cases/photos/";

	private final JdbcClient jdbc;

	private final CaseRepository cases;

	private final CaseQueries queries;

	CasePhotos(JdbcClient jdbc, CaseRepository cases, CaseQueries queries) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.queries = queries;
	}

	/** A stored photo. */
	public record Photo(String id, String contentType, byte[] data) {
	}

	/**
	 * Checks and stores one photo for a case (or, with {@code caseNo == null}, for a case about to be reported) and
	 * answers its URL.
	 */
	@Transactional
	public String store(GongzhiUser me, String caseNo, byte[] data) {
		if (data == null || data.length == 0) {
			throw DomainException.invalid("photos", "case.photo.empty");
		}
		if (data.length > MAX_BYTES) {
			throw DomainException.invalid("photos", "case.photo.tooLarge");
		}
		String type = ImageTypes.of(data).orElseThrow(() -> DomainException.invalid("photos", "case.photo.type"));
		String id = UUID.randomUUID().toString();
		jdbc.sql("""
				insert into cases.case_photo (id, case_no, uploaded_by, content_type, size_bytes, data)
				values (:id, :caseNo, :by, :type, :size, :data)
				""").param("id", id).param("caseNo", caseNo).param("by", me.id()).param("type", type)
			.param("size", data.length).param("data", data).update();
		return URL_PREFIX + id;
	}

	/** Ties photos uploaded with a report to the case it created. */
	@Transactional
	public void attach(List<String> urls, String caseNo, GongzhiUser me) {
		List<String> ids = ids(urls);
		if (!ids.isEmpty()) {
			jdbc.sql("update cases.case_photo set case_no = :c where id in (:ids) and uploaded_by = :by and case_no is null")
				.param("c", caseNo).param("ids", ids).param("by", me.id()).update();
		}
	}

	/** Removes photos whose report or action was refused. */
	@Transactional
	public void discard(List<String> urls, GongzhiUser me) {
		List<String> ids = ids(urls);
		if (!ids.isEmpty()) {
			jdbc.sql("delete from cases.case_photo where id in (:ids) and uploaded_by = :by").param("ids", ids)
				.param("by", me.id()).update();
		}
	}

	/** The photo, if the user may see it. */
	@Transactional(readOnly = true)
	public Optional<Photo> load(GongzhiUser me, String id) {
		record Row(String caseNo, long uploadedBy, String type, byte[] data) {
		}
		Optional<Row> row = jdbc.sql("select case_no, uploaded_by, content_type, data from cases.case_photo where id = :id")
			.param("id", id).query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBytes(4)))
			.optional();
		return row.filter(r -> r.caseNo() == null ? r.uploadedBy() == me.id()
				: cases.find(r.caseNo()).filter(c -> queries.sees(me, c)).isPresent())
			.map(r -> new Photo(id, r.type(), r.data()));
	}

	private static List<String> ids(List<String> urls) {
		return urls == null ? List.of()
				: urls.stream().filter(u -> u != null && u.startsWith(URL_PREFIX))
					.map(u -> u.substring(URL_PREFIX.length())).toList();
	}

}
