-- The reporter's id in the resident registry (people module), when intake could tell who reported: an id sent with
-- the case, or the hotline phone matching exactly one resident through the registry's blind index. Only the id is
-- kept; the full phone number never reaches the database. No foreign key: another module's data is referred to by id.
alter table cases.case_record add column reporter_resident_id bigint;
create index case_reporter_resident_ix on cases.case_record (reporter_resident_id, received_at desc)
    where reporter_resident_id is not null;
