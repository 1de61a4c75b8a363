-- File contents live in the database beside their case: one store for both engines and every app node, in every
-- backup, deduplicated by content hash. case_file (020) names a file on a case; file_blob holds the bytes.
create table file_blob (
  sha256      text primary key,
  media_type  text not null,
  size        integer not null,
  content     bytea not null,
  created_at  timestamptz not null default now()
);
alter table case_file add constraint case_file_blob foreign key (sha256) references file_blob (sha256);
