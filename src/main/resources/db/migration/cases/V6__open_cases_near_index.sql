-- The duplicate check at intake (open cases of the same category within about 100 m) scanned every open case of the
-- category newest first; with this index it reads only the open cases of the category in a narrow band of longitude.
create index case_open_near_ix on cases.case_record (category_code, lng, lat)
    where status not in ('CLOSED', 'VOID', 'MERGED');
