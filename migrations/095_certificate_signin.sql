-- Applicants' sign-in with an NCA RK certificate (docs/access-control.md): the server hands out a one-time
-- challenge, the person signs it with the EDS (detached CMS), and the signature opens the cabinet of the IIN
-- (or BIN) in the certificate. Only the challenge's SHA-256 is kept; a challenge is used once and expires.
create table certificate_challenge (
  challenge_hash  text primary key,
  created_at      timestamptz not null default now(),
  expires_at      timestamptz not null,
  consumed_at     timestamptz
);
create index certificate_challenge_expiry on certificate_challenge (expires_at);

-- When the cabinet's IIN or BIN was proven by a certificate (set at certificate sign-in; the demo's applicants are
-- seeded as proven). A number typed into the profile proves nothing: a certificate sign-in takes such a cabinet
-- over (its unproven contacts are detached), and a proven number can no longer be changed in the profile.
alter table applicant add column identity_verified_at timestamptz;

-- A cabinet opened by certificate has no e-mail or phone yet: its IIN or BIN identifies it.
alter table applicant drop constraint applicant_contact;
alter table applicant add constraint applicant_contact check (erased_at is not null or email is not null or phone is not null or iin is not null or bin is not null);
