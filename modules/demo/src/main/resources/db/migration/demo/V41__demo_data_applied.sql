-- Which library systems have had their demo data (tenants/<slug>/demo/) applied, so a second start of the local
-- run adds nothing twice. One row per library system, written in the same transaction as the demo data itself.
create table demo_data_applied (
    tenant_id      varchar(40)  primary key references tenant (slug),
    content_sha256 char(64)     not null,
    items          integer      not null check (items >= 0),
    applied_at     timestamptz  not null
);

alter table demo_data_applied enable row level security;
alter table demo_data_applied force row level security;
create policy tenant_isolation on demo_data_applied
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
-- Written once, read on every start; never changed or removed by the application.
grant select, insert on demo_data_applied to ${app_role};
