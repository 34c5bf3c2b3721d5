package org.gongzhi.party.domain;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.party.NeedCategory;
import org.gongzhi.party.NeedCmd;
import org.gongzhi.party.NeedSource;
import org.gongzhi.party.NeedStatus;
import org.gongzhi.party.ProjectStatus;
import org.gongzhi.party.ProjectView;
import org.gongzhi.party.ProviderKind;
import org.gongzhi.party.ResourceCmd;
import org.gongzhi.party.ResourceKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables of the three lists (需求, 资源, 项目, 里程碑) and unit accounts through hand-written SQL.
 */
@Repository
class ListsRepository {

	record NeedRow(long id, String areaCode, String communityCode, String title, NeedCategory category,
			String description, NeedSource source, String caseNo, Double lng, Double lat, LocalDate wantedBy,
			NeedStatus status, Instant createdAt, Long projectId) {
	}

	record ResourceRow(long id, ProviderKind providerKind, String providerKey, String providerName,
			Long organisationId, Long memberUnitId, Long memberId, ResourceKind kind, NeedCategory category,
			String title, String description, String capacity, String availability, String areaCode, Double lng,
			Double lat, String status, Instant createdAt, long liveProjects) {
	}

	record ProjectRow(long id, long needId, String needTitle, NeedCategory category, Long resourceId,
			String resourceTitle, String offer, ProviderKind providerKind, String providerKey, String providerName,
			String claimedBy, String title, String communityCode, Long ownerUserId, String ownerName, int progress,
			String result, ProjectStatus status, Instant startedAt, Instant finishedAt) {
	}

	/** A provider as stored in the party tables: its key, display name and the area its scope check uses. */
	record ProviderRow(ProviderKind kind, long id, String key, String name, String areaCode) {
	}

	/** Filters shared by the need list and its count. */
	record NeedFilter(String communityPattern, String q, NeedCategory category, NeedStatus status) {
	}

	/** Filters shared by the resource list and its count. */
	record ResourceFilter(String q, ResourceKind kind, NeedCategory category, String providerKey, boolean openOnly) {
	}

	/** Filters shared by the project board and its count. */
	record ProjectFilter(String communityPattern, String q, ProjectStatus status, String providerKey) {
	}

	private static final String NEED_SELECT = """
			select n.id, n.area_code, n.community_code, n.title, n.category, n.description, n.source, n.case_no, n.lng,
			       n.lat, n.wanted_by, n.status, n.created_at,
			       (select p.id from party.project p where p.need_id = n.id and p.status <> 'STOPPED') as project_id
			from party.need n
			""";

	private static final String NEED_WHERE = """
			where n.community_code like :p
			  and (:q = '' or n.title like '%' || :q || '%' or n.description like '%' || :q || '%')
			  and (:category = '' or n.category = :category) and (:status = '' or n.status = :status)
			""";

	private static final String RESOURCE_SELECT = """
			select r.id, r.provider_kind, r.provider_key, r.provider_name, r.organisation_id, r.member_unit_id,
			       r.member_id, r.kind, r.category, r.title, r.description, r.capacity, r.availability, r.area_code,
			       r.lng, r.lat, r.status, r.created_at,
			       (select count(*) from party.project p where p.resource_id = r.id and p.status = 'ACTIVE') as live
			from party.resource r
			""";

	private static final String RESOURCE_WHERE = """
			where (:q = '' or r.title like '%' || :q || '%' or r.description like '%' || :q || '%'
			       or r.provider_name like '%' || :q || '%')
			  and (:kind = '' or r.kind = :kind) and (:category = '' or r.category = :category)
			  and (:provider = '' or r.provider_key = :provider) and (not :openOnly or r.status = 'OPEN')
			""";

	private static final String PROJECT_SELECT = """
			select p.id, p.need_id, n.title as need_title, n.category, p.resource_id, r.title as resource_title, p.offer,
			       p.provider_kind, p.provider_key, p.provider_name, p.claimed_by, p.title, p.community_code,
			       p.owner_user_id, p.owner_name, p.progress, p.result, p.status, p.started_at, p.finished_at
			from party.project p
			join party.need n on n.id = p.need_id
			left join party.resource r on r.id = p.resource_id
			""";

	private static final String PROJECT_WHERE = """
			where p.community_code like :p
			  and (:q = '' or p.title like '%' || :q || '%' or p.provider_name like '%' || :q || '%')
			  and (:status = '' or p.status = :status) and (:provider = '' or p.provider_key = :provider)
			""";

	private final JdbcClient jdbc;

	ListsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// unit accounts and providers

	void linkUnitAccount(long userId, long organisationId, Long memberUnitId) {
		jdbc.sql("""
				insert into party.unit_account (user_id, organisation_id, member_unit_id) values (:u, :o, :m)
				on conflict (user_id) do update set organisation_id = :o, member_unit_id = :m, linked_at = now()
				""").param("u", userId).param("o", organisationId).param("m", memberUnitId).update();
	}

	/** The unit an account speaks for: a member unit when the link names one, else the organisation. */
	Optional<ProviderRow> unitOfUser(long userId) {
		return jdbc.sql("select organisation_id, member_unit_id from party.unit_account where user_id = :u")
			.param("u", userId)
			.query((rs, n) -> rs.getObject("member_unit_id") != null
					? provider(ProviderKind.MEMBER_UNIT, rs.getLong("member_unit_id"))
					: provider(ProviderKind.ORGANISATION, rs.getLong("organisation_id")))
			.optional().flatMap(p -> p);
	}

	Optional<ProviderRow> memberProviderOfUser(long userId) {
		return jdbc.sql("select id from party.member where user_id = :u").param("u", userId).query(Long.class)
			.optional().flatMap(id -> provider(ProviderKind.MEMBER, id));
	}

	Optional<ProviderRow> provider(ProviderKind kind, long id) {
		String sql = switch (kind) {
			case ORGANISATION -> "select o.name, o.area_code from party.organisation o where o.id = :id";
			case MEMBER_UNIT -> """
					select u.name, o.area_code from party.member_unit u join party.organisation o on o.id = u.organisation_id
					where u.id = :id""";
			case MEMBER -> """
					select m.name, coalesce(m.residence_area_code, o.area_code) as area_code from party.member m
					join party.organisation o on o.id = m.organisation_id where m.id = :id""";
		};
		return jdbc.sql(sql).param("id", id)
			.query((rs, n) -> new ProviderRow(kind, id, key(kind, id), rs.getString("name"), rs.getString("area_code")))
			.optional();
	}

	static String key(ProviderKind kind, long id) {
		return switch (kind) {
			case ORGANISATION -> "O:" + id;
			case MEMBER_UNIT -> "U:" + id;
			case MEMBER -> "M:" + id;
		};
	}

	/** Completed projects per provider key. */
	Map<String, Long> delivered() {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("select provider_key, count(*) as n from party.project where status = 'DONE' group by provider_key")
			.query((rs, n) -> counts.put(rs.getString("provider_key"), rs.getLong("n"))).list();
		return counts;
	}

	long deliveredBy(String providerKey) {
		return jdbc.sql("select count(*) from party.project where status = 'DONE' and provider_key = :k")
			.param("k", providerKey).query(Long.class).single();
	}

	// needs

	long insertNeed(NeedCmd cmd, String communityCode, Double lng, Double lat, Long by, Instant at) {
		return jdbc.sql("""
				insert into party.need (area_code, community_code, title, category, description, source, case_no, lng, lat,
				       wanted_by, created_by, created_at)
				values (:area, :community, :title, :category, :description, :source, :caseNo, :lng, :lat, :wantedBy, :by,
				        :at) returning id
				""").param("area", cmd.areaCode().strip()).param("community", communityCode)
			.param("title", cmd.title().strip()).param("category", cmd.category().name())
			.param("description", PartyRepository.blank(cmd.description())).param("source", cmd.source().name())
			.param("caseNo", PartyRepository.blank(cmd.caseNo())).param("lng", lng).param("lat", lat)
			.param("wantedBy", date(cmd.wantedBy())).param("by", by).param("at", Timestamp.from(at))
			.query(Long.class).single();
	}

	Optional<NeedRow> need(long id) {
		return jdbc.sql(NEED_SELECT + " where n.id = :id").param("id", id).query(ListsRepository::need).optional();
	}

	Optional<NeedRow> needForUpdate(long id) {
		return jdbc.sql(NEED_SELECT + " where n.id = :id for update of n").param("id", id)
			.query(ListsRepository::need).optional();
	}

	List<NeedRow> needs(NeedFilter f, int offset, int limit) {
		return jdbc.sql(NEED_SELECT + NEED_WHERE + """
				order by (n.status = 'OPEN') desc, n.wanted_by nulls last, n.created_at desc, n.id desc
				offset :offset limit :limit
				""").params(needParams(f)).param("offset", offset).param("limit", limit)
			.query(ListsRepository::need).list();
	}

	long countNeeds(NeedFilter f) {
		return jdbc.sql("select count(*) from party.need n " + NEED_WHERE).params(needParams(f)).query(Long.class)
			.single();
	}

	private static Map<String, Object> needParams(NeedFilter f) {
		Map<String, Object> p = new HashMap<>();
		p.put("p", f.communityPattern());
		p.put("q", f.q() == null ? "" : f.q().strip());
		p.put("category", f.category() == null ? "" : f.category().name());
		p.put("status", f.status() == null ? "" : f.status().name());
		return p;
	}

	int setNeedStatus(long id, NeedStatus from, NeedStatus to) {
		return jdbc.sql("update party.need set status = :to, version = version + 1 where id = :id and status = :from")
			.param("to", to.name()).param("from", from.name()).param("id", id).update();
	}

	// resources

	long insertResource(ProviderRow provider, ResourceCmd cmd, Long by, Instant at) {
		return jdbc.sql("""
				insert into party.resource (provider_kind, provider_key, provider_name, organisation_id, member_unit_id,
				       member_id, kind, category, title, description, capacity, availability, area_code, lng, lat,
				       created_by, created_at)
				values (:pkind, :pkey, :pname, :org, :unit, :member, :kind, :category, :title, :description, :capacity,
				        :availability, :area, :lng, :lat, :by, :at) returning id
				""").param("pkind", provider.kind().name()).param("pkey", provider.key()).param("pname", provider.name())
			.param("org", provider.kind() == ProviderKind.ORGANISATION ? provider.id() : null)
			.param("unit", provider.kind() == ProviderKind.MEMBER_UNIT ? provider.id() : null)
			.param("member", provider.kind() == ProviderKind.MEMBER ? provider.id() : null)
			.param("kind", cmd.kind().name()).param("category", cmd.category().name())
			.param("title", cmd.title().strip()).param("description", PartyRepository.blank(cmd.description()))
			.param("capacity", PartyRepository.blank(cmd.capacity()))
			.param("availability", PartyRepository.blank(cmd.availability()))
			.param("area", PartyRepository.blank(cmd.areaCode())).param("lng", cmd.lng()).param("lat", cmd.lat())
			.param("by", by).param("at", Timestamp.from(at)).query(Long.class).single();
	}

	/** The user who published the need or resource (party.need or party.resource), if recorded. */
	Optional<Long> publisher(String table, long id) {
		String sql = switch (table) {
			case "need" -> "select created_by from party.need where id = :id and created_by is not null";
			case "resource" -> "select created_by from party.resource where id = :id and created_by is not null";
			default -> throw new IllegalArgumentException(table);
		};
		return jdbc.sql(sql).param("id", id).query(Long.class).optional();
	}

	Optional<ResourceRow> resource(long id) {
		return jdbc.sql(RESOURCE_SELECT + " where r.id = :id").param("id", id).query(ListsRepository::resource)
			.optional();
	}

	List<ResourceRow> resources(ResourceFilter f, int offset, int limit) {
		return jdbc.sql(RESOURCE_SELECT + RESOURCE_WHERE + """
				order by (r.status = 'OPEN') desc, r.created_at desc, r.id desc offset :offset limit :limit
				""").params(resourceParams(f)).param("offset", offset).param("limit", limit)
			.query(ListsRepository::resource).list();
	}

	long countResources(ResourceFilter f) {
		return jdbc.sql("select count(*) from party.resource r " + RESOURCE_WHERE).params(resourceParams(f))
			.query(Long.class).single();
	}

	/** Every open resource, for matching. */
	List<ResourceRow> openResources() {
		return jdbc.sql(RESOURCE_SELECT + " where r.status = 'OPEN' order by r.id").query(ListsRepository::resource)
			.list();
	}

	private static Map<String, Object> resourceParams(ResourceFilter f) {
		Map<String, Object> p = new HashMap<>();
		p.put("q", f.q() == null ? "" : f.q().strip());
		p.put("kind", f.kind() == null ? "" : f.kind().name());
		p.put("category", f.category() == null ? "" : f.category().name());
		p.put("provider", f.providerKey() == null ? "" : f.providerKey());
		p.put("openOnly", f.openOnly());
		return p;
	}

	int withdrawResource(long id) {
		return jdbc.sql("update party.resource set status = 'WITHDRAWN', version = version + 1 where id = :id and status = 'OPEN'")
			.param("id", id).update();
	}

	// projects

	long insertProject(long needId, Long resourceId, String offer, ProviderRow provider, String claimedBy,
			String title, String communityCode, Long ownerUserId, String ownerName, Instant at) {
		return jdbc.sql("""
				insert into party.project (need_id, resource_id, offer, provider_kind, provider_key, provider_name,
				       claimed_by, title, community_code, owner_user_id, owner_name, started_at)
				values (:need, :resource, :offer, :pkind, :pkey, :pname, :claimedBy, :title, :community, :owner,
				        :ownerName, :at) returning id
				""").param("need", needId).param("resource", resourceId).param("offer", PartyRepository.blank(offer))
			.param("pkind", provider.kind().name()).param("pkey", provider.key()).param("pname", provider.name())
			.param("claimedBy", claimedBy).param("title", title).param("community", communityCode)
			.param("owner", ownerUserId).param("ownerName", ownerName).param("at", Timestamp.from(at))
			.query(Long.class).single();
	}

	Optional<ProjectRow> project(long id) {
		return jdbc.sql(PROJECT_SELECT + " where p.id = :id").param("id", id).query(ListsRepository::project)
			.optional();
	}

	Optional<ProjectRow> projectForUpdate(long id) {
		return jdbc.sql(PROJECT_SELECT + " where p.id = :id for update of p").param("id", id)
			.query(ListsRepository::project).optional();
	}

	List<ProjectRow> projects(ProjectFilter f, int offset, int limit) {
		return jdbc.sql(PROJECT_SELECT + PROJECT_WHERE + """
				order by (p.status = 'ACTIVE') desc, coalesce(p.finished_at, p.started_at) desc, p.id desc
				offset :offset limit :limit
				""").params(projectParams(f)).param("offset", offset).param("limit", limit)
			.query(ListsRepository::project).list();
	}

	long countProjects(ProjectFilter f) {
		return jdbc.sql("select count(*) from party.project p " + PROJECT_WHERE).params(projectParams(f))
			.query(Long.class).single();
	}

	/** Projects per status on the board (under the community pattern). */
	Map<ProjectStatus, Long> projectCounts(String communityPattern) {
		Map<ProjectStatus, Long> counts = new HashMap<>();
		jdbc.sql("select status, count(*) as n from party.project where community_code like :p group by status")
			.param("p", communityPattern)
			.query((rs, n) -> counts.put(ProjectStatus.valueOf(rs.getString("status")), rs.getLong("n"))).list();
		return counts;
	}

	private static Map<String, Object> projectParams(ProjectFilter f) {
		Map<String, Object> p = new HashMap<>();
		p.put("p", f.communityPattern());
		p.put("q", f.q() == null ? "" : f.q().strip());
		p.put("status", f.status() == null ? "" : f.status().name());
		p.put("provider", f.providerKey() == null ? "" : f.providerKey());
		return p;
	}

	int updateProgress(long id, int progress, String result, ProjectStatus status, Instant at) {
		return jdbc.sql("""
				update party.project set progress = :progress, result = :result, status = :status,
				       finished_at = :finished, version = version + 1 where id = :id and status = 'ACTIVE'
				""").param("progress", progress).param("result", PartyRepository.blank(result))
			.param("status", status.name())
			.param("finished", status == ProjectStatus.ACTIVE ? null : Timestamp.from(at)).param("id", id).update();
	}

	long insertMilestone(long projectId, String title, LocalDate dueOn, boolean done, Instant at) {
		return jdbc.sql("""
				insert into party.project_milestone (project_id, title, due_on, done, done_at, sort)
				values (:p, :title, :due, :done, :at,
				        (select coalesce(max(sort), 0) + 1 from party.project_milestone where project_id = :p))
				returning id
				""").param("p", projectId).param("title", title.strip()).param("due", date(dueOn)).param("done", done)
			.param("at", done ? Timestamp.from(at) : null).query(Long.class).single();
	}

	List<ProjectView.Milestone> milestones(long projectId) {
		return jdbc.sql("""
				select id, title, due_on, done from party.project_milestone where project_id = :p
				order by due_on nulls last, sort, id
				""").param("p", projectId)
			.query((rs, n) -> new ProjectView.Milestone(rs.getLong("id"), rs.getString("title"),
					localDate(rs.getDate("due_on")), rs.getBoolean("done")))
			.list();
	}

	int markMilestone(long projectId, long milestoneId, boolean done, Instant at) {
		return jdbc.sql("""
				update party.project_milestone set done = :done, done_at = :at where id = :id and project_id = :p
				""").param("done", done).param("at", done ? Timestamp.from(at) : null).param("id", milestoneId)
			.param("p", projectId).update();
	}

	boolean anyNeed() {
		return jdbc.sql("select exists (select 1 from party.need)").query(Boolean.class).single();
	}

	// rows

	private static NeedRow need(ResultSet rs, int n) throws SQLException {
		return new NeedRow(rs.getLong("id"), rs.getString("area_code"), rs.getString("community_code"),
				rs.getString("title"), NeedCategory.valueOf(rs.getString("category")), rs.getString("description"),
				NeedSource.valueOf(rs.getString("source")), rs.getString("case_no"), dbl(rs, "lng"), dbl(rs, "lat"),
				localDate(rs.getDate("wanted_by")), NeedStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("created_at").toInstant(), (Long) rs.getObject("project_id"));
	}

	private static ResourceRow resource(ResultSet rs, int n) throws SQLException {
		return new ResourceRow(rs.getLong("id"), ProviderKind.valueOf(rs.getString("provider_kind")),
				rs.getString("provider_key"), rs.getString("provider_name"), (Long) rs.getObject("organisation_id"),
				(Long) rs.getObject("member_unit_id"), (Long) rs.getObject("member_id"),
				ResourceKind.valueOf(rs.getString("kind")), NeedCategory.valueOf(rs.getString("category")),
				rs.getString("title"), rs.getString("description"), rs.getString("capacity"),
				rs.getString("availability"), rs.getString("area_code"), dbl(rs, "lng"), dbl(rs, "lat"),
				rs.getString("status"), rs.getTimestamp("created_at").toInstant(), rs.getLong("live"));
	}

	private static ProjectRow project(ResultSet rs, int n) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new ProjectRow(rs.getLong("id"), rs.getLong("need_id"), rs.getString("need_title"),
				NeedCategory.valueOf(rs.getString("category")), (Long) rs.getObject("resource_id"),
				rs.getString("resource_title"), rs.getString("offer"),
				ProviderKind.valueOf(rs.getString("provider_kind")), rs.getString("provider_key"),
				rs.getString("provider_name"), rs.getString("claimed_by"), rs.getString("title"),
				rs.getString("community_code"), (Long) rs.getObject("owner_user_id"), rs.getString("owner_name"),
				rs.getInt("progress"), rs.getString("result"), ProjectStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant());
	}

	private static Double dbl(ResultSet rs, String column) throws SQLException {
		double v = rs.getDouble(column);
		return rs.wasNull() ? null : v;
	}

	private static LocalDate localDate(Date d) {
		return d == null ? null : d.toLocalDate();
	}

	private static Date date(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

}
