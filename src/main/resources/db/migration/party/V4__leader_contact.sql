-- 领导联系社区 (leaders' contact): leaders assigned to communities, their visits and the issues they took up.
-- A leader is a user with role LEADER (leader_user_id, no foreign key into the identity schema) or, without an
-- account, a name and post; community_code is a community of the area module.
create table party.leader_assignment (
    id              bigserial     primary key,
    community_code  varchar(24)   not null,
    leader_user_id  bigint,
    leader_name     varchar(50)   not null,
    leader_post     varchar(100),
    starts_on       date          not null,
    ends_on         date,
    created_at      timestamptz   not null default now(),
    check (ends_on is null or ends_on >= starts_on)
);
create index leader_assignment_community_ix on party.leader_assignment (community_code varchar_pattern_ops);
create index leader_assignment_user_ix on party.leader_assignment (leader_user_id);

-- 走访记录: one visit of an assigned leader to the community.
create table party.leader_visit (
    id              bigserial     primary key,
    assignment_id   bigint        not null references party.leader_assignment (id),
    visited_on      date          not null,
    people_met      varchar(300)  not null,
    discussed       varchar(1000) not null,
    created_by      bigint,
    created_at      timestamptz   not null default now()
);
create index leader_visit_assignment_ix on party.leader_visit (assignment_id, visited_on desc);

-- 领办事项: an issue the leader took up, optionally linked to a case of the cases module (case_id and case_no, no
-- foreign key); status OPEN (办理中) or CLOSED (已办结) with its result.
create table party.leader_issue (
    id              bigserial     primary key,
    assignment_id   bigint        not null references party.leader_assignment (id),
    title           varchar(100)  not null,
    detail          varchar(1000),
    case_id         bigint,
    case_no         varchar(40),
    status          varchar(16)   not null default 'OPEN' check (status in ('OPEN','CLOSED')),
    result          varchar(1000),
    due_on          date,
    taken_on        date          not null,
    closed_on       date,
    version         integer       not null default 0,
    created_at      timestamptz   not null default now(),
    check (status = 'OPEN' or result is not null)
);
create index leader_issue_assignment_ix on party.leader_issue (assignment_id, status);
