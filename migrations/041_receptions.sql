-- Personal receptions (APC 90; Standard Regulation No. 560 p.6): the published schedule of each head and deputy,
-- bookings with the topic, the queue on the day and the outcome. Bookings are cases ('reception') with
-- hash-chained events.

create table reception_session (
  id            uuid primary key default gen_random_uuid(),
  body_id       uuid not null references body (id),
  official_id   uuid not null references official (id),
  -- office (90(2)), visiting (REG p.6(3)-(4)), video (REG p.6(4)), video_pa (REG p.6(3), consent needed)
  format        text not null,
  starts_at     timestamptz not null,
  ends_at       timestamptz not null,
  slot_minutes  integer not null check (slot_minutes between 5 and 240),
  place         text not null,
  territory_id  uuid references territory (id),
  -- 90(1): the schedule is approved by the head of the body
  approved_by   uuid not null references official (id),
  cancelled_at  timestamptz,
  created_by    text not null,
  created_at    timestamptz not null default now(),
  check (ends_at > starts_at)
);
create index reception_session_official on reception_session (official_id, starts_at);
create index reception_session_body on reception_session (body_id, starts_at);

create table reception_booking (
  id            uuid primary key default gen_random_uuid(),
  session_id    uuid not null references reception_session (id),
  slot_at       timestamptz not null,
  state         text not null,
  -- the visitor as stated; personal data, never logged
  visitor       jsonb not null,
  applicant_id  uuid references applicant (id),
  topic         text not null,
  language      text not null check (language in ('kk', 'ru', 'en')),
  video_consent_at timestamptz,
  queue_number  integer,
  outcome       jsonb,
  appeal_id     uuid references appeal (id),
  version       integer not null default 1,
  event_count   integer not null default 0,
  last_event_hash text not null default '',
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
-- one visitor per slot: a second booking of a taken slot is refused by the index, whatever the concurrency
create unique index reception_booking_slot on reception_booking (session_id, slot_at) where state <> 'cancelled';
create index reception_booking_applicant on reception_booking (applicant_id) where applicant_id is not null;
