-- Branch life (组织生活): meetings of branches and general branches (三会一课 and 主题党日) with attendance and minutes.
create table party.meeting (
    id                bigserial     primary key,
    organisation_id   bigint        not null references party.organisation (id),
    kind              varchar(24)   not null check (kind in ('BRANCH_ASSEMBLY','COMMITTEE_MEETING','GROUP_MEETING','PARTY_LECTURE','THEME_DAY')),
    held_on           date          not null,
    place             varchar(100),
    topic             varchar(200)  not null,
    expected          integer       not null check (expected between 1 and 10000),
    present           integer       not null check (present >= 0 and present <= expected),
    minutes           text,
    recorded_by       varchar(50)   not null,
    recorded_by_user  bigint,
    created_at        timestamptz   not null default now(),
    version           integer       not null default 0
);
create index meeting_org_day_ix on party.meeting (organisation_id, held_on);
create index meeting_day_ix on party.meeting (held_on);

-- Absent members of a meeting with their reasons (缺席人员及原因), optional.
create table party.meeting_absence (
    id          bigserial     primary key,
    meeting_id  bigint        not null references party.meeting (id) on delete cascade,
    name        varchar(50)   not null,
    reason      varchar(200)
);
create index meeting_absence_meeting_ix on party.meeting_absence (meeting_id);

-- Star rating (星级评定): the criteria of one year with weights summing to 100; source says where a score comes
-- from when the rater enters none (MANUAL: the rater, SATISFACTION: residents' ratings of closed cases,
-- CADENCE: branch-life cadence compliance).
create table party.rating_criterion (
    id      bigserial     primary key,
    year    integer       not null,
    code    varchar(32)   not null,
    name    varchar(50)   not null,
    weight  integer       not null check (weight between 0 and 100),
    source  varchar(16)   not null check (source in ('MANUAL','SATISFACTION','CADENCE')),
    sort    integer       not null default 0,
    unique (year, code)
);

-- The year's state: finalised_at set freezes its scores and results.
create table party.rating_year (
    year          integer       primary key,
    finalised_at  timestamptz,
    finalised_by  varchar(50)
);

-- Scores (0-100) a rater entered, or the computed ones frozen on finalisation.
create table party.rating_score (
    criterion_id     bigint         not null references party.rating_criterion (id) on delete cascade,
    organisation_id  bigint         not null references party.organisation (id),
    score            numeric(4,1)   not null check (score between 0 and 100),
    entered_by       varchar(50),
    entered_at       timestamptz    not null default now(),
    primary key (criterion_id, organisation_id)
);
create index rating_score_org_ix on party.rating_score (organisation_id);

-- Per branch and year: the manual star adjustment while the year is open, and the frozen result (history) once it
-- is finalised.
create table party.rating_result (
    year             integer        not null,
    organisation_id  bigint         not null references party.organisation (id),
    adjusted_stars   integer        check (adjusted_stars between 1 and 5),
    adjust_reason    varchar(200),
    total            numeric(4,1),
    suggested_stars  integer        check (suggested_stars between 1 and 5),
    stars            integer        check (stars between 1 and 5),
    primary key (year, organisation_id)
);
create index rating_result_org_ix on party.rating_result (organisation_id, year);
