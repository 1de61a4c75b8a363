-- Integrations (docs/integrations.md): Open311 GeoReport v2 requests, webhook subscriptions with their outbox
-- and delivery log. PostgreSQL 15 level (also runs on PGlite).

-- What an Open311 client sent beside the appeal itself: where the problem is, its media, the client's ids. The
-- appeal (its number, state, terms) stays the appeals module's; this row only keeps the GeoReport fields.
create table open311_request (
  appeal_id        uuid primary key references appeal (id),
  service_code     text not null,
  lat              double precision,
  long             double precision,
  address_string   text,
  address_id       text,
  media_url        text,
  device_id        text,
  account_id       text,
  -- the API token that filed it, and the client's Idempotency-Key (a resubmission returns the first request)
  token_id         uuid not null references api_token (id),
  idempotency_key  text,
  created_at       timestamptz not null default now()
);
create unique index open311_request_idempotency on open311_request (token_id, idempotency_key) where idempotency_key is not null;

-- An integrator's subscription: which case events go to which URL, signed with which secret. `body_ids` is the
-- set of bodies whose appeals it hears of (null: every body, for a subscriber whose permission reaches all).
create table webhook_subscription (
  id          uuid primary key default gen_random_uuid(),
  url         text not null,
  -- the HMAC key: kept as given (a signature needs it), never shown again after the subscription is made
  secret      text not null,
  events      text[] not null,
  body_ids    uuid[],
  active      boolean not null default true,
  created_by  text not null,
  created_at  timestamptz not null default now(),
  revoked_at  timestamptz
);

-- The outbox: one delivery per (case event, subscription), written in the transaction of the case event. The
-- worker claims due ones under a lease, POSTs the frozen payload, and retries with exponential backoff.
create table webhook_delivery (
  id               bigint generated always as identity primary key,
  subscription_id  uuid not null references webhook_subscription (id),
  -- the event's id (one per case event, the same for every subscriber): the receiver's idempotency key
  event_id         uuid not null,
  event_type       text not null,
  payload          jsonb not null,
  status           text not null default 'queued' check (status in ('queued', 'delivered', 'failed')),
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null default now(),
  lease_until      timestamptz,
  lease_token      uuid,
  created_at       timestamptz not null default now(),
  delivered_at     timestamptz,
  last_error       text,
  unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'queued';
create index webhook_delivery_subscription on webhook_delivery (subscription_id, id);

-- The delivery log: every attempt, its HTTP status or error, how long it took. Append-only.
create table webhook_attempt (
  id           bigint generated always as identity primary key,
  delivery_id  bigint not null references webhook_delivery (id),
  attempt      integer not null,
  at           timestamptz not null default clock_timestamp(),
  http_status  integer,
  error        text,
  ms           integer not null,
  worker       text not null
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, attempt);

-- A hearing on an appeal (APC 73(1), 20(1)(4)): the place and time the participant is invited to; the invitation
-- itself is a notice with recorded receipt, sent in the same transaction. Feeds show hearings in calendars.
create table hearing (
  id            uuid primary key default gen_random_uuid(),
  appeal_id     uuid not null references appeal (id),
  body_id       uuid not null references body (id),
  -- who holds the hearing (their calendar shows it)
  official_id   uuid not null references official (id),
  -- the applicant's cabinet, when they have one (their calendar shows it)
  applicant_id  uuid,
  starts_at     timestamptz not null,
  ends_at       timestamptz not null,
  place         text not null,
  notice_id     uuid,
  created_by    text not null,
  created_at    timestamptz not null default now(),
  cancelled_at  timestamptz,
  check (ends_at > starts_at)
);
create index hearing_official on hearing (official_id, starts_at);
create index hearing_applicant on hearing (applicant_id, starts_at) where applicant_id is not null;
create index hearing_appeal on hearing (appeal_id);

-- A secret calendar address (what calendar applications subscribe to; they cannot sign in): it shows one
-- person's hearings or receptions. Only a hash of the secret is kept; the owner can revoke it.
create table calendar_feed (
  id              uuid primary key default gen_random_uuid(),
  principal_kind  text not null check (principal_kind in ('official', 'applicant')),
  principal_id    uuid not null,
  kind            text not null check (kind in ('hearings', 'receptions')),
  token_hash      text not null unique,
  created_at      timestamptz not null default now(),
  revoked_at      timestamptz
);
