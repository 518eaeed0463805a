-- Wall 2 binds the tables' owner as well (see the platform's V20).
alter table tenant_data_key force row level security;
alter table patron_reference force row level security;
alter table disclosure_request force row level security;
alter table retention_period force row level security;

-- So the owner no longer sees every tenant, and confidentiality_tenants() (security definer) would answer nothing.
-- It now belongs to a role that bypasses row-level security but cannot log in, may read the tenant column and
-- nothing else, and is trusted with this one function. The database administrator creates that role once.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = '${cross_tenant_role}' and rolbypassrls and not rolcanlogin) then
        raise exception 'role ${cross_tenant_role} is missing or not NOLOGIN BYPASSRLS; create it first: '
            'create role ${cross_tenant_role} nologin bypassrls; grant ${cross_tenant_role} to %; (docs/operations.md)', current_user;
    end if;
end;
$$;
grant select (tenant_id) on tenant_data_key, patron_reference, disclosure_request to ${cross_tenant_role};
-- A new owner must be allowed to create in the function's schema; it keeps that right only for the change.
grant create on schema public to ${cross_tenant_role};
alter function confidentiality_tenants() owner to ${cross_tenant_role};
revoke create on schema public from ${cross_tenant_role};
alter function confidentiality_tenants() set search_path = public, pg_temp;
