-- The Knowledge Base (Rules No. 111 p.6, p.9–13): manuals per administrative procedure with their versions
-- (Annex 2), the body's obligations about them (quarterly verification p.11, three-month update p.13, proposals of
-- other subdivisions p.12), typical answers (REG p.5(8)), and one view of everything a citizen may search.
-- PostgreSQL 15 level (also PGlite). docs/knowledge.md.

-- A manual version: drafted, submitted, approved by the head (numbered, with the date it takes effect), published.
-- The uniformity analysis reads procedure_id, version, effective_from and basis: keep their names and shapes.
create table kb_manual_version (
  id              uuid primary key default gen_random_uuid(),
  procedure_id    uuid not null references admin_procedure (id),
  body_id         uuid not null references body (id),
  -- numbered on approval (1, 2, …); null while a draft or submitted
  version         integer,
  state           text not null default 'draft' check (state in ('draft', 'submitted', 'approved', 'published')),
  -- Annex 2 rows r1..r16 (row 12 as r12Consider / r12Satisfy), each { kk?, ru?, en? }
  fields          jsonb not null,
  -- rows explicitly marked "none" (8, 15, 16)
  none_rows       text[] not null default '{}',
  -- in force from effective_from; the next version's approval ends it the day before its own effective_from
  effective_from  date,
  effective_to    date,
  -- why the rule changed: { note, courtCaseIds: uuid[], divergenceIds: uuid[] }
  basis           jsonb not null default '{"note": "", "courtCaseIds": [], "divergenceIds": []}',
  submitted_at    timestamptz,
  returned_note   text,
  approved_by     uuid references official (id),
  approved_at     timestamptz,
  published_at    timestamptz,
  created_by      text not null,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  unique (procedure_id, version),
  check ((version is null) = (state in ('draft', 'submitted'))),
  check ((effective_from is null) = (version is null)),
  check (effective_to is null or effective_to >= effective_from)
);
-- one version in the making per procedure
create unique index kb_manual_version_open on kb_manual_version (procedure_id) where state in ('draft', 'submitted');
create index kb_manual_version_in_force on kb_manual_version (procedure_id, effective_from) where version is not null;

-- A typical question with its answer (the consultation answers of REG p.5(8)), shown to citizens once published.
create table kb_answer (
  id            uuid primary key default gen_random_uuid(),
  body_id       uuid not null references body (id),
  procedure_id  uuid references admin_procedure (id),
  question      jsonb not null,
  answer        jsonb not null,
  state         text not null default 'draft' check (state in ('draft', 'published')),
  published_at  timestamptz,
  created_by    text not null,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);

-- What the body must do about its manuals, as tracked tasks with a due date (none for a proposal).
create table kb_obligation (
  id             uuid primary key default gen_random_uuid(),
  body_id        uuid not null references body (id),
  procedure_id   uuid not null references admin_procedure (id),
  kind           text not null check (kind in ('verification', 'procedure_change', 'proposal')),
  -- verification: the calendar quarter, '2025-Q4' (A-08)
  period         text,
  -- procedure_change: the amending act; proposal: what is proposed
  summary        text not null default '',
  -- procedure_change (A-09): the three dates of the amending act, which one counts, and the date that counts
  adopted_on     date,
  published_on   date,
  in_force_on    date,
  change_basis   text check (change_basis in ('entry_into_force', 'publication', 'adoption')),
  change_date    date,
  -- proposal (p.12): the subdivision it comes from
  subdivision_id uuid references subdivision (id),
  due            date,
  state          text not null default 'open' check (state in ('open', 'done', 'accepted', 'rejected')),
  result         text check (result in ('compliant', 'needs_update')),
  note           text,
  done_on        date,
  done_by        text,
  created_by     text not null,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  unique (procedure_id, kind, period)
);
create index kb_obligation_open on kb_obligation (body_id, due) where state = 'open';

-- Everything the public may search, one row per item and language: the current published manual of each
-- procedure, the approved standard forms of acts (Rules p.5(3), p.7) and the published answers. A view, so it is
-- never stale; the text search runs on it with the language's configuration (russian for ru, simple otherwise).
create view kb_search_document as
  select 'manual'::text as kind, m.procedure_id as ref_id, m.body_id, l.lang,
         coalesce(p.name ->> l.lang, '') as title,
         coalesce((select string_agg(f.value ->> l.lang, E'\n' order by f.key) from jsonb_each(m.fields) f where jsonb_typeof(f.value) = 'object'), '') as content
    from (select distinct on (procedure_id) * from kb_manual_version where state = 'published' order by procedure_id, version desc) m
    join admin_procedure p on p.id = m.procedure_id and p.state <> 'retired'
    cross join (values ('kk'), ('ru'), ('en')) as l (lang)
  union all
  select 'form', t.id, t.body_id, l.lang,
         coalesce(t.title ->> l.lang, ''),
         coalesce((select string_agg(s.value ->> l.lang, E'\n' order by s.key) from jsonb_each(t.sections) s where jsonb_typeof(s.value) = 'object'), '')
    from act_template t
    cross join (values ('kk'), ('ru'), ('en')) as l (lang)
   where t.state = 'approved'
  union all
  select 'answer', a.id, a.body_id, l.lang, coalesce(a.question ->> l.lang, ''), coalesce(a.answer ->> l.lang, '')
    from kb_answer a
    cross join (values ('kk'), ('ru'), ('en')) as l (lang)
   where a.state = 'published';
