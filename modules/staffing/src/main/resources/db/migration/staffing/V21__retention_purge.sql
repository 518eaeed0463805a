-- Retention of escalations (confidentiality's RetainedRecords): an escalation with a recorded outcome is removed,
-- with the in-app notices about it, once the library system's period has passed since the outcome. Escalations
-- without an outcome are kept. The application role may not delete them; this function, owned by the cross-tenant
-- role, removes only rows of the library system the calling transaction is bound to, in batches.
create function escalations_purge(purge_tenant varchar, outcome_before timestamptz, max_rows integer)
    returns integer
    language plpgsql volatile security definer
    set search_path = public, pg_temp
    as $$
declare
    due uuid[];
begin
    if purge_tenant is null or purge_tenant is distinct from current_setting('app.tenant_id', true) then
        raise exception 'a purge removes only records of the library system its transaction is bound to'
            using errcode = 'insufficient_privilege';
    end if;
    select coalesce(array_agg(e.id), '{}') into due from (
        select e.id from escalation e
         where e.tenant_id = purge_tenant and e.outcome_at <= outcome_before
         order by e.outcome_at
         limit max_rows) e;
    delete from staff_notice n where n.tenant_id = purge_tenant and n.escalation_id = any (due);
    delete from escalation e where e.tenant_id = purge_tenant and e.id = any (due);
    return cardinality(due);
end;
$$;
revoke all on function escalations_purge(varchar, timestamptz, integer) from public;
grant execute on function escalations_purge(varchar, timestamptz, integer) to ${app_role};

grant select (tenant_id, id, outcome_at) on escalation to ${cross_tenant_role};
grant select (tenant_id, escalation_id) on staff_notice to ${cross_tenant_role};
grant delete on escalation, staff_notice to ${cross_tenant_role};
grant create on schema public to ${cross_tenant_role};
alter function escalations_purge(varchar, timestamptz, integer) owner to ${cross_tenant_role};
revoke create on schema public from ${cross_tenant_role};
