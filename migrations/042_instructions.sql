-- Control of execution of instructions (APC 37–38, 44, 46; Standard Regulation No. 560 p.9). Each instruction is
-- a case ('instruction') with hash-chained events.

create sequence instruction_number_seq;

create table instruction (
  id              uuid primary key default gen_random_uuid(),
  number          text not null unique,
  -- the body whose control it is under
  body_id         uuid not null references body (id),
  source          text not null,
  -- the official who gave it (46(5): only they extend it); an outside giver (the President, the PA) by name
  giver_id        uuid references official (id),
  giver_name      text not null,
  -- who put it under control: records office or monitoring department (46(4), 46(6))
  controller_id   uuid references official (id),
  text            text not null,
  -- in order; the first named coordinates (46(3))
  executor_ids    uuid[] not null check (cardinality(executor_ids) >= 1),
  state           text not null,
  given_on        date not null,
  original_due    date not null,
  due             date not null,
  overdue_on      date,
  executed_on     date,
  closed_on       date,
  return_required boolean not null default false,
  appeal_id       uuid references appeal (id),
  reception_booking_id uuid references reception_booking (id),
  version         integer not null default 1,
  event_count     integer not null default 0,
  last_event_hash text not null default '',
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
create index instruction_body_due on instruction (body_id, state, due);
create index instruction_open_due on instruction (due) where state in ('assigned', 'extension_requested');
create index instruction_executors on instruction using gin (executor_ids);
