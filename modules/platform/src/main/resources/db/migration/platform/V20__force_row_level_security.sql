-- Wall 2 binds the tables' owner as well: a job or a person connected as the migration role sees and changes
-- only the tenant it binds (app.tenant_id), like the application. Only a superuser or a BYPASSRLS role does not.
alter table audit_event force row level security;
