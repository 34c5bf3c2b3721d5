create schema if not exists people;

-- Care groups (关爱人群) and key groups (重点人群), configurable, each with a visit cadence in days.
create table people.person_group (
    code               varchar(32)  primary key,
    name               varchar(30)  not null,
    kind               varchar(8)   not null check (kind in ('CARE','KEY')),
    visit_cadence_days int          check (visit_cadence_days between 1 and 366),
    enabled            boolean      not null default true,
    sort               int          not null default 0,
    updated_at         timestamptz  not null default now()
);
create unique index person_group_name_uk on people.person_group (name);

insert into people.person_group (code, name, kind, visit_cadence_days, sort) values
    ('LEFT_BEHIND_CHILD',    '留守儿童',         'CARE', 30, 10),
    ('EMPTY_NEST_ELDER',     '空巢老人',         'CARE', 30, 20),
    ('SOLITARY_ELDER',       '独居老人',         'CARE', 7,  30),
    ('DISABLED',             '残疾人',           'CARE', 30, 40),
    ('SUBSISTENCE',          '低保',             'CARE', 30, 50),
    ('EXTREME_POVERTY',      '特困',             'CARE', 15, 60),
    ('ENTITLED',             '优抚对象',         'CARE', 90, 70),
    ('PREGNANT',             '孕产妇',           'CARE', 30, 80),
    ('COMMUNITY_CORRECTION', '社区矫正',         'KEY',  7,  110),
    ('RELEASED_PRISONER',    '刑释人员',         'KEY',  30, 120),
    ('SEVERE_MENTAL',        '严重精神障碍患者', 'KEY',  14, 130),
    ('DRUG_USER',            '吸毒人员',         'KEY',  30, 140);

-- Households (户): the people living together at one standard address (an area module room code).
create table people.household (
    id               bigserial    primary key,
    room_code        varchar(24)  not null,
    community_code   varchar(12)  not null,
    head_resident_id bigint,
    created_at       timestamptz  not null default now()
);
create index household_room_ix on people.household (room_code);

-- Residents (实有人口). ID and phone numbers are stored AES-GCM encrypted (*_cipher), masked for display (*_masked)
-- and as keyed HMAC blind indexes of the whole value (*_index) and of the last 4 characters (*_tail).
-- Addresses refer to the area module's rooms by code (no foreign key into another schema).
create table people.resident (
    id                        bigserial    primary key,
    name                      varchar(50)  not null,
    name_rest                 varchar(50)  not null,
    name_pinyin               varchar(300) not null,
    name_initials             varchar(60)  not null,
    gender                    varchar(8)   not null check (gender in ('MALE','FEMALE')),
    ethnicity                 varchar(20),
    birth_date                date,
    id_type                   varchar(24)  not null,
    id_cipher                 bytea        not null,
    id_masked                 varchar(40)  not null,
    id_index                  bytea        not null,
    id_tail                   bigint       not null,
    phone_cipher              bytea,
    phone_masked              varchar(20),
    phone_index               bytea,
    phone_tail                bigint,
    registration_status       varchar(12)  not null check (registration_status in ('HOUSEHOLD','FLOATING','OVERSEAS','UNSETTLED')),
    registered_address        varchar(200),
    registered_area_code      varchar(24),
    registered_community_code varchar(12),
    living_room_code          varchar(24),
    living_address            varchar(200),
    living_community_code     varchar(12),
    living_grid_code          varchar(15),
    separated                 boolean      not null default false,
    household_id              bigint       references people.household (id),
    relation                  varchar(16),
    tags                      text[]       not null default '{}',
    note                      varchar(500),
    state                     varchar(12)  not null default 'LIVING' check (state in ('LIVING','MOVED_AWAY','DECEASED')),
    moved_in_on               date,
    last_visit_at             timestamptz,
    created_at                timestamptz  not null default now(),
    created_by                varchar(64),
    updated_at                timestamptz  not null default now(),
    version                   int          not null default 0,
    constraint resident_address check (living_room_code is not null or registered_area_code is not null
        or state <> 'LIVING')
);
create unique index resident_id_uk on people.resident (id_index);
create index resident_id_tail_ix on people.resident (id_tail);
create index resident_phone_ix on people.resident (phone_index);
create index resident_phone_tail_ix on people.resident (phone_tail);
create index resident_name_ix on people.resident (name text_pattern_ops);
create index resident_name_rest_ix on people.resident (name_rest text_pattern_ops);
create index resident_initials_ix on people.resident (name_initials text_pattern_ops);
create index resident_pinyin_ix on people.resident (name_pinyin text_pattern_ops);
create index resident_living_ix on people.resident (living_room_code text_pattern_ops, id);
create index resident_registered_ix on people.resident (registered_area_code text_pattern_ops)
    where registered_area_code is not null;
create index resident_household_ix on people.resident (household_id);

-- Current memberships of care and key groups; leaving a group is in the audit log.
create table people.group_member (
    resident_id bigint      not null references people.resident (id),
    group_code  varchar(32) not null references people.person_group (code),
    since       date        not null,
    primary key (resident_id, group_code)
);
create index group_member_group_ix on people.group_member (group_code, resident_id);

-- Address history (迁入 / 迁出): every living and registered address a resident had; never deleted.
create table people.address_history (
    id             bigserial    primary key,
    resident_id    bigint       not null references people.resident (id),
    kind           varchar(12)  not null check (kind in ('REGISTERED','LIVING')),
    room_code      varchar(24),
    address        varchar(200),
    community_code varchar(12),
    from_date      date         not null,
    to_date        date,
    note           varchar(500),
    recorded_by    varchar(64),
    recorded_at    timestamptz  not null default now()
);
create index address_history_resident_ix on people.address_history (resident_id, from_date);

-- Houses (实有房屋) on standard addresses.
create table people.house (
    room_code          varchar(24)   primary key,
    community_code     varchar(12)   not null,
    grid_code          varchar(15)   not null,
    address            varchar(200),
    use                varchar(16)   not null check (use in ('OWNER_OCCUPIED','RENTED','VACANT','COMMERCIAL')),
    owner_name         varchar(50),
    owner_phone_cipher bytea,
    owner_phone_masked varchar(20),
    area_sqm           double precision,
    note               varchar(500),
    updated_at         timestamptz   not null default now(),
    updated_by         varchar(64)
);
create index house_room_ix on people.house (room_code text_pattern_ops);

-- Units (实有单位): organisations and businesses with their contact and grid.
create table people.unit (
    id                   bigserial    primary key,
    name                 varchar(100) not null,
    kind                 varchar(24)  not null,
    credit_code          varchar(18),
    area_code            varchar(24)  not null,
    address              varchar(200),
    community_code       varchar(12)  not null,
    grid_code            varchar(15)  not null,
    contact_name         varchar(50),
    contact_phone_cipher bytea,
    contact_phone_masked varchar(20),
    employees            int,
    note                 varchar(500),
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    version              int          not null default 0
);
create index unit_area_ix on people.unit (area_code text_pattern_ops);

-- Visits (走访) by grid workers and community staff.
create table people.visit (
    id              bigserial     primary key,
    resident_id     bigint        references people.resident (id),
    room_code       varchar(24)   not null,
    address         varchar(200),
    kind            varchar(12)   not null check (kind in ('HOUSEHOLD','CARE')),
    visited_at      timestamptz   not null,
    visitor_user_id bigint        not null,
    visitor_name    varchar(100)  not null,
    findings        varchar(2000) not null,
    follow_up       varchar(2000),
    photo           bytea,
    photo_type      varchar(32),
    created_at      timestamptz   not null default now()
);
create index visit_resident_ix on people.visit (resident_id, visited_at desc);
create index visit_room_ix on people.visit (room_code text_pattern_ops, visited_at desc);

-- Per-user permissions on personal data, managed by system administrators.
create table people.access_grant (
    id         bigserial    primary key,
    user_id    bigint       not null,
    kind       varchar(16)  not null check (kind in ('REVEAL_NUMBERS','KEY_GROUP')),
    group_code varchar(32)  references people.person_group (code),
    granted_by varchar(64)  not null,
    granted_at timestamptz  not null default now(),
    constraint access_grant_group check ((kind = 'KEY_GROUP') = (group_code is not null))
);
create unique index access_grant_uk on people.access_grant (user_id, kind, coalesce(group_code, ''));

-- Background imports whose progress pages poll (any node answers).
create table people.import_job (
    id             varchar(36)  primary key,
    user_id        bigint,
    username       varchar(64),
    state          varchar(12)  not null,
    total_rows     int          not null default 0,
    processed_rows int          not null default 0,
    report         text,
    started_at     timestamptz  not null default now(),
    finished_at    timestamptz,
    updated_at     timestamptz  not null default now()
);

-- A keyed check value: start-up refuses a key that is not the one the data was encrypted with.
create table people.key_check (
    id          int   primary key default 1 check (id = 1),
    check_value bytea not null
);
