-- The uniformity analysis (APC 15-1(4); Rules No. 111 p.5(4), Annex 4 p.1 and p.6): runs over the decided cases of
-- a body (and the bodies below it), the divergent decisions found in similar cases of one procedure, and the legal
-- service's review of each. PostgreSQL 15 level (also PGlite).

create table uniformity_run (
  id            uuid primary key default gen_random_uuid(),
  -- the scope: a body and the bodies below it
  body_id       uuid not null references body (id),
  state         text not null check (state in ('queued', 'running', 'finished', 'failed')),
  started_by    text not null,
  started_at    timestamptz not null default now(),
  finished_at   timestamptz,
  -- cases read, procedures, groups of similar cases, pairs compared, divergences kept
  counts        jsonb not null default '{}'::jsonb,
  error         text
);
create index uniformity_run_body on uniformity_run (body_id, started_at);

-- A divergence is a pair of decided appeals of one procedure: similar facts, the same norms, different outcomes.
-- It is keyed by the pair (appeal_a < appeal_b), so a re-run updates the figures and keeps the review.
create table divergence (
  id            uuid primary key default gen_random_uuid(),
  procedure_id  uuid not null references admin_procedure (id),
  appeal_a      uuid not null references appeal (id),
  appeal_b      uuid not null references appeal (id),
  outcome_a     text not null,
  outcome_b     text not null,
  similarity    numeric(4, 3) not null,
  norm_overlap  numeric(4, 3) not null,
  -- where the two decisions part: same_executor | executor | subdivision | body | region
  spread        text not null,
  score         numeric(6, 3) not null,
  -- the group of similar cases: its key (smallest appeal id), size and outcomes
  group_key     uuid not null,
  group_size    integer not null,
  group_outcomes jsonb not null,
  first_run_id  uuid not null references uniformity_run (id),
  last_run_id   uuid not null references uniformity_run (id),
  -- false when the last run over its scope no longer found it (the data changed); kept with its review
  current       boolean not null default true,
  -- the legal service's review (Annex 4 p.1, p.6, step 8)
  verdict       text check (verdict in ('justified', 'defect')),
  measure       text check (measure in ('update_manual', 'training', 'revoke_act', 'other')),
  review_note   text,
  reviewed_by   text,
  reviewer_name text,
  reviewed_at   timestamptz,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  check (appeal_a < appeal_b),
  check (verdict is null or reviewed_at is not null),
  check (verdict is distinct from 'defect' or measure is not null),
  unique (appeal_a, appeal_b)
);
create index divergence_procedure on divergence (procedure_id, current, score desc);
