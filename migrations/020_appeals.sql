-- The administrative procedure on an appeal (APC Chapters 9, 10, 12). One row per case; every change to it is
-- an append-only, hash-chained case event written in the same transaction. PostgreSQL 15 level (also PGlite).

-- Registration numbers: unique and gap-free per body and year (APC 64(2), 4(1)(20)). The counter row is locked
-- by the registering transaction, so a rolled-back registration gives its number back.
create table registration_counter (
  body_id  uuid not null references body (id),
  year     integer not null,
  last     integer not null,
  primary key (body_id, year)
);

create table appeal (
  id                  uuid primary key default gen_random_uuid(),
  number              text not null,
  body_id             uuid not null references body (id),
  -- application | proposal | feedback | request | report (src/law/requirements.ts APPEAL_TYPES)
  type                text not null,
  -- the lifecycle it follows: appeal (APC Ch. 9–11) or simplified (Ch. 12)
  procedure           text not null check (procedure in ('appeal', 'simplified')),
  state               text not null,
  channel             text not null,
  -- the language of the appeal: notices, the ticket and the answer go out in it (APC 89(2), DESIGN)
  language            text not null check (language in ('kk', 'ru', 'en')),
  topic_id            uuid references topic (id),
  summary             text not null,
  -- the essence of the appeal (APC 63(2)(3)); personal data may be inside: never logged
  essence             text not null,
  -- the applicant as stated in the appeal (APC 63(2)(1)); applicant_id links a cabinet when there is one
  applicant           jsonb not null,
  applicant_id        uuid references applicant (id),
  anonymous           boolean not null default false,
  signed              boolean not null,
  signature           jsonb,
  filed_on            date,
  -- receipt starts the procedure (APC 62(2)); registration is that day or the next working day (64(3))
  received_at         timestamptz not null,
  received_on         date not null,
  registered_on       date not null,
  accepted_by         uuid references official (id),
  accepted_by_name    text not null,
  accepted_by_position text not null,
  subdivision_id      uuid references subdivision (id),
  executor_id         uuid references official (id),
  co_executor_ids     uuid[] not null default '{}',
  -- the term in force now (APC 76(1), or as extended under 76(3)) and the 76(3) cap
  due                 date not null,
  extension_cap       date not null,
  extended            boolean not null default false,
  -- a hearing: the preliminary decision reached the participant on this day (73(1)); or an exemption (73(2))
  preliminary_received_on date,
  hearing_exemption   text,
  hearing_exemption_reasons text,
  -- the legal fact of APC 91(2), dated on the expiry day
  deemed_refused_on   date,
  decided_at          timestamptz,
  decision            jsonb,
  closed_at           timestamptz,
  -- links: a redirected appeal's origin (65(3)), a partial redirect's parent (65(2)), a repeat (70(5))
  redirected_from     uuid references appeal (id),
  parent_id           uuid references appeal (id),
  repeat_of           uuid references appeal (id),
  idempotency_key     text,
  -- optimistic concurrency: every change increments it; an action names the version it saw
  version             integer not null default 1,
  -- the head of the case's event chain (tamper evidence: a deleted last event breaks this link)
  event_count         integer not null default 0,
  last_event_hash     text not null default '',
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  unique (body_id, number)
);
create index appeal_body_state_due on appeal (body_id, state, due);
create index appeal_executor_due on appeal (executor_id, due) where executor_id is not null;
create index appeal_subdivision_due on appeal (subdivision_id, due) where subdivision_id is not null;
create index appeal_applicant on appeal (applicant_id, created_at) where applicant_id is not null;
create index appeal_open_due on appeal (due) where deemed_refused_on is null and closed_at is null;
create unique index appeal_idempotency on appeal (applicant_id, idempotency_key) where idempotency_key is not null;

-- What happened to a case, when, by whom, on which legal basis. Append-only. Each event's hash covers the
-- previous one's, so an edited or removed event is detected by `tynda audit verify`.
create table case_event (
  id          bigint generated always as identity primary key,
  case_type   text not null,
  case_id     uuid not null,
  seq         integer not null,
  at          timestamptz not null,
  actor       text not null,
  action      text not null,
  citation    text,
  state       text,
  details     jsonb not null,
  prev_hash   text not null,
  hash        text not null,
  unique (case_type, case_id, seq)
);

-- Files of a case: scans of a paper appeal, attachments of an electronic one. Contents live in the file store.
create table case_file (
  id          uuid primary key default gen_random_uuid(),
  case_type   text not null,
  case_id     uuid not null,
  name        text not null,
  media_type  text not null,
  size        integer not null,
  sha256      text not null,
  added_by    text not null,
  added_at    timestamptz not null default now()
);
create index case_file_case on case_file (case_type, case_id);
