-- Answers under control (Standard Regulation No. 560 p.5(4)-(5); rules-services-requirements D-5.4, D-5.5, AT-34):
-- the monitoring department takes an appeal under control, reviews the body's answer and returns it for rework
-- or accepts it. The reviews and every answer version are case events; the row keeps what worklists filter on.
alter table appeal
  add column control_status text check (control_status in ('under_control', 'returned', 'accepted')),
  add column control_reason text,
  add column rework_count integer not null default 0;

-- the appeals under control and those returned for rework, per body (worklists, the head's view of the body)
create index appeal_under_control on appeal (body_id) include (control_status, executor_id)
  where control_status in ('under_control', 'returned');
-- returns for rework per body and executor (the head's view, the monitoring figures) read only these events
create index case_event_return_for_rework on case_event (case_id) where action = 'return_for_rework';
