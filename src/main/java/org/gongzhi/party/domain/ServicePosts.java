package org.gongzhi.party.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.party.MemberView;
import org.gongzhi.party.PostCmd;
import org.gongzhi.party.PostView;
import org.gongzhi.party.ServiceCmd;
import org.gongzhi.party.ServiceRecordView;
import org.gongzhi.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service posts (设岗定责): communities publish posts, members reported to the community claim them (认岗) up to the
 * headcount, the community sees who has not claimed any, and service records (服务记录) are confirmed by the community.
 */
@Service
public class ServicePosts {

	private final PartyRepository repository;

	private final Areas areas;

	private final AuditLog audit;

	ServicePosts(PartyRepository repository, Areas areas, AuditLog audit) {
		this.repository = repository;
		this.areas = areas;
		this.audit = audit;
	}

	@Transactional
	public PostView publish(GongzhiUser me, PostCmd cmd) {
		areas.find(cmd.communityCode()).filter(a -> a.level() == AreaLevel.COMMUNITY)
			.orElseThrow(() -> DomainException.invalid("communityCode", "party.community.unknown"));
		PartyAccess.requireManager(me, cmd.communityCode());
		long id = repository.insertPost(cmd);
		audit.record("party.post.create", "party-post", String.valueOf(id), cmd.title());
		return view(repository.postForUpdate(id).orElseThrow(), null);
	}

	/**
	 * Staff see the posts of their scope (or one community); a member sees the posts of the communities they are
	 * validly reported to.
	 */
	@Transactional(readOnly = true)
	public List<PostView> posts(GongzhiUser me, String community) {
		Optional<PartyRepository.MemberRow> self = repository.memberOfUser(me.id());
		List<String> patterns;
		if (PartyAccess.staff(me)) {
			if (community != null && !community.isBlank()) {
				PartyAccess.requireScope(me, community.strip());
				patterns = List.of(community.strip() + "%");
			}
			else {
				patterns = List.of(PartyAccess.prefix(me));
			}
		}
		else {
			patterns = self.map(m -> repository.reportedCommunities(m.id(), today())).orElse(List.of());
		}
		Long memberId = self.map(PartyRepository.MemberRow::id).orElse(null);
		return repository.posts(patterns).stream().map(p -> view(p, memberId)).toList();
	}

	@Transactional
	public PostView claim(GongzhiUser me, long postId, Long memberId) {
		PartyRepository.PostRow post = repository.postForUpdate(postId)
			.orElseThrow(() -> DomainException.notFound("party.post.notFound"));
		PartyRepository.MemberRow member;
		if (memberId == null) {
			member = repository.memberOfUser(me.id())
				.orElseThrow(() -> DomainException.invalid("memberId", "party.member.notLinked"));
		}
		else {
			member = repository.member(memberId)
				.orElseThrow(() -> DomainException.invalid("memberId", "party.member.unknown"));
			if (member.userId() == null || member.userId() != me.id()) {
				PartyAccess.requireManager(me, post.communityCode());
			}
		}
		if (!repository.reportedTo(member.id(), post.communityCode(), today())) {
			throw DomainException.conflict("party.claim.notReported");
		}
		if (!post.open()) {
			throw DomainException.conflict("party.claim.closed");
		}
		if (repository.claimed(postId, member.id())) {
			throw DomainException.conflict("party.claim.already");
		}
		if (repository.claimsOf(postId).size() >= post.headcount()) {
			throw DomainException.conflict("party.claim.full");
		}
		long claim = repository.insertClaim(postId, member.id());
		audit.record("party.post.claim", "party-claim", String.valueOf(claim), member.name() + " → " + post.title());
		return view(post, member.id());
	}

	/** Members reported to the community who hold none of its posts (未认岗). */
	@Transactional(readOnly = true)
	public List<MemberView> withoutPost(GongzhiUser me, String community) {
		PartyAccess.requireStaff(me);
		PartyAccess.requireScope(me, community);
		return repository.reportedWithoutPost(community, today()).stream().map(PartyMembers::view).toList();
	}

	@Transactional
	public ServiceRecordView record(GongzhiUser me, long claimId, ServiceCmd cmd) {
		PartyRepository.ClaimRow claim = repository.claim(claimId)
			.orElseThrow(() -> DomainException.notFound("party.claim.notFound"));
		boolean own = claim.memberUserId() != null && claim.memberUserId() == me.id();
		if (!own) {
			if (!me.scope().covers(claim.communityCode())) {
				throw DomainException.notFound("party.claim.notFound");
			}
			PartyAccess.requireManager(me, claim.communityCode());
		}
		long id = repository.insertRecord(claimId, cmd.servedOn(), cmd.hours(), cmd.what(), "PENDING", null, null);
		audit.record("party.service.record", "party-service", String.valueOf(id), claim.memberName() + " " + cmd.hours() + "h");
		return view(repository.record(id).orElseThrow());
	}

	@Transactional
	public ServiceRecordView confirm(GongzhiUser me, long recordId, boolean confirmed) {
		PartyRepository.RecordRow row = repository.record(recordId)
			.orElseThrow(() -> DomainException.notFound("party.service.notFound"));
		if (!me.scope().covers(row.communityCode())) {
			throw DomainException.notFound("party.service.notFound");
		}
		PartyAccess.requireManager(me, row.communityCode());
		if (repository.confirm(recordId, confirmed ? "CONFIRMED" : "REJECTED", me.id(), Instant.now()) == 0) {
			throw DomainException.conflict("party.service.decided");
		}
		audit.record(confirmed ? "party.service.confirm" : "party.service.reject", "party-service",
				String.valueOf(recordId), row.memberName());
		return view(repository.record(recordId).orElseThrow());
	}

	/** Service records of the user's scope, pending first; a member without scope sees their own. */
	@Transactional(readOnly = true)
	public List<ServiceRecordView> records(GongzhiUser me, String community) {
		if (PartyAccess.staff(me)) {
			String pattern = PartyAccess.prefix(me);
			if (community != null && !community.isBlank()) {
				PartyAccess.requireScope(me, community.strip());
				pattern = community.strip() + "%";
			}
			return repository.records(pattern, null, null, 300).stream().map(ServicePosts::view).toList();
		}
		return repository.memberOfUser(me.id())
			.map(m -> repository.records("%", m.id(), null, 300).stream().map(ServicePosts::view).toList())
			.orElse(List.of());
	}

	/** The claims of the signed-in member, as posts. */
	@Transactional(readOnly = true)
	public List<PostView> myPosts(GongzhiUser me) {
		return posts(me, null).stream().filter(PostView::claimedByMe).toList();
	}

	private PostView view(PartyRepository.PostRow p, Long memberId) {
		List<PostView.Claim> claims = repository.claimsOf(p.id());
		return new PostView(p.id(), p.communityCode(),
				areas.find(p.communityCode()).map(AreaView::name).orElse(p.communityCode()), p.kind(), p.title(),
				p.skills(), p.headcount(), p.description(), p.open(), claims,
				memberId == null ? null : claims.stream().filter(c -> c.memberId() == memberId)
					.map(PostView.Claim::id).findFirst().orElse(null));
	}

	static ServiceRecordView view(PartyRepository.RecordRow r) {
		return new ServiceRecordView(r.id(), r.claimId(), r.postId(), r.postTitle(), r.memberId(), r.memberName(),
				r.servedOn(), r.hours(), r.what(), r.status());
	}

	private static LocalDate today() {
		return LocalDate.now(PartyMembers.ZONE);
	}

}
