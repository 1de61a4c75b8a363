-- Organisation, identity and access control: who is who (territories, administrative bodies, subdivisions,
-- positions, officials and their appointments, applicants), how they sign in (accounts, sessions, API tokens,
-- one-time codes, OpenID Connect) and which roles they hold. What a role may do is not here: it is the policy
-- table in src/modules/identity/policy.ts.
-- PostgreSQL 15 level: the same file runs on PGlite (PostgreSQL 18) and on a PostgreSQL 15+ server.

-- Regions, cities of republican significance, the capital and their districts (for problem cards by district).
create table territory (
  id         uuid primary key default gen_random_uuid(),
  code       text not null unique,       -- ISO 3166-2:KZ for regions and cities ('KZ-35'); '<parent>-<n>' below
  kato       text unique,                -- the statistical classifier code (KATO), where known
  kind       text not null check (kind in ('region', 'city_republican', 'capital', 'district', 'city_district', 'town_regional')),
  parent_id  uuid references territory (id),
  name       jsonb not null              -- { kk, ru, en }
);
create index territory_parent on territory (parent_id);

-- An administrative body, or an external party (court, State Corporation). Bodies form a hierarchy by parent_id;
-- complaint_body_id is the body that reviews complaints against this one (APC 91(3)).
create table body (
  id                          uuid primary key default gen_random_uuid(),
  code                        text not null unique,
  type                        text not null,
  name                        jsonb not null,
  bin                         char(12) unique,
  territory_id                uuid references territory (id),
  parent_id                   uuid references body (id),
  complaint_body_id           uuid references body (id),
  subject_to_rules_111        boolean not null,
  contact                     jsonb not null default '{}'::jsonb,
  reception_address           jsonb,
  registration_number_format  text not null,
  active                      boolean not null default true,
  created_at                  timestamptz not null default now(),
  updated_at                  timestamptz not null default now(),
  check (parent_id is null or parent_id <> id),
  check (complaint_body_id is null or complaint_body_id <> id)
);
create index body_parent on body (parent_id);
create index body_territory on body (territory_id);

-- Structural subdivisions inside a body; they may nest (a department and its divisions).
create table subdivision (
  id         uuid primary key default gen_random_uuid(),
  body_id    uuid not null references body (id),
  parent_id  uuid references subdivision (id),
  code       text not null,
  kind       text not null,
  name       jsonb not null,
  active     boolean not null default true,
  unique (body_id, code)
);
create index subdivision_parent on subdivision (parent_id);

-- A post in a body (optionally in a subdivision). `role` is the role its holder has, scoped to that body and
-- subdivision, for as long as the appointment runs.
create table position (
  id              uuid primary key default gen_random_uuid(),
  body_id         uuid not null references body (id),
  subdivision_id  uuid references subdivision (id),
  code            text not null,
  title           jsonb not null,
  role            text,
  unique (body_id, code)
);

-- A person working in a body. Contact data and IIN are personal data: shown masked to most roles.
create table official (
  id          uuid primary key default gen_random_uuid(),
  body_id     uuid not null references body (id),
  full_name   text not null,
  iin         char(12),
  email       text,
  phone       text,
  active      boolean not null default true,
  created_at  timestamptz not null default now()
);
create index official_body on official (body_id);
create unique index official_iin on official (iin) where iin is not null;

-- An official holds a position from a date; an acting appointment (Standard Regulation p.19: the person replacing
-- an absent head) always has an end date and expires by itself.
create table appointment (
  id           uuid primary key default gen_random_uuid(),
  official_id  uuid not null references official (id),
  position_id  uuid not null references position (id),
  acting       boolean not null default false,
  acting_for   uuid references official (id),
  valid_from   date not null,
  valid_to     date,
  ended_at     timestamptz,
  created_by   text not null,
  created_at   timestamptz not null default now(),
  check (not acting or valid_to is not null),
  check (valid_to is null or valid_to >= valid_from)
);
create index appointment_official on appointment (official_id);

-- The classifier of appeal topics: two levels, each topic may name the body type competent for it.
create table topic (
  id                    uuid primary key default gen_random_uuid(),
  code                  text not null unique,
  parent_id             uuid references topic (id),
  name                  jsonb not null,
  competent_body_type   text,
  active                boolean not null default true
);

-- An official's local account. Only an scrypt hash of the password is kept; repeated failures lock it for a while.
create table official_account (
  official_id          uuid primary key references official (id),
  login                text not null unique,
  password_hash        text not null,
  password_changed_at  timestamptz not null default now(),
  failed_logins        integer not null default 0,
  locked_until         timestamptz
);

-- An official's identity at an OpenID Connect provider (the eGov IDP), linked on first sign-in.
create table official_identity (
  issuer       text not null,
  subject      text not null,
  official_id  uuid not null references official (id),
  linked_at    timestamptz not null default now(),
  primary key (issuer, subject)
);

-- A role given to an official directly (not through a position), anchored at a body and optionally a subdivision.
create table role_grant (
  id              uuid primary key default gen_random_uuid(),
  official_id     uuid not null references official (id),
  role            text not null,
  body_id         uuid references body (id),
  subdivision_id  uuid references subdivision (id),
  valid_from      date not null,
  valid_to        date,
  granted_by      text not null,
  granted_at      timestamptz not null default now(),
  revoked_by      text,
  revoked_at      timestamptz,
  check (valid_to is null or valid_to >= valid_from)
);
create index role_grant_official on role_grant (official_id);

-- A person or organisation with a cabinet. The cabinet is opened by a one-time code to an e-mail or phone;
-- the IIN (individual) or BIN (legal entity) is added to the profile.
create table applicant (
  id          uuid primary key default gen_random_uuid(),
  kind        text check (kind in ('individual', 'legal_entity')),
  iin         char(12),
  bin         char(12),
  name        text,
  email       text unique,
  phone       text unique,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  check (email is not null or phone is not null),
  check (kind is null or (kind = 'individual' and iin is not null and bin is null) or (kind = 'legal_entity' and bin is not null))
);
create unique index applicant_iin on applicant (iin) where iin is not null;

-- A signed-in session. The token is shown once (cookie or bearer); only its SHA-256 is kept.
create table session (
  id              uuid primary key default gen_random_uuid(),
  token_hash      text not null unique,
  principal_type  text not null check (principal_type in ('official', 'applicant')),
  principal_id    uuid not null,
  method          text not null,
  created_at      timestamptz not null default now(),
  last_seen_at    timestamptz not null default now(),
  expires_at      timestamptz not null,
  revoked_at      timestamptz
);
create index session_principal on session (principal_type, principal_id);

-- A bearer token for an integration, acting for an official with at most the listed actions. Hash only.
create table api_token (
  id            uuid primary key default gen_random_uuid(),
  official_id   uuid not null references official (id),
  name          text not null,
  token_hash    text not null unique,
  scopes        text[] not null,
  created_by    text not null,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz,
  last_used_at  timestamptz,
  revoked_by    text,
  revoked_at    timestamptz
);

-- A one-time sign-in code sent to an e-mail or phone. The address and the code are kept as hashes only.
create table otp_challenge (
  id            uuid primary key default gen_random_uuid(),
  channel       text not null check (channel in ('email', 'phone')),
  address_hash  text not null,
  code_hash     text not null,
  attempts      integer not null default 0,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz not null,
  consumed_at   timestamptz
);
create index otp_challenge_address on otp_challenge (address_hash, created_at);

-- An OpenID Connect sign-in in progress: state, PKCE verifier and nonce, kept server-side for a few minutes.
create table oidc_flow (
  state_hash     text primary key,
  code_verifier  text not null,
  nonce          text not null,
  return_to      text not null,
  expires_at     timestamptz not null
);

-- Demo accounts only (`tynda seed --demo`, first start on an empty database): the generated passwords, so that
-- every start can print them. A row goes when its password is changed.
create table demo_account (
  official_id  uuid primary key references official (id),
  login        text not null,
  role         text not null,
  password     text not null
);
