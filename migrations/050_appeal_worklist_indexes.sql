-- Worklists and inbox counters that do not grow with history (issue 13; chosen with EXPLAIN on 1 million
-- appeals, bench/scale.ts). The open set (not decided, not closed) is bounded by the backlog, so lists and
-- counters over it read that backlog only; "my cases" reaches co-executed cases through an index too.

-- open cases of a body by term: overdue, due soon and the counters (index-only with state and executor)
create index appeal_open_body_due on appeal (body_id, due) include (state, executor_id)
  where closed_at is null and decided_at is null;
-- open cases of an executor: the "mine" counter
create index appeal_open_executor on appeal (executor_id) include (due, state)
  where closed_at is null and decided_at is null and executor_id is not null;
-- co-executors (APC 76(4)): `co_executor_ids @> array[id]` uses it (`id = any(...)` cannot)
create index appeal_co_executors on appeal using gin (co_executor_ids);
