-- A complaint decision (APC 100–101) is a signed act on the complaint case: the act names its complaint, and signing
-- it takes the decision (no foreign key, as complaint.act_id has none: each module owns its table).
alter table act add column complaint_id uuid;
create index act_complaint on act (complaint_id) where complaint_id is not null;
