-- Exceptions on record: staff granted something a flexible policy does not give, approved by someone whose
-- position may grant it, and told the patron it is a one-time exception. A record of what happened at the desk:
-- written once, never changed or removed by the application (corrections are a new record).
--
-- What was asked and what was granted may describe the patron: both are sealed with the library system's data key
-- (confidentiality's SealedText, bound to tenant, table, column and row); the patron, if named at all, only by a
-- patron reference id. The approver is a roster id with the position they held when they approved.
create table policy_exception (
    id                  uuid          primary key,
    tenant_id           varchar(40)   not null references tenant (slug),
    policy_key          varchar(60)   not null,
    policy_version      integer       not null check (policy_version > 0),
    branch_code         varchar(16)   not null,
    asked               bytea         not null,
    granted             bytea         not null,
    approved_by         uuid          not null,
    approver_position   varchar(40)   not null,
    -- Staff confirm they said it is a one-time exception; a record without that is not accepted.
    told_one_time       boolean       not null check (told_one_time),
    patron_reference_id uuid,
    occurred_at         timestamptz   not null,
    recorded_at         timestamptz   not null,
    recorded_by         varchar(100)  not null,
    check (occurred_at <= recorded_at + interval '5 minutes'),
    -- A policy of the same library system (its key never changes); the version is the one in force when recorded.
    foreign key (tenant_id, policy_key) references policy (tenant_id, policy_key),
    unique (tenant_id, id)
);
-- The list (newest first, by branch or policy) and the consistency report (a range of days).
create index policy_exception_occurred on policy_exception (tenant_id, occurred_at desc);
create index policy_exception_branch on policy_exception (tenant_id, branch_code, occurred_at desc);
create index policy_exception_policy on policy_exception (tenant_id, policy_key, occurred_at desc);
-- A repeat of the same request moments later is found among the caller's latest records.
create index policy_exception_recorded on policy_exception (tenant_id, recorded_by, recorded_at desc);

-- A sealed value moves to a newer data key version (a rotation seals it again): format byte 1, then the key
-- version as 4 big-endian bytes, which compare as bytes in the order of the numbers.
create function policy_exception_sealed_under_newer_key(new_value bytea, old_value bytea) returns boolean
    language sql immutable set search_path = public, pg_temp as $$
    select new_value is not null and old_value is not null and length(new_value) > 5 and length(old_value) > 5
        and get_byte(new_value, 0) = 1 and get_byte(old_value, 0) = 1
        and substring(new_value from 2 for 4) > substring(old_value from 2 for 4)
$$;

-- Settled, whoever connects: the only change is a data key rotation sealing asked or granted again under a newer
-- key version; nothing is removed.
create function policy_exception_settled() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
        and (new.asked is not distinct from old.asked or policy_exception_sealed_under_newer_key(new.asked, old.asked))
        and (new.granted is not distinct from old.granted or policy_exception_sealed_under_newer_key(new.granted, old.granted))
        and (new.id, new.tenant_id, new.policy_key, new.policy_version, new.branch_code, new.approved_by,
             new.approver_position, new.told_one_time, new.patron_reference_id, new.occurred_at, new.recorded_at,
             new.recorded_by)
            is not distinct from (old.id, old.tenant_id, old.policy_key, old.policy_version, old.branch_code,
             old.approved_by, old.approver_position, old.told_one_time, old.patron_reference_id, old.occurred_at,
             old.recorded_at, old.recorded_by) then
        return new;
    end if;
    raise exception 'policy exception % is on record and cannot change (record a new one)', old.id
        using errcode = 'check_violation';
end;
$$;
create trigger policy_exception_settled before update or delete on policy_exception
    for each row execute function policy_exception_settled();

alter table policy_exception enable row level security;
create policy tenant_isolation on policy_exception
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
-- Recorded and read; only the sealed columns may be sealed again (rotation); never deleted by the application.
grant select, insert on policy_exception to ${app_role};
grant update (asked, granted) on policy_exception to ${app_role};
-- Wall 2 binds the table's owner as well (see the platform's V20).
alter table policy_exception force row level security;
