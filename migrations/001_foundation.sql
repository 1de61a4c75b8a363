-- Foundation: the production calendar as administrators keep it, stored deadlines, and the audit trail.
-- PostgreSQL 15 level: the same file runs on PGlite (PostgreSQL 18) and on a PostgreSQL 15+ server.

create extension if not exists pg_trgm;

-- A year of the production calendar as entered: holidays and transfers (carry-overs are derived in src/law).
create table calendar_year (
  year        integer primary key check (year between 1991 and 2200),
  complete    boolean not null,
  data        jsonb not null,
  revision    bigint not null,
  updated_at  timestamptz not null default now(),
  updated_by  text not null
);
create sequence calendar_revision_seq;

-- A deadline a case relies on, stored with its explanation. It keeps its date when the calendar changes,
-- until an explicit recompute (which reports what moved).
create table deadline (
  id                bigint generated always as identity primary key,
  subject_type      text not null,
  subject_id        text not null,
  term_id           text not null,
  from_date         date not null,
  due               date not null,
  internal_target   date,
  explanation       jsonb not null,
  warnings          jsonb not null,
  conventions       jsonb not null,
  calendar_revision bigint not null,
  open              boolean not null default true,
  computed_at       timestamptz not null default now()
);
create index deadline_subject on deadline (subject_type, subject_id);
create index deadline_open_due on deadline (due) where open;

-- Who did what, when, to what. Append-only: nothing updates or deletes these rows.
create table audit_event (
  id           bigint generated always as identity primary key,
  at           timestamptz not null default now(),
  actor        text not null,
  action       text not null,
  subject_type text not null,
  subject_id   text not null,
  details      jsonb not null default '{}'::jsonb
);
create index audit_event_subject on audit_event (subject_type, subject_id, at);
