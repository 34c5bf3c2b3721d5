-- A Party member's badge photo (亮身份照片), one per member, replaced on upload; shown with the public badge.
create table party.member_photo (
    member_id     bigint       primary key references party.member (id) on delete cascade,
    content_type  varchar(32)  not null check (content_type in ('image/jpeg','image/png','image/gif','image/webp')),
    size_bytes    int          not null check (size_bytes between 1 and 2097152),
    data          bytea        not null,
    uploaded_by   bigint       not null,
    uploaded_at   timestamptz  not null default now()
);
