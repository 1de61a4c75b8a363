-- The list of administrative procedures of a body (Rules No. 111 p.8, Annex 1: eight columns). Shared by the
-- Knowledge Base (manuals per procedure, p.9), the uniformity analysis (similar cases of one procedure, APC 15-1)
-- and the generalization reports (areas of activity, Annex 4 step 10). PostgreSQL 15 level (also PGlite).

create table admin_procedure (
  id                 uuid primary key default gen_random_uuid(),
  body_id            uuid not null references body (id),
  code               text not null,
  -- col. 1 scope of legislation; reused as the "area of activity" of the generalization report (R-17)
  scope              text not null,
  -- col. 2 the name ({kk, ru, en}) and where the procedure is regulated
  name               jsonb not null,
  regulated_by       text not null,
  -- col. 3 format (paper | electronic | both) and the information system, if any
  format             text not null check (format in ('paper', 'electronic', 'both')),
  information_system text,
  -- col. 4 the body or official who carries it out; col. 5 the body reviewing the complaint
  performer          text not null,
  complaint_body     text not null,
  -- col. 6 how the appeal of a decision is implemented, recommendatory or mandatory (A-14: text and enum)
  appeal_procedure   text not null,
  appeal_binding     text check (appeal_binding in ('recommendatory', 'mandatory')),
  -- col. 7 terms of possible appeal; col. 8 the specific reference to a law or other normative legal act
  appeal_terms       text not null,
  legal_refs         text not null,
  -- the topics of appeals the procedure covers: diagnosis compares them with the appeals the body handles (p.8)
  topic_ids          uuid[] not null default '{}',
  state              text not null default 'draft' check (state in ('draft', 'approved', 'retired')),
  approved_by        uuid references official (id),
  approved_at        timestamptz,
  created_by         text not null,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  unique (body_id, code)
);

-- The procedure an appeal is handled under (set at registration or routing; null while unknown).
alter table appeal add column admin_procedure_id uuid references admin_procedure (id);
create index appeal_admin_procedure on appeal (admin_procedure_id) where admin_procedure_id is not null;
