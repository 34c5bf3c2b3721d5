create schema if not exists identity;

create table identity.department (
    code       varchar(32)  primary key,
    name       varchar(100) not null,
    area_code  varchar(24),
    created_at timestamptz  not null default now()
);

create table identity.app_user (
    id                bigserial    primary key,
    username          varchar(64)  not null,
    display_name      varchar(100) not null,
    password_hash     varchar(200) not null,
    enabled           boolean      not null default true,
    failed_attempts   int          not null default 0,
    locked_until      timestamptz,
    scope_area_code   varchar(24),
    scope_all         boolean      not null default false,
    department_code   varchar(32)  references identity.department (code),
    elder_mode        boolean      not null default false,
    phone_masked      varchar(20),
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    last_login_at     timestamptz,
    version           int          not null default 0
);
create unique index app_user_username_uk on identity.app_user (lower(username));
create index app_user_scope_ix on identity.app_user (scope_area_code);

create table identity.user_role (
    user_id bigint      not null references identity.app_user (id) on delete cascade,
    role    varchar(32) not null,
    primary key (user_id, role)
);

create table identity.api_token (
    token_hash char(64)    primary key,
    user_id    bigint      not null references identity.app_user (id) on delete cascade,
    issued_at  timestamptz not null default now(),
    expires_at timestamptz not null,
    client_ip  varchar(64)
);
create index api_token_expiry_ix on identity.api_token (expires_at);

-- Append-only: who did what, when, from which address.
create table identity.audit_log (
    id          bigserial    primary key,
    at          timestamptz  not null default now(),
    actor       varchar(64),
    action      varchar(64)  not null,
    target_type varchar(64),
    target_id   varchar(128),
    detail      text,
    client_ip   varchar(64)
);
create index audit_log_at_ix on identity.audit_log (at desc);
create index audit_log_actor_ix on identity.audit_log (actor, at desc);
create index audit_log_action_ix on identity.audit_log (action, at desc);

create function identity.audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on identity.audit_log
    for each row execute function identity.audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on identity.audit_log
    for each statement execute function identity.audit_log_is_append_only();
