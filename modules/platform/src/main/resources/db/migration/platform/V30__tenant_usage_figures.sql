-- The operator console's figures for one library system: counts, sizes and times only, never a row's content.
-- Security definer, so it may read tables the application role cannot (the audit log's and outbox's neighbours);
-- it reports on the library system the transaction is bound to (app.tenant_id) and on no other, and with no
-- binding it answers nothing. PL/pgSQL resolves the tables when it runs: every module has migrated by then.
create function platform_tenant_usage()
    returns table (staff bigint, incident_reports_this_month bigint, storage_bytes bigint,
                   last_activity timestamptz, mail_backlog bigint)
    language plpgsql stable security definer
    set search_path from current
as $$
declare
    v_tenant text := current_setting('app.tenant_id', true);
    v_zone   text;
    tbl      record;
    v_size   bigint;
begin
    if v_tenant is null or v_tenant = '' then
        return;
    end if;
    select t.time_zone into v_zone from tenant t where t.slug = v_tenant;
    if v_zone is null then
        return;
    end if;
    storage_bytes := 0;
    -- Storage: the bytes of its rows (pg_column_size of each whole row) in every table that has a tenant_id column.
    for tbl in select c.table_name::text as name from information_schema.columns c
               where c.table_schema = current_schema() and c.column_name = 'tenant_id'
                 and c.table_name in (select table_name from information_schema.tables
                                      where table_schema = current_schema() and table_type = 'BASE TABLE') loop
        execute format('select coalesce(sum(pg_column_size(r.*)), 0) from %I r where r.tenant_id = $1', tbl.name)
            into v_size using v_tenant;
        storage_bytes := storage_bytes + v_size;
    end loop;
    select count(*) into staff from staff_member s
     where s.tenant_id = v_tenant and (s.ends_on is null or s.ends_on >= (now() at time zone v_zone)::date);
    select count(*) into incident_reports_this_month from incident_report r
     where r.tenant_id = v_tenant and r.created_at >= (date_trunc('month', now() at time zone v_zone) at time zone v_zone);
    select max(a.occurred_at) into last_activity from audit_event a where a.tenant_id = v_tenant;
    select count(*) into mail_backlog from incident_delivery d where d.tenant_id = v_tenant and d.status <> 'SENT';
    return next;
end;
$$;
revoke all on function platform_tenant_usage() from public;
grant execute on function platform_tenant_usage() to ${app_role};
