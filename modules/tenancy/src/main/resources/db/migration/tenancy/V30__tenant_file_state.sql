-- Files and screens agree (docs/decisions/0014): per library system and file name, the content last applied from a
-- file and the last time the app changed what that file declares, so start-up never replaces an app edit silently.
create table tenant_file (
    id             uuid         primary key,
    tenant_id      varchar(40)  not null references tenant (slug),
    file_name      varchar(80)  not null,
    applied_sha256 char(64),
    applied_at     timestamptz,
    applied_by     varchar(200),
    edited_at      timestamptz,
    edited_by      varchar(200),
    constraint tenant_file_name_unique unique (tenant_id, file_name)
);
alter table tenant_file enable row level security;
alter table tenant_file force row level security;
create policy tenant_isolation on tenant_file
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update, delete on tenant_file to ${app_role};
