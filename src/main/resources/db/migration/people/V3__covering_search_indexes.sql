-- Every search arm reads one index and nothing else (index-only): the indexes carry the columns that the scope,
-- the state, the common filters and the list order need. Broad searches (a surname alone, two initials, a whole
-- community) then count and page without visiting the table.
drop index people.resident_name_ix;
drop index people.resident_name_rest_ix;
drop index people.resident_initials_ix;
drop index people.resident_pinyin_ix;
drop index people.resident_living_ix;
drop index people.resident_registered_ix;

create index resident_name_ix on people.resident (name, id)
    include (name_pinyin, state, living_room_code, registered_area_code);
create index resident_name_rest_ix on people.resident (name_rest, id)
    include (name_pinyin, state, living_room_code, registered_area_code);
create index resident_initials_ix on people.resident (name_initials, id)
    include (name_pinyin, state, living_room_code, registered_area_code);
create index resident_pinyin_ix on people.resident (name_pinyin, id)
    include (state, living_room_code, registered_area_code);
create index resident_living_ix on people.resident (living_room_code, id)
    include (state, registration_status, separated, name_pinyin);
create index resident_separated_ix on people.resident (living_room_code, id)
    include (state, registration_status, name_pinyin) where separated;
create index resident_registered_ix on people.resident (registered_area_code, id)
    include (state, living_room_code, registration_status, separated, name_pinyin)
    where registered_area_code is not null;
