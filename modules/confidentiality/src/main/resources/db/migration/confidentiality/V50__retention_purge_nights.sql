-- One row per library system and night whose retention purge has run. Several application instances each run the
-- purge timer; the primary key lets exactly one of them purge a library system per night (the others find the row,
-- or wait on the first one's insert and then find it). The row is written in the purge's own transaction, so a purge
-- that fails leaves no row and another instance may still purge that night.
create table retention_purge_night (
    tenant_id varchar(40) not null,
    night     date        not null,
    purged_at timestamptz not null,
    primary key (tenant_id, night)
);

alter table retention_purge_night enable row level security;
alter table retention_purge_night force row level security;
create policy tenant_isolation on retention_purge_night
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert on retention_purge_night to ${app_role};
