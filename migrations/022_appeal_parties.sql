-- Parties of an appeal besides the applicant: interested persons who joined (APC 22(1), 23) and representatives
-- (APC 68), each as { kind, name, iin?, basis?, contacts?, joinedOn, removed?, removedReason? }.
alter table appeal add column parties jsonb not null default '[]'::jsonb;
