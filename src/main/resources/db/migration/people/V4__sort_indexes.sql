-- The resident list sorts by address, name (pinyin), age and most recent change (排序).
--
-- A list walks the index of its order: the living index (address), the pinyin index (name), and the two below (age
-- and change), which carry the columns that the scope, the state and the list filters test, so a sorted page is read
-- from the index alone. A search sorts the matches of each arm from the arm's own index, so every search index of V3
-- now also carries birth_date and updated_at: a surname alone sorted by age otherwise fetched every match's row.
create index resident_birth_ix on people.resident (birth_date, id)
    include (state, living_room_code, registered_area_code, registration_status, separated);
create index resident_updated_ix on people.resident (updated_at, id)
    include (state, living_room_code, registered_area_code, registration_status, separated);

drop index people.resident_name_ix;
drop index people.resident_name_rest_ix;
drop index people.resident_initials_ix;
drop index people.resident_pinyin_ix;
drop index people.resident_living_ix;
drop index people.resident_separated_ix;
drop index people.resident_registered_ix;

create index resident_name_ix on people.resident (name, id)
    include (name_pinyin, state, living_room_code, registered_area_code, birth_date, updated_at);
create index resident_name_rest_ix on people.resident (name_rest, id)
    include (name_pinyin, state, living_room_code, registered_area_code, birth_date, updated_at);
create index resident_initials_ix on people.resident (name_initials, id)
    include (name_pinyin, state, living_room_code, registered_area_code, birth_date, updated_at);
create index resident_pinyin_ix on people.resident (name_pinyin, id)
    include (state, living_room_code, registered_area_code, birth_date, updated_at);
create index resident_living_ix on people.resident (living_room_code, id)
    include (state, registration_status, separated, name_pinyin, birth_date, updated_at);
create index resident_separated_ix on people.resident (living_room_code, id)
    include (state, registration_status, name_pinyin, birth_date, updated_at) where separated;
create index resident_registered_ix on people.resident (registered_area_code, id)
    include (state, living_room_code, registration_status, separated, name_pinyin, birth_date, updated_at)
    where registered_area_code is not null;
