-- The call-back queue: at the phone or the desk, staff offer to call a patron back. The question may describe the
-- patron: it is sealed with the library system's data key (confidentiality's SealedText, bound to this table, column
-- and row); how to reach the patron is a patron_contact. A call-back is due by the library system's rule from the
-- branch's opening hours (worked out when offered); the person in charge is told once when it is overdue, then
-- headquarters once if it is still open some time later.
create table call_back (
    id                    uuid          primary key,
    tenant_id             varchar(40)   not null references tenant (slug),
    -- What the patron is told: B-<year>-<nnnn>, numbered per library system and year.
    reference             varchar(20)   not null check (reference like 'B-%'),
    branch_code           varchar(16)   not null,
    question              bytea         not null,
    -- Null only once the contact was forgotten at the patron's request; retention deletes both together.
    contact_id            uuid,
    state                 varchar(10)   not null check (state in ('open', 'claimed', 'done')),
    offered_at            timestamptz   not null,
    offered_by            varchar(100)  not null,
    due_at                timestamptz   not null,
    claimed_by            varchar(100),
    claimed_at            timestamptz,
    closed_at             timestamptz,
    in_charge_told_at     timestamptz,
    headquarters_told_at  timestamptz,
    -- The client's retry key: offering again with the same key answers the call-back already offered.
    offer_key             varchar(64),
    version               bigint        not null default 0,
    check ((state = 'open') = (claimed_by is null)),
    check ((state = 'done') = (closed_at is not null)),
    foreign key (tenant_id, contact_id) references patron_contact (tenant_id, id),
    unique (tenant_id, id),
    unique (tenant_id, reference),
    unique (tenant_id, offer_key)
);
-- The queue of a branch (open first by due time) and the overdue timer (open, due, not yet told).
create index call_back_queue on call_back (tenant_id, branch_code, due_at) where closed_at is null;
create index call_back_overdue on call_back (due_at) where closed_at is null;

-- What happened to a call-back, oldest first: claimed, an attempt with its outcome, handed over. No free text, so
-- nothing here needs sealing.
create table call_back_step (
    id            uuid          primary key,
    tenant_id     varchar(40)   not null references tenant (slug),
    call_back_id  uuid          not null,
    step          varchar(12)   not null check (step in ('offered', 'claimed', 'attempt', 'handed-over')),
    outcome       varchar(14)   check (outcome in ('no-answer', 'left-message', 'done')),
    handed_to     varchar(100),
    at            timestamptz   not null,
    by_name       varchar(100)  not null,
    check ((step = 'attempt') = (outcome is not null)),
    check ((step = 'handed-over') = (handed_to is not null)),
    foreign key (tenant_id, call_back_id) references call_back (tenant_id, id) on delete cascade
);
create index call_back_step_of on call_back_step (tenant_id, call_back_id, at);

-- The last reference number given per library system and year.
create table call_back_number (
    tenant_id     varchar(40)   not null references tenant (slug),
    year          integer       not null check (year between 2000 and 9999),
    last_number   integer       not null check (last_number > 0),
    primary key (tenant_id, year)
);

alter table call_back enable row level security;
create policy tenant_isolation on call_back
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
-- Offered, claimed, closed, resealed on rotation; only retention deletes (call_backs_purge below).
grant select, insert, update on call_back to ${app_role};
alter table call_back force row level security;

alter table call_back_step enable row level security;
create policy tenant_isolation on call_back_step
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert on call_back_step to ${app_role};
alter table call_back_step force row level security;

alter table call_back_number enable row level security;
create policy tenant_isolation on call_back_number
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on call_back_number to ${app_role};
alter table call_back_number force row level security;

-- The overdue timer looks across library systems for call-backs to tell of: ids only, through this function owned
-- by the role that bypasses row-level security and may read only these columns. The telling itself runs bound to
-- each library system in turn, so row-level security stays forced for everything else.
create function call_backs_to_tell(max_rows integer, at timestamptz, headquarters_after interval)
    returns table (tenant_id varchar, call_back_id uuid)
    language sql stable security definer set search_path = public, pg_temp as $$
    select c.tenant_id, c.id from call_back c
     where c.closed_at is null and c.due_at <= at
       and (c.in_charge_told_at is null
            or (c.headquarters_told_at is null and c.in_charge_told_at <= at - headquarters_after))
     order by c.due_at
     limit max_rows
$$;
revoke all on function call_backs_to_tell(integer, timestamptz, interval) from public;
grant execute on function call_backs_to_tell(integer, timestamptz, interval) to ${app_role};

-- Retention: a call-back done longer ago than the library system's period goes, with its steps and its contact
-- (a contact names one call-back only). The application role may not delete; this function removes only rows of
-- the library system the calling transaction is bound to, in batches.
create function call_backs_purge(purge_tenant varchar, closed_before timestamptz, max_rows integer)
    returns integer
    language plpgsql volatile security definer
    set search_path = public, pg_temp
    as $$
declare
    removed integer;
begin
    if purge_tenant is null or purge_tenant is distinct from current_setting('app.tenant_id', true) then
        raise exception 'a purge removes only records of the library system its transaction is bound to'
            using errcode = 'insufficient_privilege';
    end if;
    with gone as (
        delete from call_back c
         where c.tenant_id = purge_tenant
           and c.id in (select d.id from call_back d
                         where d.tenant_id = purge_tenant and d.closed_at is not null and d.closed_at <= closed_before
                         limit max_rows)
        returning c.contact_id
    ), contacts as (
        delete from patron_contact p
         where p.tenant_id = purge_tenant and p.id in (select contact_id from gone where contact_id is not null)
    )
    select count(*) into removed from gone;
    return removed;
end;
$$;
revoke all on function call_backs_purge(varchar, timestamptz, integer) from public;
grant execute on function call_backs_purge(varchar, timestamptz, integer) to ${app_role};

grant select (tenant_id, id, closed_at, due_at, in_charge_told_at, headquarters_told_at, contact_id) on call_back
    to ${cross_tenant_role};
grant delete on call_back to ${cross_tenant_role};
grant select (tenant_id, call_back_id) on call_back_step to ${cross_tenant_role};
grant delete on call_back_step to ${cross_tenant_role};
grant select (tenant_id, id) on patron_contact to ${cross_tenant_role};
grant delete on patron_contact to ${cross_tenant_role};
grant create on schema public to ${cross_tenant_role};
alter function call_backs_to_tell(integer, timestamptz, interval) owner to ${cross_tenant_role};
alter function call_backs_purge(varchar, timestamptz, integer) owner to ${cross_tenant_role};
revoke create on schema public from ${cross_tenant_role};
