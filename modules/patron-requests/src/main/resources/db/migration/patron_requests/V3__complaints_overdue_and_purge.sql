-- Complaints of every library system that are due, not responded to, and not yet told to headquarters: the timer
-- asks this (ids only), then binds each complaint's library system to tell its headquarters. Row-level security stays
-- forced on complaint; the function belongs to the cross-tenant role (NOLOGIN BYPASSRLS, see docs/operations.md),
-- which may read only the columns it reads.
create function complaints_newly_overdue(max_rows integer, at timestamptz)
    returns table (tenant_id varchar, complaint_id uuid)
    language sql stable security definer
    set search_path = public, pg_temp
    as $$
    select c.tenant_id, c.id from complaint c
     where c.state in ('received', 'with-director') and c.due_at <= at and c.overdue_told_at is null
     order by c.due_at
     limit max_rows
$$;
revoke all on function complaints_newly_overdue(integer, timestamptz) from public;
grant execute on function complaints_newly_overdue(integer, timestamptz) to ${app_role};

-- Retention of complaints (confidentiality's RetainedRecords): a closed complaint is removed with its steps, and its
-- patron contact unless another matter still names it, once both periods have passed since closing: the one
-- patron-requests.yaml set when it was closed (retain_days) and the library system's retention setting (the purge's
-- cut-off). The application role may not delete complaints; this function removes only rows of the library system the
-- calling transaction is bound to, in batches.
create function complaints_purge(purge_tenant varchar, closed_before timestamptz, max_rows integer)
    returns integer
    language plpgsql volatile security definer
    set search_path = public, pg_temp
    as $$
declare
    due uuid[];
    named uuid[];
    contact uuid;
begin
    if purge_tenant is null or purge_tenant is distinct from current_setting('app.tenant_id', true) then
        raise exception 'a purge removes only records of the library system its transaction is bound to'
            using errcode = 'insufficient_privilege';
    end if;
    select coalesce(array_agg(x.id), '{}'),
           coalesce(array_agg(distinct x.contact_id) filter (where x.contact_id is not null), '{}')
      into due, named
      from (select c.id, c.contact_id from complaint c
             where c.tenant_id = purge_tenant and c.closed_at <= closed_before
               and c.closed_at + make_interval(days => c.retain_days) <= statement_timestamp()
             order by c.closed_at
             limit max_rows) x;
    delete from complaint_step s where s.tenant_id = purge_tenant and s.complaint_id = any (due);
    delete from complaint c where c.tenant_id = purge_tenant and c.id = any (due);
    foreach contact in array named loop
        begin
            delete from patron_contact p where p.tenant_id = purge_tenant and p.id = contact
               and not exists (select 1 from complaint o where o.tenant_id = purge_tenant and o.contact_id = contact);
        exception when foreign_key_violation then
            null; -- another matter (a comment card, say) still names the contact: it stays with that one
        end;
    end loop;
    return cardinality(due);
end;
$$;
revoke all on function complaints_purge(varchar, timestamptz, integer) from public;
grant execute on function complaints_purge(varchar, timestamptz, integer) to ${app_role};

grant select (tenant_id, id, state, due_at, overdue_told_at, closed_at, retain_days, contact_id) on complaint to ${cross_tenant_role};
grant select (tenant_id, complaint_id) on complaint_step to ${cross_tenant_role};
grant select (tenant_id, id) on patron_contact to ${cross_tenant_role};
grant delete on complaint, complaint_step, patron_contact to ${cross_tenant_role};
-- A new owner must be allowed to create in the functions' schema; it keeps that right only for the change.
grant create on schema public to ${cross_tenant_role};
alter function complaints_newly_overdue(integer, timestamptz) owner to ${cross_tenant_role};
alter function complaints_purge(varchar, timestamptz, integer) owner to ${cross_tenant_role};
revoke create on schema public from ${cross_tenant_role};
