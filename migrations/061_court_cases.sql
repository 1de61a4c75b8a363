-- Court cases a body's legal service tracks (APC Section 4; apc-requirements §7) and the rows of Annex 3 of Rules
-- No. 111 they fill. One row per case; instances, entry into force, execution and private rulings are columns of
-- it, every change a hash-chained case event ('court_case').
create table court_case (
  id                  uuid primary key default gen_random_uuid(),
  -- the state body whose case it is (Annex 3 c.2)
  body_id             uuid not null references body (id),
  appeal_id           uuid references appeal (id),
  complaint_id        uuid references complaint (id),
  act_id              uuid,
  -- Annex 3 c.4: the act's name, content and adoption date as the legal service states them
  act                 jsonb not null,
  -- challenge | compulsion | performance | declaratory (132–135); damages (160) alongside
  claim_type          text not null,
  damages_claim       boolean not null default false,
  -- complaint_decision | deemed_dismissal | direct (136(1), 136(6), 91(5))
  claim_basis         text not null,
  court               text not null,
  case_number         text,
  role                text not null check (role in ('defendant', 'plaintiff', 'interested')),
  -- Annex 3 c.6: the plaintiff, claims and arguments
  plaintiff           jsonb not null,
  claims              text not null,
  arguments           text,
  area                text,
  claim_filed_on      date not null,
  claim_deadline      date,
  claim_late          boolean not null default false,
  -- Annex 3 c.3
  status              text not null check (status in ('pending', 'in_force')),
  instance            text check (instance in ('first', 'appeal', 'cassation')),
  first_instance      jsonb,
  appeal              jsonb,
  cassation           jsonb,
  return_ground       text,
  entered_into_force_on date,
  found_unlawful      boolean not null default false,
  act_cancelled       boolean not null default false,
  act_cancelled_recorded boolean not null default false,
  -- Annex 3 c.10–13
  cancellation_reasons text,
  preventive_measures jsonb,
  causes_measures     jsonb,
  private_rulings     jsonb not null default '[]'::jsonb,
  -- 171(2): executed and the court notified
  executed_on         date,
  court_notified_on   date,
  version             integer not null default 1,
  event_count         integer not null default 0,
  last_event_hash     text not null default '',
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now()
);
create index court_case_body on court_case (body_id, claim_filed_on);
create index court_case_appeal on court_case (appeal_id) where appeal_id is not null;
create index court_case_complaint on court_case (complaint_id) where complaint_id is not null;
create index court_case_force on court_case (body_id, entered_into_force_on) where entered_into_force_on is not null;
