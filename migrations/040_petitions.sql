-- Petitions (APC Chapter 12-1). One row per petition; every change is a hash-chained case event ('petition').
-- Signatures: the unique key (petition_id, iin) is the truth (one signature per citizen, 90-3(1)); the count
-- shown on the public page is kept in a sharded counter (see petition_signature_count).

create sequence petition_number_seq;

create table petition (
  id                  uuid primary key default gen_random_uuid(),
  number              text not null unique,
  -- the competent body (90-2(2)(2)) and, from it, the competence and level (src/law/petitions.ts)
  body_id             uuid not null references body (id),
  competence          text not null,
  level               text not null check (level in ('central', 'local')),
  state               text not null,
  -- electronic on the web resource, or written in the approved form (90-2(1)); decides the pre-support window
  channel             text not null check (channel in ('electronic', 'written')),
  language            text not null check (language in ('kk', 'ru', 'en')),
  title               text not null,
  -- 90-2(2)(4): content, arguments and proposals
  content             text not null,
  proposals           text not null,
  -- 90-2(2)(1): the applicant (a citizen, 90-1(2)): name, IIN, place of residence, e-mail; personal data, never logged
  applicant           jsonb not null,
  applicant_id        uuid references applicant (id),
  -- 90-2(2)(3): the representative's authority, if filed by one
  representative      jsonb,
  submitted_at        timestamptz not null,
  submitted_on        date not null,
  pre_support_by      date not null,
  pre_supported_on    date,
  check_by            date,
  published_on        date,
  media_by            date,
  signing_ends_on     date,
  -- 90-3(4): the threshold fixed at publication, with the population it was computed from (source: the PA)
  population          integer,
  threshold           integer,
  sent_on             date,
  send_by             date,
  registered_on       date,
  due                 date,
  decided_on          date,
  publish_decision_by date,
  decision            jsonb,
  -- 90-5(2): the duties recorded during consideration, by code
  duties              jsonb not null default '{}',
  -- 90-3(5): the simplified-procedure appeal the returned petition became at the competent body
  returned_appeal_id  uuid references appeal (id),
  closed_at           timestamptz,
  version             integer not null default 1,
  event_count         integer not null default 0,
  last_event_hash     text not null default '',
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now()
);
create index petition_state on petition (state, signing_ends_on);
create index petition_body on petition (body_id, state);

-- One row per citizen per petition. The primary key refuses a second signature with the same IIN, whatever the
-- concurrency; withdrawal is not offered (the Code provides none).
create table petition_signature (
  petition_id   uuid not null references petition (id),
  iin           text not null,
  name          text not null,
  -- electronic (EDS or signed-in cabinet) or written (entered by the petitions authority), 90-3(1)
  form          text not null check (form in ('electronic', 'written')),
  applicant_id  uuid references applicant (id),
  -- 90-1(2), 90-3(1): the signer declares citizenship of the Republic of Kazakhstan and consents to processing of personal data
  citizen_declared boolean not null check (citizen_declared),
  consent       boolean not null check (consent),
  signed_at     timestamptz not null,
  primary key (petition_id, iin)
);

-- The live count without a hot row. Every accepted signature adds 1 to one of 16 shards of its petition, chosen
-- at random, in the transaction that inserted the signature (so a rolled-back or refused signature adds nothing).
-- Concurrent signers then wait on different rows instead of queueing on one (the UK petitions site's failure,
-- anchors §1.11), and the count is the sum of at most 16 rows: O(1) per page view, unlike count(*) over
-- signatures, which grows with the petition (a popular one has hundreds of thousands).
create table petition_signature_count (
  petition_id uuid not null references petition (id),
  shard       smallint not null,
  n           bigint not null,
  primary key (petition_id, shard)
);
