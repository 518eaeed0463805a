-- The reasons for a ban and for lifting it say things about the patron: they are sealed at rest with the
-- library system's data key (AES-256-GCM, bound to tenant, table, column and row; confidentiality's SealedText).
--
-- Rows written before this migration keep their plain text in *_plain columns until the application seals them
-- at start (SealPlainReasons, decision 0009); then the plain text is gone. New rows never fill a *_plain column.
alter table computer_use_ban rename column reason to reason_plain;
alter table computer_use_ban alter column reason_plain drop not null;
alter table computer_use_ban add column reason bytea;
alter table computer_use_ban rename column lift_reason to lift_reason_plain;
alter table computer_use_ban add column lift_reason bytea;
alter table computer_use_ban add constraint computer_use_ban_reason_kept check ((reason is null) <> (reason_plain is null));
-- The lifted-together rule again, over whichever form the lift reason has (V1 left the old one unnamed).
do $$
declare c text;
begin
    for c in select conname from pg_constraint where conrelid = 'computer_use_ban'::regclass and contype = 'c'
                 and pg_get_constraintdef(oid) like '%lift_reason_plain%' loop
        execute format('alter table computer_use_ban drop constraint %I', c);
    end loop;
end;
$$;
alter table computer_use_ban add constraint computer_use_ban_lifted_together
    check ((lifted_at is null) = (lifted_by is null)
       and (lifted_at is null) = (lift_reason is null and lift_reason_plain is null));

-- A sealed value moves to a newer data key version (a rotation seals it again): format byte 1, then the key
-- version as 4 big-endian bytes, which compare as bytes in the order of the numbers.
create function computer_use_ban_sealed_under_newer_key(new_value bytea, old_value bytea) returns boolean
    language sql immutable set search_path = public, pg_temp as $$
    select new_value is not null and old_value is not null and length(new_value) > 5 and length(old_value) > 5
        and get_byte(new_value, 0) = 1 and get_byte(old_value, 0) = 1
        and substring(new_value from 2 for 4) > substring(old_value from 2 for 4)
$$;

-- The settled rule with the sealed columns, and two changes allowed: plain text that was there before this
-- migration is replaced, once, by its sealed value; and a data key rotation seals a reason again under a newer
-- key version.
create or replace function computer_use_ban_settled() returns trigger language plpgsql as $$
declare
    reason_sealed_now boolean := old.reason is null and old.reason_plain is not null
        and new.reason is not null and new.reason_plain is null;
    lift_reason_sealed_now boolean := old.lift_reason is null and old.lift_reason_plain is not null
        and new.lift_reason is not null and new.lift_reason_plain is null;
begin
    if new.id is distinct from old.id
        or new.tenant_id is distinct from old.tenant_id
        or new.patron_reference_id is distinct from old.patron_reference_id
        or new.incident_report_id is distinct from old.incident_report_id
        or new.scope is distinct from old.scope
        or new.branch_code is distinct from old.branch_code
        or new.starts_at is distinct from old.starts_at
        or new.ends_at is distinct from old.ends_at
        or ((new.reason is distinct from old.reason or new.reason_plain is distinct from old.reason_plain)
            and not reason_sealed_now
            and not (new.reason_plain is null and computer_use_ban_sealed_under_newer_key(new.reason, old.reason)))
        or new.review_on is distinct from old.review_on
        or new.created_at is distinct from old.created_at
        or new.created_by is distinct from old.created_by then
        raise exception 'computer-use ban % cannot change (lift it and impose a new one)', old.id
            using errcode = 'check_violation';
    end if;
    if old.lifted_at is not null and (new.lifted_at is distinct from old.lifted_at
        or new.lifted_by is distinct from old.lifted_by
        or ((new.lift_reason is distinct from old.lift_reason or new.lift_reason_plain is distinct from old.lift_reason_plain)
            and not lift_reason_sealed_now
            and not (new.lift_reason_plain is null
                     and computer_use_ban_sealed_under_newer_key(new.lift_reason, old.lift_reason)))) then
        raise exception 'computer-use ban % is already lifted', old.id using errcode = 'check_violation';
    end if;
    return new;
end;
$$;
