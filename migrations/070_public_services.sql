-- Public services (Law "On State Services", LSS): the register (Art. 12), complaints about the quality of a service
-- (Art. 25), ratings by recipients (Art. 28–29) and hidden public services noticed in appeals (Art. 1(2-1), 12(3)).

-- Art. 12: the register. The Law gives no field list (A-19): these are the Art. 14(3-1) basic requirements.
create table public_service (
  code                 text primary key,
  name                 jsonb not null,
  -- providers: body types (every body of the type provides it) and/or named bodies
  provider_body_types  text[] not null default '{}',
  provider_body_ids    uuid[] not null default '{}',
  provider_note        jsonb,
  -- Art. 18(2): provider, state_corporation, partner, egov_portal, stationary_device, cellular_device, information_object
  channels             text[] not null,
  -- the term of the procedure act: { amount, unit, note? }
  term                 jsonb not null,
  documents            jsonb not null default '[]',
  -- Art. 24, 14(3-1)(g): { free, mci?, note? }
  fee                  jsonb not null,
  -- Art. 19-1(2) codes (src/law/services.ts) and, for 19-1(5), the other laws' references
  refusal_grounds      text[] not null default '{}',
  refusal_other        jsonb not null default '[]',
  -- Art. 13–14: the by-law act that sets the procedure (formerly the "standard")
  procedure_act        jsonb not null,
  result               jsonb,
  -- Art. 1(17-1), 21-1
  proactive            boolean not null default false,
  -- Art. 1(4-1)
  socially_significant boolean not null default false,
  active               boolean not null default true,
  search_text          text not null,
  version              integer not null default 1,
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now()
);
create index public_service_search on public_service using gin (search_text gin_trgm_ops);
create index public_service_channels on public_service using gin (channels);

-- the bodies with a role of their own under the Law: 'quality' the authorised body for assessment and control of
-- the quality of public services (Art. 1(14), 25(2) ¶2); 'register' the authorised body in the field (Art. 1(17), 12)
create table public_service_authority (
  role     text primary key check (role in ('quality', 'register')),
  body_id  uuid not null references body (id)
);

-- Art. 25: a complaint about a public service, registered at the body it is addressed to
create table service_complaint (
  id                uuid primary key default gen_random_uuid(),
  number            text not null,
  service_code      text not null references public_service (code),
  -- provider | state_corporation | authorized_body (src/law/services.ts)
  addressee         text not null,
  body_id           uuid not null references body (id),
  -- the body whose service is complained about (when it is not the receiving body)
  provider_body_id  uuid references body (id),
  state             text not null,
  language          text not null check (language in ('kk', 'ru', 'en')),
  channel           text not null check (channel in ('paper', 'electronic')),
  -- personal data: never logged
  complainant       jsonb not null,
  applicant_id      uuid references applicant (id),
  subject           text not null,
  receipt_ref       text,
  appeal_id         uuid references appeal (id),
  essence           text not null,
  demands           text,
  received_at       timestamptz not null,
  received_on       date not null,
  -- A-07: the term runs from registration
  registered_on     date not null,
  term_id           text not null,
  original_due      date not null,
  due               date not null,
  extended_days     integer not null default 0,
  decision          jsonb,
  decided_on        date,
  closed_at         timestamptz,
  -- LSS 25(1), APC 91: the APC complaint it became
  apc_complaint_id  uuid references complaint (id),
  version           integer not null default 1,
  event_count       integer not null default 0,
  last_event_hash   text not null default '',
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  unique (body_id, number)
);
create index service_complaint_body on service_complaint (body_id, state);
create index service_complaint_applicant on service_complaint (applicant_id) where applicant_id is not null;
create index service_complaint_open_due on service_complaint (due) where closed_at is null;
create index service_complaint_service on service_complaint (service_code, provider_body_id);

-- Art. 28–29: one rating per recipient and service receipt (or complaint)
create table service_rating (
  id                uuid primary key default gen_random_uuid(),
  service_code      text not null references public_service (code),
  provider_body_id  uuid not null references body (id),
  applicant_id      uuid not null references applicant (id),
  receipt_ref       text,
  complaint_id      uuid references service_complaint (id),
  -- receipt_ref, or the complaint id: what the rating is once per
  receipt_key       text not null,
  score             smallint not null check (score between 1 and 5),
  comment           text,
  created_at        timestamptz not null default now(),
  unique (applicant_id, service_code, receipt_key)
);
create index service_rating_service on service_rating (service_code, provider_body_id);

-- Art. 1(2-1), 12(3): a hidden public service noticed in an appeal, for the register's keepers
create table hidden_service_flag (
  id             uuid primary key default gen_random_uuid(),
  appeal_id      uuid not null references appeal (id),
  body_id        uuid not null references body (id),
  function_name  text not null,
  reason         text not null,
  flagged_by     text not null,
  created_at     timestamptz not null default now()
);
create index hidden_service_flag_created on hidden_service_flag (created_at desc);
