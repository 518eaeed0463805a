-- Computer-use bans. A ban points at its patron only through a patron reference id (the card number lives,
-- hashed, in confidentiality's patron_reference and nowhere else). Whether a ban is upcoming, in force or over
-- is not stored: it follows from starts_at, ends_at and lifted_at and the clock, so bans end by themselves.
create table computer_use_ban (
    id                  uuid          primary key,
    tenant_id           varchar(40)   not null references tenant (slug),
    patron_reference_id uuid          not null,
    incident_report_id  uuid,
    scope               varchar(10)   not null check (scope in ('BRANCH', 'SYSTEM')),
    branch_code         varchar(16),
    starts_at           timestamptz   not null,
    ends_at             timestamptz   not null,
    reason              varchar(1000) not null,
    review_on           date,
    created_at          timestamptz   not null,
    created_by          varchar(100)  not null,
    lifted_at           timestamptz,
    lifted_by           varchar(100),
    lift_reason         varchar(1000),
    version             bigint        not null default 0,
    check (ends_at > starts_at),
    -- A branch ban names its branch; a ban of the whole library system names none.
    check ((scope = 'BRANCH') = (branch_code is not null)),
    -- Lifted means who, when and why are all there; not lifted means none of them is.
    check ((lifted_at is null) = (lifted_by is null) and (lifted_at is null) = (lift_reason is null)),
    -- The incident report must be one of the same library system's.
    foreign key (tenant_id, incident_report_id) references incident_report (tenant_id, id),
    unique (tenant_id, id)
);
-- The desk lookup: one patron's bans, the latest end first.
create index computer_use_ban_patron on computer_use_ban (tenant_id, patron_reference_id, ends_at desc);
create index computer_use_ban_starts on computer_use_ban (tenant_id, starts_at desc);
create index computer_use_ban_branch on computer_use_ban (tenant_id, branch_code, ends_at desc);

-- A ban is never rewritten: only lifting sets its own columns, once. Corrections are a lift and a new ban,
-- so what the desk was told at any moment can still be read back. Whoever connects.
create function computer_use_ban_settled() returns trigger language plpgsql as $$
begin
    if new.id is distinct from old.id
        or new.tenant_id is distinct from old.tenant_id
        or new.patron_reference_id is distinct from old.patron_reference_id
        or new.incident_report_id is distinct from old.incident_report_id
        or new.scope is distinct from old.scope
        or new.branch_code is distinct from old.branch_code
        or new.starts_at is distinct from old.starts_at
        or new.ends_at is distinct from old.ends_at
        or new.reason is distinct from old.reason
        or new.review_on is distinct from old.review_on
        or new.created_at is distinct from old.created_at
        or new.created_by is distinct from old.created_by then
        raise exception 'computer-use ban % cannot change (lift it and impose a new one)', old.id
            using errcode = 'check_violation';
    end if;
    if old.lifted_at is not null and (new.lifted_at is distinct from old.lifted_at
        or new.lifted_by is distinct from old.lifted_by or new.lift_reason is distinct from old.lift_reason) then
        raise exception 'computer-use ban % is already lifted', old.id using errcode = 'check_violation';
    end if;
    return new;
end;
$$;
create trigger computer_use_ban_settled before update on computer_use_ban
    for each row execute function computer_use_ban_settled();

alter table computer_use_ban enable row level security;
create policy tenant_isolation on computer_use_ban
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
-- Lifting is an update; nothing is ever deleted.
grant select, insert, update on computer_use_ban to ${app_role};
