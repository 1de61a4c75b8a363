-- The language of an instruction under control: of its text and of the notices about it to its executors, the
-- monitoring department and its giver (given when it is put under control, else that of the reception it was given
-- at, else the workspace language of whoever put it under control).
alter table instruction add column language text not null default 'kk' check (language in ('kk', 'ru', 'en'));
