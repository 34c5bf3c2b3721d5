-- 双报到 of an organisation: an employer unit's Party organisation reports to the community it is paired with (单位
-- 党组织到社区报到), promising what it will contribute; the community accepts or refuses, and an acceptance expires
-- like a member's report (gongzhi.party.report-validity).
create table party.organisation_report (
    id               bigserial     primary key,
    organisation_id  bigint        not null references party.organisation (id),
    community_code   varchar(24)   not null,
    contact_name     varchar(50)   not null,
    commitment       varchar(500)  not null,
    status           varchar(16)   not null check (status in ('PENDING','ACCEPTED','REFUSED')),
    reported_at      timestamptz   not null default now(),
    reported_by      bigint,
    reviewed_at      timestamptz,
    reviewed_by      bigint,
    reason           varchar(300),
    expires_on       date
);
create index organisation_report_org_ix on party.organisation_report (organisation_id, reported_at desc);
create index organisation_report_community_ix on party.organisation_report (community_code varchar_pattern_ops, status);
create unique index organisation_report_one_pending_ux on party.organisation_report (organisation_id, community_code)
    where status = 'PENDING';
