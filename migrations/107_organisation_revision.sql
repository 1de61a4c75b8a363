-- The organisation's revision (issue 13): every change of the tables an access decision reads (bodies,
-- subdivisions, positions, officials, appointments, direct role grants) bumps one counter, in the same
-- transaction. A node reads it with the session on every request and keeps each official's grants and each
-- body's place in the tree only while the revision is unchanged, so a revoked role or an ended appointment
-- takes effect on the next request on every node, and an unchanged organisation costs one round trip.
create table organisation_revision (
  id       boolean primary key default true check (id),
  revision bigint not null default 0
);
insert into organisation_revision (id, revision) values (true, 0);

create function bump_organisation_revision() returns trigger language plpgsql as $$
begin
  update organisation_revision set revision = revision + 1;
  return null;
end $$;

create trigger body_revision after insert or update or delete or truncate on body for each statement execute function bump_organisation_revision();
create trigger subdivision_revision after insert or update or delete or truncate on subdivision for each statement execute function bump_organisation_revision();
create trigger position_revision after insert or update or delete or truncate on position for each statement execute function bump_organisation_revision();
create trigger official_revision after insert or update or delete or truncate on official for each statement execute function bump_organisation_revision();
create trigger appointment_revision after insert or update or delete or truncate on appointment for each statement execute function bump_organisation_revision();
create trigger role_grant_revision after insert or update or delete or truncate on role_grant for each statement execute function bump_organisation_revision();
