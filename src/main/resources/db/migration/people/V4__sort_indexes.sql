-- The resident list sorts by address, name (pinyin), age and most recent change (排序). The address and name orders
-- walk the living and pinyin indexes of V3; these two serve the age and the change orders the same way, carrying the
-- columns that the scope, the state and the list filters test, so a sorted page is read from the index alone.
create index resident_birth_ix on people.resident (birth_date, id)
    include (state, living_room_code, registered_area_code, registration_status, separated);
create index resident_updated_ix on people.resident (updated_at, id)
    include (state, living_room_code, registered_area_code, registration_status, separated);
