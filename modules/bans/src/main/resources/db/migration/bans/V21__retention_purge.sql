-- Retention of computer-use bans (confidentiality's RetainedRecords): a ban is removed once the library system's
-- period has passed since it stopped being in force (lifted, or its end, whichever came first). The application
-- role may not delete bans; this function, owned by the cross-tenant role, removes only rows of the library system
-- the calling transaction is bound to, in batches. The nightly purge runs it before the incident reports' purge,
-- which keeps any report a remaining ban names.
create function computer_use_bans_purge(purge_tenant varchar, ended_before timestamptz, max_rows integer)
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
    delete from computer_use_ban b
     where b.tenant_id = purge_tenant
       and b.id in (select d.id from computer_use_ban d
                     where d.tenant_id = purge_tenant and least(d.ends_at, coalesce(d.lifted_at, d.ends_at)) <= ended_before
                     limit max_rows);
    get diagnostics removed = row_count;
    return removed;
end;
$$;
revoke all on function computer_use_bans_purge(varchar, timestamptz, integer) from public;
grant execute on function computer_use_bans_purge(varchar, timestamptz, integer) to ${app_role};

-- incident_reports_purge (incidents) reads which reports bans name.
grant select (tenant_id, id, incident_report_id, ends_at, lifted_at) on computer_use_ban to ${cross_tenant_role};
grant delete on computer_use_ban to ${cross_tenant_role};
grant create on schema public to ${cross_tenant_role};
alter function computer_use_bans_purge(varchar, timestamptz, integer) owner to ${cross_tenant_role};
revoke create on schema public from ${cross_tenant_role};
