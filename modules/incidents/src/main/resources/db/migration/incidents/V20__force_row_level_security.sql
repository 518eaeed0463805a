-- Wall 2 binds the tables' owner as well (see the platform's V20).
alter table incident_form_version force row level security;
alter table incident_report force row level security;
alter table incident_addendum force row level security;
alter table incident_signature force row level security;
alter table incident_delivery force row level security;

-- So the owner no longer sees every tenant, and the worker's two look-ups (security definer) would find no work.
-- They now belong to a role that bypasses row-level security but cannot log in and may read only the columns
-- they read (see confidentiality's V20, which also checks that the role exists).
do $$
begin
    if not exists (select 1 from pg_roles where rolname = '${cross_tenant_role}' and rolbypassrls and not rolcanlogin) then
        raise exception 'role ${cross_tenant_role} is missing or not NOLOGIN BYPASSRLS; create it first: '
            'create role ${cross_tenant_role} nologin bypassrls; grant ${cross_tenant_role} to %; (docs/operations.md)', current_user;
    end if;
end;
$$;
grant select (tenant_id, id, status, next_attempt_at) on incident_delivery to ${cross_tenant_role};
grant select (tenant_id, id, deadline_at, overdue_at, distributed_at) on incident_report to ${cross_tenant_role};
grant create on schema public to ${cross_tenant_role};
alter function incident_deliveries_due(integer, timestamptz) owner to ${cross_tenant_role};
alter function incident_reports_newly_overdue(integer, timestamptz) owner to ${cross_tenant_role};
revoke create on schema public from ${cross_tenant_role};
-- pg_temp last: nobody's temporary table can stand in for ours.
alter function incident_deliveries_due(integer, timestamptz) set search_path = public, pg_temp;
alter function incident_reports_newly_overdue(integer, timestamptz) set search_path = public, pg_temp;
