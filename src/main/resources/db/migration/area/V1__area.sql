create schema if not exists area;

-- District 区 → street 街道 → community 社区 → grid 网格 → building 楼栋 → unit 单元 → room 房屋.
-- Every code begins with its parent's code, so a subtree is a code prefix.
create table area.area (
    code        varchar(24)  primary key,
    parent_code varchar(24)  references area.area (code),
    level       varchar(12)  not null check (level in ('DISTRICT','STREET','COMMUNITY','GRID','BUILDING','UNIT','ROOM')),
    name        varchar(100) not null,
    sort        int          not null default 0,
    grid_type   varchar(16),
    lng         double precision,
    lat         double precision,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    constraint area_code_digits check (code ~ '^[0-9]+$'),
    constraint area_code_prefix check (parent_code is null or starts_with(code, parent_code))
);
create index area_parent_ix on area.area (parent_code, sort, code);
create index area_level_ix on area.area (level, code);

-- Polygons (GeoJSON geometry, WGS-84) of streets, communities and grids.
create table area.boundary (
    code       varchar(24)      primary key references area.area (code) on delete cascade,
    geojson    text             not null,
    min_lng    double precision not null,
    min_lat    double precision not null,
    max_lng    double precision not null,
    max_lat    double precision not null,
    updated_at timestamptz      not null default now()
);

-- Bumped whenever any grid polygon changes; every node rebuilds its in-memory index when it sees a new value.
create table area.grid_index_version (
    id      int    primary key default 1 check (id = 1),
    version bigint not null
);
insert into area.grid_index_version (id, version) values (1, 0);

-- 网格员 (专职/兼职) per grid; 楼长 / 单元长 per building / unit.
create table area.staff_assignment (
    id           bigserial    primary key,
    area_code    varchar(24)  not null references area.area (code) on delete cascade,
    duty         varchar(24)  not null check (duty in ('GRID_WORKER_FULL','GRID_WORKER_PART','BUILDING_CHIEF','UNIT_CHIEF')),
    user_id      bigint,
    person_name  varchar(50)  not null,
    phone_masked varchar(20),
    assigned_at  timestamptz  not null default now(),
    assigned_by  varchar(64)
);
create unique index staff_assignment_user_uk on area.staff_assignment (area_code, duty, user_id) where user_id is not null;
create index staff_assignment_area_ix on area.staff_assignment (area_code);
create index staff_assignment_user_ix on area.staff_assignment (user_id);
