-- KPI rollups (考核指标汇总), see docs/kpis.md. Every case belongs to the day (Asia/Shanghai) it was received on;
-- the rollups hold, per day and group, the counts the KPI formulas need, as of the last refresh.
-- Code columns are collated "C" so that area-prefix predicates use the indexes whatever the database's collation is.

-- Fine grain: one row per day, area (street/community/grid) and handling unit. '' stands for "none" (not located,
-- not dispatched) so that the key can be unique.
create table cases.kpi_daily (
    day                date         not null,
    street_code        varchar(24)  collate "C" not null default '',
    community_code     varchar(24)  collate "C" not null default '',
    grid_code          varchar(24)  collate "C" not null default '',
    unit_type          varchar(12)  collate "C" not null default '',
    unit_code          varchar(32)  collate "C" not null default '',
    received           int          not null,
    dispatched         int          not null,
    responded_in_time  int          not null,
    closed             int          not null,
    closed_on_time     int          not null,
    due                int          not null,
    reworked           int          not null,
    extended           int          not null,
    rated              int          not null,
    satisfied          int          not null,
    primary key (day, street_code, community_code, grid_code, unit_type, unit_code)
);
create index kpi_daily_street_ix on cases.kpi_daily (street_code, day);
create index kpi_daily_community_ix on cases.kpi_daily (community_code, day);
create index kpi_daily_grid_ix on cases.kpi_daily (grid_code, day);
create index kpi_daily_unit_ix on cases.kpi_daily (unit_code, day);

-- Coarse grain: one row per day and street, summed from kpi_daily; answers month/street reports over wide scopes.
create table cases.kpi_daily_street (
    day                date         not null,
    street_code        varchar(24)  collate "C" not null default '',
    received           int          not null,
    dispatched         int          not null,
    responded_in_time  int          not null,
    closed             int          not null,
    closed_on_time     int          not null,
    due                int          not null,
    reworked           int          not null,
    extended           int          not null,
    rated              int          not null,
    satisfied          int          not null,
    primary key (day, street_code)
);
create index kpi_daily_street_street_ix on cases.kpi_daily_street (street_code, day);

-- Coarsest grain: one row per calendar month (its first day) and street, summed from kpi_daily_street; the whole
-- months of a period come from here, its partial months from kpi_daily_street.
create table cases.kpi_monthly_street (
    month              date         not null,
    street_code        varchar(24)  collate "C" not null default '',
    received           int          not null,
    dispatched         int          not null,
    responded_in_time  int          not null,
    closed             int          not null,
    closed_on_time     int          not null,
    due                int          not null,
    reworked           int          not null,
    extended           int          not null,
    rated              int          not null,
    satisfied          int          not null,
    primary key (month, street_code),
    check (extract(day from month) = 1)
);
create index kpi_monthly_street_street_ix on cases.kpi_monthly_street (street_code, month);

-- The name of each handling unit as the latest case routed to it recorded it.
create table cases.kpi_unit (
    unit_type  varchar(12)   collate "C" not null,
    unit_code  varchar(32)   collate "C" not null,
    unit_name  varchar(100),
    primary key (unit_type, unit_code)
);

-- (received day, grid) cells whose cases changed since the last refresh ('' for cases not located to a grid).
-- Append-only; the refresh deletes what it has read.
create table cases.kpi_dirty (
    day        date         not null,
    grid_code  varchar(24)  collate "C" not null default ''
);

-- The refresh's watermark: `due` counts open cases whose deadline is at or before due_as_of.
create table cases.kpi_state (
    id          int          primary key check (id = 1),
    due_as_of   timestamptz  not null
);
insert into cases.kpi_state (id, due_as_of) values (1, '-infinity');

-- Statement-level triggers: one small insert per statement that touches case_record, never a lock on a shared row.
create function cases.kpi_mark_dirty() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into cases.kpi_dirty (day, grid_code)
        select distinct (received_at at time zone 'Asia/Shanghai')::date, coalesce(grid_code, '') from kpi_new_rows;
    elsif tg_op = 'UPDATE' then
        insert into cases.kpi_dirty (day, grid_code)
        select (received_at at time zone 'Asia/Shanghai')::date, coalesce(grid_code, '') from kpi_new_rows
        union
        select (received_at at time zone 'Asia/Shanghai')::date, coalesce(grid_code, '') from kpi_old_rows;
    else
        insert into cases.kpi_dirty (day, grid_code)
        select distinct (received_at at time zone 'Asia/Shanghai')::date, coalesce(grid_code, '') from kpi_old_rows;
    end if;
    return null;
end
$$;

create trigger kpi_dirty_insert after insert on cases.case_record
    referencing new table as kpi_new_rows
    for each statement execute function cases.kpi_mark_dirty();
create trigger kpi_dirty_update after update on cases.case_record
    referencing old table as kpi_old_rows new table as kpi_new_rows
    for each statement execute function cases.kpi_mark_dirty();
create trigger kpi_dirty_delete after delete on cases.case_record
    referencing old table as kpi_old_rows
    for each statement execute function cases.kpi_mark_dirty();

-- Cases already there (none on a new installation) are rolled up at the first refresh.
insert into cases.kpi_dirty (day, grid_code)
select distinct (received_at at time zone 'Asia/Shanghai')::date, coalesce(grid_code, '') from cases.case_record;
