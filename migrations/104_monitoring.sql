-- Monitoring of appeals by the appeals-monitoring department (Standard Regulation No. 560 p.7(1)–(2), D-7.2):
-- cards of problem issues per district. The dashboards themselves read the appeal and case_event tables.

-- A card of a problem issue: one topic in one district (territory) over a period, with the appeals behind it,
-- the measures taken (written by the department) and its status. Created or updated from the content analysis.
create table problem_card (
  id            uuid primary key default gen_random_uuid(),
  territory_id  uuid not null references territory (id),
  topic_id      uuid not null references topic (id),
  period_from   date not null,
  period_to     date not null,
  status        text not null default 'open' check (status in ('open', 'in_progress', 'resolved')),
  measures      text not null default '',
  -- the bodies of the linked appeals, as found by the last refresh
  body_ids      uuid[] not null default '{}',
  volume        integer not null default 0,
  previous_volume integer not null default 0,
  version       integer not null default 1,
  created_by    text not null,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  unique (territory_id, topic_id, period_from, period_to),
  check (period_to >= period_from)
);

create table problem_card_appeal (
  card_id    uuid not null references problem_card (id) on delete cascade,
  appeal_id  uuid not null references appeal (id),
  primary key (card_id, appeal_id)
);

-- What happened to a card: created, refreshed (volume), measures or status changed; who and when.
create table problem_card_event (
  id       bigint generated always as identity primary key,
  card_id  uuid not null references problem_card (id) on delete cascade,
  at       timestamptz not null,
  actor    text not null,
  action   text not null,
  details  jsonb not null
);
create index problem_card_event_card on problem_card_event (card_id, id);

-- the dashboards filter by the day of receipt within the bodies in scope
create index appeal_body_received on appeal (body_id, received_on);

-- the control events of appeals (taken under control, returned for rework, REG p.5(4)–(5)) that the dashboards
-- count per case: a few among the many events of every case
create index case_event_appeal_control on case_event (case_id) include (action)
  where case_type = 'appeal' and action in ('take_under_control', 'return_for_rework');
