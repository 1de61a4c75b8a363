-- One meaning of "open" for the worklists, the counters and the dashboards (issue 13): not decided, not closed.
-- A stored column, because the planner treats `closed_at is null` and `decided_at is null` as independent
-- although they are not (a case is closed after it is decided): at 5 million appeals it estimated 1,514 open
-- rows where there were 87,811, and read the whole national open set instead of one body's range. Statistics
-- on one boolean column are right; extended statistics (dependencies) do not apply to IS NULL clauses.
alter table appeal add column open boolean generated always as (closed_at is null and decided_at is null) stored;

-- the partial indexes of migration 050, rewritten on it (chosen with EXPLAIN on bench/scale.ts data)
drop index appeal_open_body_due;
drop index appeal_open_executor;
-- open cases of a body by term: overdue, due soon, the body's counters (index-only: state, executor, co-executors)
create index appeal_open_body_due on appeal (body_id, due) include (state, executor_id, co_executor_ids) where open;
-- open cases of an executor: the "mine" counter and the executor arm of a scope (queries.ts readableAppeals())
create index appeal_open_executor on appeal (executor_id, due) include (body_id, state) where open and executor_id is not null;

-- the dashboards (src/modules/monitoring/queries.ts) count the appeals received in a period in the bodies in
-- scope: with every column a figure reads in the index, a region's year is an index-only range scan (at 1 million
-- appeals 1.26 s through the heap, 95 ms index-only). It replaces migration 104's (body_id, received_on).
create index appeal_body_received_figures on appeal (body_id, received_on)
  include (id, due, open, decided_at, deemed_refused_on, extended, channel, executor_id, topic_id);
drop index appeal_body_received;
