-- A bookmobile is a service point that is open at its weekly stops instead of at its branch's hours.
alter table service_point add column mobile boolean not null default false;

create table mobile_stop (
    id                 uuid         primary key,
    tenant_id          varchar(40)  not null,
    branch_id          uuid         not null references branch (id) on delete cascade,
    service_point_code varchar(32)  not null,
    name               varchar(100) not null,
    day_of_week        smallint     not null check (day_of_week between 1 and 7),
    opens              smallint     not null check (opens between 0 and 1439),
    closes             smallint     not null check (closes between 1 and 1440),
    check (closes > opens)
);
create index mobile_stop_branch on mobile_stop (tenant_id, branch_id);
alter table mobile_stop enable row level security;
alter table mobile_stop force row level security;
create policy tenant_isolation on mobile_stop
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update, delete on mobile_stop to ${app_role};

-- The language whose texts a locale without its own (fr-CA) gets; registry data like the locale itself.
alter table tenant add column fallback_language varchar(8) not null default 'en';
