-- Report runs (long report generation as a job, downloaded later) and the semi-annual generalization of
-- administrative practice (Rules No. 111 p.16, Annexes 3–4) with the body's target indicators (p.5(7)).

-- A report run: committed before the request is answered; executed by a job; its file goes to file_blob.
-- A claimed run holds a lease; a run whose lease expired (the process died) is claimed again.
create table report_run (
  id            uuid primary key default gen_random_uuid(),
  kind          text not null,
  params        jsonb not null,
  lang          text not null check (lang in ('kk', 'ru', 'en')),
  body_id       uuid not null references body (id),
  requested_by  text not null,
  state         text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed')),
  progress      double precision not null default 0,
  attempts      integer not null default 0,
  lease_until   timestamptz,
  error         text,
  filename      text,
  content_type  text,
  file_sha256   text references file_blob (sha256),
  created_at    timestamptz not null default now(),
  started_at    timestamptz,
  finished_at   timestamptz
);
create index report_run_requester on report_run (requested_by, created_at desc);
create index report_run_open on report_run (created_at) where state in ('queued', 'running');

-- A generalization campaign of one body for one half-year (Rules No. 111 p.16): the period it covers
-- (configurable, §6 A-10), the due date (10 June / 10 December, inclusive), the request to subdivisions
-- (Annex 4 step 1), review (steps 3–8), finalisation (step 9), the report (step 10) and the submission to the MoJ.
create table generalization_campaign (
  id             uuid primary key default gen_random_uuid(),
  body_id        uuid not null references body (id),
  year           integer not null,
  half           smallint not null check (half in (1, 2)),
  period_from    date not null,
  period_to      date not null,
  due_on         date not null,
  starts_on      date not null,
  state          text not null default 'draft' check (state in ('draft', 'collecting', 'final', 'submitted')),
  overdue        boolean not null default false,
  requested_on   date,
  requested_by   text,
  -- Annex 4 step 10: the narrative sections of the report
  shortcomings   text,
  proposals      text,
  other_notes    text,
  finalised_at   timestamptz,
  finalised_by   text,
  submitted_on   date,
  submitted_by   text,
  submitted_to   text,
  submission_ref text,
  created_by     text not null,
  created_at     timestamptz not null default now(),
  version        integer not null default 1,
  check (period_from <= period_to),
  unique (body_id, year, half)
);
create index generalization_campaign_open on generalization_campaign (due_on) where state <> 'submitted';

-- Annex 4 step 1: the request to one structural subdivision, its completion status and reminders
create table generalization_request (
  campaign_id     uuid not null references generalization_campaign (id),
  subdivision_id  uuid not null references subdivision (id),
  requested_on    date not null,
  status          text not null default 'requested' check (status in ('requested', 'submitted')),
  submitted_on    date,
  submitted_by    text,
  reminders       integer not null default 0,
  last_reminded_on date,
  primary key (campaign_id, subdivision_id)
);

-- One Annex 3 row of a campaign: copied from a court_case (pre-filled) or added by hand, then edited by the
-- subdivision (step 2) and reviewed by the legal service (steps 3–8). The facts the statistics count are
-- kept as columns; the 13 columns' texts in `cells` (in the campaign's languages as copied).
create table generalization_row (
  id                uuid primary key default gen_random_uuid(),
  campaign_id       uuid not null references generalization_campaign (id),
  subdivision_id    uuid references subdivision (id),
  court_case_id     uuid references court_case (id),
  position          integer not null,
  cells             jsonb not null,
  status            text not null check (status in ('pending', 'in_force')),
  instance          text check (instance in ('first', 'appeal', 'cassation')),
  -- for_body | against_body | partly | other per instance and the decision in force (§6 A-12)
  first_result      text,
  appeal_result     text,
  cassation_result  text,
  final_result      text,
  area              text,
  procedure         text,
  found_unlawful    boolean not null default false,
  private_rulings   integer not null default 0,
  private_rulings_executed integer not null default 0,
  -- Annex 4 steps 3–8 (the legal service's review)
  reasoning_analysis     text,
  illegality_found       boolean,
  illegality_description text,
  loss_causes            text,
  deficiency_type        text check (deficiency_type in ('regulatory', 'law_enforcement')),
  measures_taken         text,
  proposals              text,
  reviewed_at            timestamptz,
  reviewed_by            text,
  version           integer not null default 1,
  unique (campaign_id, court_case_id)
);
create index generalization_row_campaign on generalization_row (campaign_id, position);

-- Rules No. 111 p.5(7): the body's target for a year (share of acts or actions found unlawful by courts), its
-- baseline, the NDP-2029 indicator it decomposes, the denominator (§6 A-11) and the head's approval (D-04).
create table target_indicator (
  body_id          uuid not null references body (id),
  year             integer not null,
  target_percent   numeric(5, 2) not null check (target_percent >= 0 and target_percent <= 100),
  baseline_percent numeric(5, 2),
  baseline_year    integer,
  ndp_indicator    text,
  denominator      text not null default 'appealed_in_court' check (denominator in ('appealed_in_court', 'decided_in_force')),
  approval_required boolean not null default true,
  approved_on      date,
  approved_by      text,
  set_by           text not null,
  updated_at       timestamptz not null default now(),
  primary key (body_id, year)
);
