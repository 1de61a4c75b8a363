-- Notifications with proof of delivery (APC 66, 81). A notice is written in the same transaction as the state
-- change that causes it (the outbox); its text is frozen at that moment, so what the person was told is on
-- record. Each channel of a notice is a delivery with its own status and timestamps; every change of a delivery
-- is an append-only event. PostgreSQL 15 level (also runs on PGlite).

-- One notice: what was said, to whom, about which case, in which language.
create table notice (
  id            uuid primary key,
  type          text not null,
  subject_type  text not null,
  subject_id    text not null,
  recipient_kind text not null check (recipient_kind in ('participant', 'official')),
  recipient_id  text not null,
  language      text not null check (language in ('kk', 'ru', 'en')),
  -- the legal basis of the notice, from the catalogue ('APC 73(1), 73(3)')
  citation      text not null,
  -- the notice must reach the person through a channel that records receipt (catalogue `recorded`)
  recorded      boolean not null,
  data          jsonb not null,
  title         text not null,
  body          text not null,
  sms_text      text not null,
  created_by    text not null,
  created_at    timestamptz not null default now()
);
create index notice_subject on notice (subject_type, subject_id, created_at);
create index notice_recipient on notice (recipient_id, created_at);

-- One channel of a notice. Status: queued -> sent -> delivered (post), queued -> sent | failed (e-mail, SMS),
-- delivered -> read (cabinet). `address` is the contact used (APC requirements §2.5); personal data, never logged.
create table notice_delivery (
  id              bigint generated always as identity primary key,
  notice_id       uuid not null references notice (id),
  channel         text not null check (channel in ('cabinet', 'email', 'sms', 'post')),
  address         text,
  status          text not null check (status in ('queued', 'sent', 'delivered', 'read', 'failed')),
  attempts        integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  -- a worker's claim: until the lease ends nobody else sends this delivery; a dead worker's claim expires
  lease_until     timestamptz,
  lease_token     uuid,
  queued_at       timestamptz not null default now(),
  sent_at         timestamptz,
  delivered_at    timestamptz,
  read_at         timestamptz,
  failed_at       timestamptz,
  -- the civil date (Asia/Almaty) the person received the notice: terms that run from receipt start here
  received_on     date,
  -- SMTP Message-ID, SMS gateway reference, or the registered letter's tracking number
  provider_ref    text,
  -- the addressee refused to accept the letter; the courier's mark (APC 66(5))
  refused         boolean not null default false,
  last_error      text,
  unique (notice_id, channel)
);
create index notice_delivery_due on notice_delivery (next_attempt_at) where status = 'queued' and channel in ('email', 'sms');
create index notice_delivery_post on notice_delivery (status, queued_at) where channel = 'post';

-- What happened to a delivery, when. Append-only: an attempt is recorded before anything is sent.
create table notice_event (
  id          bigint generated always as identity primary key,
  delivery_id bigint not null references notice_delivery (id),
  at          timestamptz not null default clock_timestamp(),
  kind        text not null,
  actor       text not null,
  details     jsonb not null default '{}'::jsonb
);
create index notice_event_delivery on notice_event (delivery_id, at);
