-- Retention (confidentiality's nightly purge, record type "reconsideration"): a decided request to reconsider an item
-- leaves after the library system's period from its decision, with its review steps (on delete cascade) and the
-- patron's contact, which no other matter names. Only the library system the calling transaction is bound to, in
-- batches. The application role cannot delete a request itself: only this function, owned by the purge role, does.
create function reconsiderations_purge(purge_tenant varchar, decided_before timestamptz, max_rows integer)
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
        delete from reconsideration r
         where r.tenant_id = purge_tenant
           and r.id in (select d.id from reconsideration d
                         where d.tenant_id = purge_tenant and d.state = 'decided' and d.decided_at <= decided_before
                         limit max_rows)
        returning r.contact_id
    ), contacts as (
        delete from patron_contact c
         where c.tenant_id = purge_tenant and c.id in (select g.contact_id from gone g where g.contact_id is not null)
        returning c.id
    )
    select count(*) into removed from gone;
    return removed;
end;
$$;
revoke all on function reconsiderations_purge(varchar, timestamptz, integer) from public;
grant execute on function reconsiderations_purge(varchar, timestamptz, integer) to ${app_role};

grant select (tenant_id, id, state, decided_at, contact_id) on reconsideration to ${cross_tenant_role};
grant delete on reconsideration to ${cross_tenant_role};
grant select (tenant_id, id) on patron_contact to ${cross_tenant_role};
grant delete on patron_contact to ${cross_tenant_role};
grant create on schema public to ${cross_tenant_role};
alter function reconsiderations_purge(varchar, timestamptz, integer) owner to ${cross_tenant_role};
revoke create on schema public from ${cross_tenant_role};
