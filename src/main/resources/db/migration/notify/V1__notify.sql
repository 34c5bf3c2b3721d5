create schema if not exists notify;

-- In-app messages (站内消息): the rendered text as sent; read_at is null while unread.
create table notify.message (
    id       bigserial     primary key,
    user_id  bigint        not null,
    at       timestamptz   not null default now(),
    kind     varchar(16)   not null,
    title    varchar(200)  not null,
    body     varchar(2000),
    link     varchar(500),
    read_at  timestamptz
);
create index message_inbox_ix on notify.message (user_id, read_at, at desc);

-- Every SMS handed to a gateway (短信发件记录), with the number masked.
create table notify.sms_outbox (
    id            bigserial      primary key,
    at            timestamptz    not null default now(),
    phone_masked  varchar(20)    not null,
    text          varchar(1000)  not null,
    gateway       varchar(32)    not null,
    status        varchar(12)    not null check (status in ('LOGGED','SENT','FAILED'))
);
create index sms_outbox_at_ix on notify.sms_outbox (at desc);
