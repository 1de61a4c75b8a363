-- Complaints against acts and actions (inaction) (APC Chapters 13–15). Filed with the originating body (91(4)),
-- forwarded to the review body or satisfied there; every change is a hash-chained case event ('complaint').
-- The challenged object is an appeal case (its act, an action, inaction or its deemed refusal) and, when the acts
-- module has one, an administrative act (act_id, no foreign key: the acts module owns that table).
create table complaint (
  id                  uuid primary key default gen_random_uuid(),
  number              text not null,
  origin_body_id      uuid not null references body (id),
  -- null: no superior body or official exists, the route is the court (91(6))
  review_body_id      uuid references body (id),
  state               text not null,
  language            text not null check (language in ('kk', 'ru', 'en')),
  channel             text not null,
  -- the complainant as stated (93(2)(2)–(3)); personal data: never logged
  complainant         jsonb not null,
  applicant_id        uuid references applicant (id),
  appeal_id           uuid references appeal (id),
  act_id              uuid,
  -- act | action | inaction | deemed_refusal (src/law/complaints.ts)
  challenged_kind     text not null,
  challenged_summary  text not null,
  challenged_officials uuid[] not null default '{}',
  circumstances       text not null,
  demands             text,
  attachments         jsonb,
  signed              boolean not null,
  filed_on            date,
  received_at         timestamptz not null,
  received_on         date not null,
  registered_on       date not null,
  -- 92(1): the day the complainant learned of the act or action (A13) and the 3-month limit from it
  learned_on          date not null,
  complain_by         date not null,
  late                boolean not null,
  restoration         jsonb,
  -- 96: suspension of execution, or the exception recorded instead
  execution_suspended boolean not null default false,
  suspension_exception text,
  suspension_reasons  text,
  forwarded_on        date,
  forwarded_by        uuid references official (id),
  review_received_on  date,
  reviewer_id         uuid references official (id),
  collegial           boolean not null default false,
  -- 99: 20 working days from receipt at the originating body (A8, the legal date); review_due from the review body's receipt
  due                 date not null,
  review_due          date,
  decision            jsonb,
  decided_on          date,
  decided_at          timestamptz,
  -- 100(5): the legal fact, dated on the expiry day
  deemed_dismissed_on date,
  closed_at           timestamptz,
  -- 100(1)(5): the new procedure at the originating body once the case is sent back
  new_appeal_id       uuid references appeal (id),
  version             integer not null default 1,
  event_count         integer not null default 0,
  last_event_hash     text not null default '',
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  unique (origin_body_id, number)
);
create index complaint_appeal on complaint (appeal_id) where appeal_id is not null;
create index complaint_review_body on complaint (review_body_id, state);
create index complaint_open_due on complaint (due) where deemed_dismissed_on is null and decided_at is null and closed_at is null;
