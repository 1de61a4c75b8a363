-- Personal data of applicants (Law of the RK "On Personal Data and Their Protection"; docs/security.md): a
-- cabinet can be erased at the person's request. The profile is anonymised (name, IIN/BIN, e-mail, phone
-- removed) and the row kept, because the appeals filed from it are records the body must keep; erased_at says
-- when. An erased cabinet has no contact left, so the rule "an e-mail or a phone" holds for live cabinets only.
alter table applicant add column erased_at timestamptz;
alter table applicant drop constraint applicant_check;
alter table applicant add constraint applicant_contact check (erased_at is not null or email is not null or phone is not null);
