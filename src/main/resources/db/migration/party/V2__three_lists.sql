-- 三张清单 (three lists) and 双向认领 (two-way claiming): communities publish needs (需求清单), units and members
-- publish resources (资源清单), and a claim from either side turns a need and a resource (or a free-text offer) into a
-- project (项目清单) with an owner, milestones, progress and result. Providers are named by provider_key:
-- O:<organisation id> for a unit's Party organisation, U:<member unit id> for a member unit of a joint organisation,
-- M:<member id> for a Party member, so that past delivery can be counted per provider.

-- Which sign-in account speaks for a unit (驻区单位账号): the account acts as the unit's Party organisation, or as
-- one member unit of a joint organisation when member_unit_id is set.
create table party.unit_account (
    user_id          bigint        primary key,
    organisation_id  bigint        not null references party.organisation (id),
    member_unit_id   bigint        references party.member_unit (id),
    linked_at        timestamptz   not null default now()
);
create index unit_account_org_ix on party.unit_account (organisation_id);

create table party.need (
    id              bigserial      primary key,
    area_code       varchar(24)    not null,
    community_code  varchar(12)    not null,
    title           varchar(100)   not null,
    category        varchar(16)    not null check (category in
                        ('ELDERLY','ENVIRONMENT','CULTURE','MEDIATION','EMPLOYMENT','FACILITIES','HEALTH','OTHER')),
    description     varchar(1000),
    source          varchar(16)    not null check (source in ('RESIDENTS','RECURRING_CASE','OTHER')),
    case_no         varchar(32),
    lng             double precision,
    lat             double precision,
    wanted_by       date,
    status          varchar(16)    not null default 'OPEN' check (status in ('OPEN','CLAIMED','DONE','WITHDRAWN')),
    created_by      bigint,
    created_at      timestamptz    not null default now(),
    version         integer        not null default 0,
    check (area_code like community_code || '%'),
    check ((lng is null) = (lat is null)),
    check (lng is null or (lng between -180 and 180 and lat between -90 and 90)),
    check (source = 'RECURRING_CASE' or case_no is null)
);
create index need_community_ix on party.need (community_code, status);
create index need_area_ix on party.need (area_code varchar_pattern_ops);
create index need_status_ix on party.need (status, created_at desc);

create table party.resource (
    id               bigserial      primary key,
    provider_kind    varchar(16)    not null check (provider_kind in ('ORGANISATION','MEMBER_UNIT','MEMBER')),
    provider_key     varchar(32)    not null,
    provider_name    varchar(100)   not null,
    organisation_id  bigint         references party.organisation (id),
    member_unit_id   bigint         references party.member_unit (id),
    member_id        bigint         references party.member (id),
    kind             varchar(16)    not null check (kind in ('VENUE','FUNDS','SKILL','SERVICE')),
    category         varchar(16)    not null check (category in
                         ('ELDERLY','ENVIRONMENT','CULTURE','MEDIATION','EMPLOYMENT','FACILITIES','HEALTH','OTHER')),
    title            varchar(100)   not null,
    description      varchar(1000),
    capacity         varchar(100),
    availability     varchar(100),
    area_code        varchar(24),
    lng              double precision,
    lat              double precision,
    status           varchar(16)    not null default 'OPEN' check (status in ('OPEN','WITHDRAWN')),
    created_by       bigint,
    created_at       timestamptz    not null default now(),
    version          integer        not null default 0,
    check ((lng is null) = (lat is null)),
    check (lng is null or (lng between -180 and 180 and lat between -90 and 90)),
    check ((provider_kind = 'ORGANISATION' and organisation_id is not null)
        or (provider_kind = 'MEMBER_UNIT' and member_unit_id is not null)
        or (provider_kind = 'MEMBER' and member_id is not null))
);
create index resource_provider_ix on party.resource (provider_key);
create index resource_status_ix on party.resource (status, category);
create index resource_area_ix on party.resource (area_code varchar_pattern_ops);

create table party.project (
    id              bigserial      primary key,
    need_id         bigint         not null references party.need (id),
    resource_id     bigint         references party.resource (id),
    offer           varchar(500),
    provider_kind   varchar(16)    not null check (provider_kind in ('ORGANISATION','MEMBER_UNIT','MEMBER')),
    provider_key    varchar(32)    not null,
    provider_name   varchar(100)   not null,
    claimed_by      varchar(16)    not null check (claimed_by in ('PROVIDER','COMMUNITY')),
    title           varchar(100)   not null,
    community_code  varchar(12)    not null,
    owner_user_id   bigint,
    owner_name      varchar(50)    not null,
    progress        integer        not null default 0 check (progress between 0 and 100),
    result          varchar(1000),
    status          varchar(16)    not null default 'ACTIVE' check (status in ('ACTIVE','DONE','STOPPED')),
    started_at      timestamptz    not null default now(),
    finished_at     timestamptz,
    version         integer        not null default 0,
    check (resource_id is not null or offer is not null),
    check (status <> 'DONE' or (progress = 100 and result is not null)),
    check ((status = 'ACTIVE') = (finished_at is null))
);
-- A need has at most one live project; a stopped project frees the need for another claim.
create unique index project_one_live_per_need_ux on party.project (need_id) where status <> 'STOPPED';
create index project_status_ix on party.project (status, started_at desc);
create index project_provider_ix on party.project (provider_key, status);
create index project_community_ix on party.project (community_code);

create table party.project_milestone (
    id          bigserial      primary key,
    project_id  bigint         not null references party.project (id) on delete cascade,
    title       varchar(100)   not null,
    due_on      date,
    done        boolean        not null default false,
    done_at     timestamptz,
    sort        integer        not null default 0,
    check (done = (done_at is not null))
);
create index project_milestone_project_ix on party.project_milestone (project_id, sort);
