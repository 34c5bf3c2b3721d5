-- Codes, names and pinyin compare byte by byte (collation C): one plain btree index then serves both the prefix
-- searches (LIKE 'x%') and the list order, whatever the database's default collation.
drop index people.resident_name_ix;
drop index people.resident_name_rest_ix;
drop index people.resident_initials_ix;
drop index people.resident_pinyin_ix;
drop index people.resident_living_ix;
drop index people.resident_registered_ix;

alter table people.resident
    alter column name type varchar(50) collate "C",
    alter column name_rest type varchar(50) collate "C",
    alter column name_pinyin type varchar(300) collate "C",
    alter column name_initials type varchar(60) collate "C",
    alter column living_room_code type varchar(24) collate "C",
    alter column registered_area_code type varchar(24) collate "C";

create index resident_name_ix on people.resident (name, id);
create index resident_name_rest_ix on people.resident (name_rest);
create index resident_initials_ix on people.resident (name_initials, id);
create index resident_pinyin_ix on people.resident (name_pinyin, id);
create index resident_living_ix on people.resident (living_room_code, id) include (state);
create index resident_registered_ix on people.resident (registered_area_code) where registered_area_code is not null;
