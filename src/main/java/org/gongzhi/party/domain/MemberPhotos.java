package org.gongzhi.party.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ImageTypes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photo on a member's public badge (亮身份): uploaded by the member or a manager in scope, judged by its content
 * (JPEG, PNG, GIF or WebP, at most 2 MB), and served to every signed-in user once the member shows a badge; before
 * that only the member and managers who see the member may load it.
 */
@Service
public class MemberPhotos {

	static final int MAX_BYTES = 2 * 1024 * 1024;

	/** A stored photo. */
	public record Photo(String contentType, byte[] data) {
	}

	private final PartyRepository repository;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	MemberPhotos(PartyRepository repository, JdbcClient jdbc, AuditLog audit) {
		this.repository = repository;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional
	public void store(GongzhiUser me, long memberId, byte[] data) {
		PartyRepository.MemberRow member = repository.member(memberId)
			.orElseThrow(() -> DomainException.notFound("party.member.notFound"));
		boolean own = member.userId() != null && member.userId() == me.id();
		if (!own) {
			if (!PartyMembers.visible(me, member)) {
				throw DomainException.notFound("party.member.notFound");
			}
			PartyAccess.requireManager(me, member.organisationArea());
		}
		if (data == null || data.length == 0) {
			throw DomainException.invalid("photo", "party.photo.empty");
		}
		if (data.length > MAX_BYTES) {
			throw DomainException.invalid("photo", "party.photo.tooLarge");
		}
		String type = ImageTypes.of(data).orElseThrow(() -> DomainException.invalid("photo", "party.photo.type"));
		jdbc.sql("""
				insert into party.member_photo (member_id, content_type, size_bytes, data, uploaded_by)
				values (:member, :type, :size, :data, :by)
				on conflict (member_id) do update set content_type = excluded.content_type,
				       size_bytes = excluded.size_bytes, data = excluded.data, uploaded_by = excluded.uploaded_by,
				       uploaded_at = now()
				""").param("member", memberId).param("type", type).param("size", data.length).param("data", data)
			.param("by", me.id()).update();
		audit.record("party.member.photo", "party-member", String.valueOf(memberId), type);
	}

	/** The photo, when the caller may see it; empty when there is none or it is not theirs to see. */
	@Transactional(readOnly = true)
	public Optional<Photo> load(GongzhiUser me, long memberId) {
		Optional<PartyRepository.MemberRow> member = repository.member(memberId);
		if (member.isEmpty()) {
			return Optional.empty();
		}
		PartyRepository.MemberRow m = member.get();
		boolean badge = m.badgePost() != null || m.badgePromise() != null;
		boolean own = m.userId() != null && m.userId() == me.id();
		if (!badge && !own && !PartyMembers.visible(me, m)) {
			return Optional.empty();
		}
		return jdbc.sql("select content_type, data from party.member_photo where member_id = :id").param("id", memberId)
			.query((rs, n) -> new Photo(rs.getString(1), rs.getBytes(2))).optional();
	}

	/** Which of the members have a photo. */
	Set<Long> withPhoto(Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return Set.of();
		}
		List<Long> ids = jdbc.sql("select member_id from party.member_photo where member_id in (:ids)")
			.param("ids", memberIds).query(Long.class).list();
		return ids.stream().collect(Collectors.toSet());
	}

}
