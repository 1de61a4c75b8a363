-- Administrative acts (APC Chapter 11) and their standard forms (Rules No. 111 p.5(3), p.7). PostgreSQL 15 level.

-- Standard forms (samples) of acts: per administrative procedure, versioned, approved by the head of the body.
-- body_id null: a form shared by every body (the demo forms). Texts hold {{placeholders}} bound to case data.
create table act_template (
  id              uuid primary key default gen_random_uuid(),
  body_id         uuid references body (id),
  code            text not null,
  version         integer not null,
  -- satisfaction | refusal | termination | simplified_answer | complaint_decision (src/law/acts.ts ACT_KINDS)
  kind            text not null,
  -- the administrative procedure the form belongs to (Annex 1 of Rules No. 111), e.g. 'appeal', 'simplified'
  procedure       text not null,
  title           jsonb not null,
  -- { operative, justification, legalBasis, appealExplanation }, each { kk, ru, en }
  sections        jsonb not null,
  -- Rules No. 111 p.7: whether the law itself prescribes the form, and where
  form_prescribed_by_law boolean not null default false,
  prescribed_ref  text,
  -- the version of the procedure manual (Rules No. 111 p.9) the form follows
  manual_version  text,
  state           text not null check (state in ('draft', 'approved', 'retired')),
  approved_by     uuid references official (id),
  approved_at     timestamptz,
  created_by      text not null,
  created_at      timestamptz not null default now()
);
create unique index act_template_code_version on act_template (coalesce(body_id, '00000000-0000-0000-0000-000000000000'::uuid), code, version);

-- Act numbers: unique and gap-free per body and year, like registration numbers.
create table act_counter (
  body_id  uuid not null references body (id),
  year     integer not null,
  last     integer not null,
  primary key (body_id, year)
);

create table act (
  id                uuid primary key default gen_random_uuid(),
  number            text not null,
  body_id           uuid not null references body (id),
  -- the case the act decides (null: an own-initiative procedure, APC 62(1)(2))
  appeal_id         uuid references appeal (id),
  template_id       uuid references act_template (id),
  template_code     text,
  template_version  integer,
  manual_version    text,
  kind              text not null,
  outcome           text not null,
  favourable        boolean not null,
  form              text not null check (form in ('written_electronic', 'written_paper', 'oral', 'other')),
  language          text not null check (language in ('kk', 'ru', 'en')),
  -- the subject of identical acts (APC 80(2)(2)): acts of one form and subject are counted together
  subject_key       text,
  state             text not null,
  -- the content of the current version (src/law/acts.ts ActContent and the texts)
  content           jsonb not null,
  content_version   integer not null default 1,
  -- a correction (82) or a written form of an oral act (78(4)) waiting for the official's signature
  pending           jsonb,
  drafted_by        uuid references official (id),
  signed_by         uuid references official (id),
  signer_name       text,
  signer_position   text,
  signed_at         timestamptz,
  adopted_on        date,
  -- APC 83(1): in force on adoption or on the later date the act states
  in_force_on       date,
  -- APC 83(2): takes effect on communication (81)
  communicated_on   date,
  communicated_by   text,
  -- APC 86(3): 5 working days from taking effect by default (A12); the act or a law may set another
  execution_due     date,
  executed_on       date,
  ceased_on         date,
  cease_cause       text,
  revocation        jsonb,
  written_form_due  date,
  version           integer not null default 1,
  event_count       integer not null default 0,
  last_event_hash   text not null default '',
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  unique (body_id, number)
);
create index act_appeal on act (appeal_id) where appeal_id is not null;
create index act_execution_due on act (body_id, execution_due) where executed_on is null and execution_due is not null;
create index act_identical on act (body_id, template_code, subject_key, adopted_on) where adopted_on is not null;

-- Every signed version of an act: the adopted text, then each correction (APC 82) or written form (78(4)).
-- `canonical` is exactly what was signed; the CMS signature is kept with the verification result.
create table act_version (
  act_id          uuid not null references act (id),
  version         integer not null,
  reason          text not null check (reason in ('adopted', 'correction', 'written_form')),
  content         jsonb not null,
  canonical       text not null,
  sha256          text not null,
  signature       text not null,
  verification    jsonb not null,
  signed_by       uuid references official (id),
  signed_at       timestamptz not null,
  details         jsonb not null default '{}',
  primary key (act_id, version)
);

-- The verification of an applicant's e-signature on an electronic appeal (APC 64(4), 45(7); AT-32).
alter table appeal add column signature_verification jsonb;
