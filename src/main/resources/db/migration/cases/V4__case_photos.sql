-- Photos of cases (现场照片), uploaded with a report or with a step of the loop; served only to users who may see the
-- case. case_no is null between upload and the report that creates the case.
create table cases.case_photo (
    id            varchar(36)  primary key,
    case_no       varchar(24),
    uploaded_by   bigint       not null,
    uploaded_at   timestamptz  not null default now(),
    content_type  varchar(32)  not null check (content_type in ('image/jpeg','image/png','image/gif','image/webp')),
    size_bytes    int          not null check (size_bytes between 1 and 5242880),
    data          bytea        not null
);
create index case_photo_case_ix on cases.case_photo (case_no);
