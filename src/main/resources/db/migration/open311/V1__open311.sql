create schema if not exists open311;

-- Open311 GeoReport v2 clients (接入方): each POSTs service requests with its own api_key, stored only as a SHA-256 hash.
create table open311.client (
    id            bigserial    primary key,
    name          varchar(40)  not null,
    api_key_hash  char(64)     not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now(),
    created_by    varchar(64)  not null
);
create unique index client_name_uk on open311.client (lower(name));
create unique index client_key_uk on open311.client (api_key_hash);
