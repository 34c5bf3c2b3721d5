create schema if not exists cases;

-- 事件/部件 categories with major/minor codes; request kinds (咨询/求助/投诉/举报/建议) are a column of the case.
create table cases.category (
    code                    varchar(16)  primary key,
    parent_code             varchar(16)  references cases.category (code),
    kind                    varchar(12)  not null check (kind in ('EVENT','COMPONENT')),
    name                    varchar(100) not null,
    description             varchar(500),
    handling_level          varchar(12)  not null default 'GRID' check (handling_level in ('GRID','COMMUNITY','STREET','DEPARTMENT')),
    department_code         varchar(32),
    urgency                 varchar(12)  not null default 'GENERAL' check (urgency in ('EMERGENCY','UTILITY','GENERAL','COMPLEX')),
    time_limit_value        int          not null,
    time_limit_unit         varchar(16)  not null check (time_limit_unit in ('HOURS','WORKING_HOURS','WORKING_DAYS')),
    response_limit_minutes  int          not null default 240,
    attributes              text,
    enabled                 boolean      not null default true,
    sort                    int          not null default 0,
    version                 int          not null default 0,
    updated_at              timestamptz  not null default now()
);
create index category_parent_ix on cases.category (parent_code, sort);

-- Holidays (放假) and make-up working days (调休上班) of the working calendar.
create table cases.calendar_day (
    day      date        primary key,
    working  boolean     not null,
    name     varchar(50) not null
);

create sequence cases.case_no_seq;

create table cases.case_record (
    id                      bigserial        primary key,
    case_no                 varchar(24)      not null unique,
    request_kind            varchar(12)      not null check (request_kind in ('CONSULT','HELP','COMPLAINT','REPORT','SUGGESTION')),
    category_code           varchar(16)      not null references cases.category (code),
    description             text             not null,
    address                 varchar(300),
    lng                     double precision,
    lat                     double precision,
    grid_code               varchar(24),
    community_code          varchar(24),
    street_code             varchar(24),
    channel                 varchar(12)      not null check (channel in ('RESIDENT','PATROL','HOTLINE','OPEN311','API')),
    reporter_name           varchar(50),
    reporter_phone_masked   varchar(20),
    reporter_user_id        bigint,
    open311_client          varchar(64),
    status                  varchar(12)      not null,
    status_before_suspend   varchar(12),
    unit_type               varchar(12)      check (unit_type in ('GRID','COMMUNITY','STREET','DEPARTMENT')),
    unit_code               varchar(32),
    unit_name               varchar(100),
    route_note              varchar(500),
    received_at             timestamptz      not null,
    registered_at           timestamptz,
    dispatched_at           timestamptz,
    response_deadline       timestamptz,
    signed_at               timestamptz,
    handled_at              timestamptz,
    fed_back_at             timestamptz,
    verified_at             timestamptz,
    closed_at               timestamptz,
    deadline                timestamptz,
    suspended_at            timestamptz,
    suspended_minutes       int              not null default 0,
    extension_requested_hours int,
    extension_reason        varchar(500),
    extended                boolean          not null default false,
    rework_count            int              not null default 0,
    reopen_count            int              not null default 0,
    supervision             varchar(8)       check (supervision in ('YELLOW','RED')),
    satisfaction            varchar(20)      check (satisfaction in ('SATISFIED','BASICALLY_SATISFIED','UNSATISFIED')),
    rated_at                timestamptz,
    merged_into             varchar(24),
    self_handled            boolean          not null default false,
    version                 int              not null default 0
);
create index case_status_ix on cases.case_record (status, deadline);
create index case_grid_ix on cases.case_record (grid_code, received_at desc);
create index case_community_ix on cases.case_record (community_code, received_at desc);
create index case_received_ix on cases.case_record (received_at desc);
create index case_unit_ix on cases.case_record (unit_type, unit_code, status);
create index case_reporter_ix on cases.case_record (reporter_user_id, received_at desc);
create index case_category_ix on cases.case_record (category_code, received_at desc);

-- The timeline (流转记录): every intake and transition, who, when, note, photos.
create table cases.case_event (
    id           bigserial    primary key,
    case_id      bigint       not null references cases.case_record (id),
    at           timestamptz  not null default now(),
    action       varchar(24)  not null,
    actor        varchar(64)  not null,
    actor_name   varchar(100),
    from_status  varchar(12),
    to_status    varchar(12),
    note         varchar(2000),
    photos       text
);
create index case_event_case_ix on cases.case_event (case_id, at, id);

-- Residents following a case (the reporter, and reporters of cases merged into it).
create table cases.case_follower (
    case_id  bigint  not null references cases.case_record (id),
    user_id  bigint  not null,
    primary key (case_id, user_id)
);

-- 吹哨报到: a street or community calls departments to a case; each must sign and report arrival.
create table cases.whistle (
    id               bigserial    primary key,
    case_id          bigint       not null references cases.case_record (id),
    department_code  varchar(32)  not null,
    blown_at         timestamptz  not null,
    blown_by         varchar(64)  not null,
    sign_deadline    timestamptz  not null,
    signed_at        timestamptz,
    signed_by        varchar(64),
    arrived_at       timestamptz,
    report           varchar(2000),
    unique (case_id, department_code)
);
create index whistle_department_ix on cases.whistle (department_code, signed_at);

-- Idempotent intake: a retried request with the same key answers the case it created the first time.
create table cases.idempotency_key (
    principal   varchar(100) not null,
    key         varchar(200) not null,
    case_no     varchar(24)  not null,
    created_at  timestamptz  not null default now(),
    primary key (principal, key)
);
