create schema if not exists party;

-- Party organisations (党组织): a tree (党工委 → 党委 → 党总支 → 党支部 → 党小组) plus joint forms (联合党委, 大党委,
-- 小区党建联盟); area_code is the area of the area module it covers (no foreign key into another schema).
create table party.organisation (
    id          bigserial     primary key,
    parent_id   bigint        references party.organisation (id),
    kind        varchar(24)   not null,
    name        varchar(100)  not null,
    area_code   varchar(24)   not null,
    term_start  date,
    term_end    date,
    version     integer       not null default 0,
    created_at  timestamptz   not null default now(),
    check (term_end is null or term_start is null or term_end >= term_start)
);
create index organisation_area_ix on party.organisation (area_code varchar_pattern_ops);
create index organisation_parent_ix on party.organisation (parent_id);

-- Committee members (班子成员: 书记, 副书记, 委员) and alliance roles (联盟主席, 副主席, 办公室主任, 楼栋长).
create table party.committee_member (
    id               bigserial     primary key,
    organisation_id  bigint        not null references party.organisation (id) on delete cascade,
    post             varchar(24)   not null,
    name             varchar(50)   not null,
    unit_name        varchar(100),
    sort             integer       not null default 0
);
create index committee_member_org_ix on party.committee_member (organisation_id);

-- Member units of a joint organisation (成员单位: 驻区单位, schools, hospitals, companies, property companies).
create table party.member_unit (
    id               bigserial     primary key,
    organisation_id  bigint        not null references party.organisation (id) on delete cascade,
    name             varchar(100)  not null,
    unit_kind        varchar(24)   not null
);
create index member_unit_org_ix on party.member_unit (organisation_id);

-- Party members (党员); the phone is stored masked only; user_id links a member to their sign-in account.
create table party.member (
    id                   bigserial     primary key,
    organisation_id      bigint        not null references party.organisation (id),
    name                 varchar(50)   not null,
    join_date            date          not null,
    status               varchar(16)   not null check (status in ('FULL','PROBATIONARY')),
    in_service           boolean       not null default false,
    employer_unit        varchar(100),
    residence_address    varchar(200),
    residence_area_code  varchar(24),
    phone_masked         varchar(20),
    user_id              bigint        unique,
    badge_post           varchar(50),
    badge_promise        varchar(200),
    version              integer       not null default 0,
    created_at           timestamptz   not null default now()
);
create index member_org_ix on party.member (organisation_id);
create index member_residence_ix on party.member (residence_area_code varchar_pattern_ops);

-- 双报到: an in-service member reporting to their residence community; expires_on is set on acceptance.
create table party.dual_report (
    id              bigserial     primary key,
    member_id       bigint        not null references party.member (id),
    community_code  varchar(24)   not null,
    status          varchar(16)   not null check (status in ('PENDING','ACCEPTED','REFUSED')),
    reported_at     timestamptz   not null default now(),
    reviewed_at     timestamptz,
    reviewed_by     bigint,
    reason          varchar(300),
    expires_on      date
);
create index dual_report_member_ix on party.dual_report (member_id, reported_at desc);
create index dual_report_community_ix on party.dual_report (community_code varchar_pattern_ops, status);
create unique index dual_report_one_pending_ux on party.dual_report (member_id) where status = 'PENDING';

-- Service posts (设岗定责) a community publishes, the members' claims (认岗) and their service records (服务记录).
create table party.service_post (
    id              bigserial     primary key,
    community_code  varchar(24)   not null,
    kind            varchar(24)   not null,
    title           varchar(100)  not null,
    skills          varchar(200),
    headcount       integer       not null check (headcount between 1 and 500),
    description     varchar(500),
    open            boolean       not null default true,
    created_at      timestamptz   not null default now()
);
create index service_post_community_ix on party.service_post (community_code varchar_pattern_ops);

create table party.post_claim (
    id          bigserial     primary key,
    post_id     bigint        not null references party.service_post (id),
    member_id   bigint        not null references party.member (id),
    claimed_at  timestamptz   not null default now(),
    unique (post_id, member_id)
);
create index post_claim_member_ix on party.post_claim (member_id);

create table party.service_record (
    id            bigserial     primary key,
    claim_id      bigint        not null references party.post_claim (id),
    served_on     date          not null,
    hours         numeric(4,1)  not null check (hours > 0 and hours <= 24),
    what          varchar(500)  not null,
    status        varchar(16)   not null default 'PENDING' check (status in ('PENDING','CONFIRMED','REJECTED')),
    confirmed_by  bigint,
    confirmed_at  timestamptz,
    created_at    timestamptz   not null default now()
);
create index service_record_claim_ix on party.service_record (claim_id);
