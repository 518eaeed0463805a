-- Registry of library systems. Platform data: the slug is the tenant id used everywhere else.
create table tenant (
    slug       varchar(40)  primary key,
    name       varchar(200) not null,
    time_zone  varchar(64)  not null,
    locale     varchar(35)  not null,
    status     varchar(10)  not null check (status in ('ACTIVE', 'SUSPENDED')),
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    version    bigint       not null default 0
);
grant select, insert, update on tenant to ${app_role};

create table branch (
    id           uuid         primary key,
    tenant_id    varchar(40)  not null references tenant (slug),
    code         varchar(16)  not null,
    name         varchar(200) not null,
    headquarters boolean      not null default false,
    address      varchar(500),
    phone        varchar(40),
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    version      bigint       not null default 0,
    constraint branch_code_unique unique (tenant_id, code)
);

create table service_point (
    id        uuid         primary key,
    tenant_id varchar(40)  not null,
    branch_id uuid         not null references branch (id) on delete cascade,
    code      varchar(32)  not null,
    name      varchar(200) not null,
    constraint service_point_code_unique unique (tenant_id, branch_id, code)
);

create table opening_period (
    id                 uuid        primary key,
    tenant_id          varchar(40) not null,
    branch_id          uuid        not null references branch (id) on delete cascade,
    service_point_code varchar(32),
    day_of_week        smallint    not null check (day_of_week between 1 and 7),
    opens              smallint    not null check (opens between 0 and 1439),
    closes             smallint    not null check (closes between 1 and 1440),
    check (closes > opens)
);
create index opening_period_branch on opening_period (tenant_id, branch_id);

create table closure (
    id           uuid         primary key,
    tenant_id    varchar(40)  not null,
    branch_id    uuid         not null references branch (id) on delete cascade,
    day          date         not null,
    reason       varchar(200) not null,
    open_periods varchar(100) not null default '',
    constraint closure_day_unique unique (tenant_id, branch_id, day)
);

-- Wall 2: row-level security on every table a library system owns. The application role is not the
-- owner, so the policies apply to it; with no app.tenant_id set it sees and writes nothing.
do $$
declare t text;
begin
    foreach t in array array['branch', 'service_point', 'opening_period', 'closure'] loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy tenant_isolation on %I '
                       'using (tenant_id = current_setting(''app.tenant_id'', true)) '
                       'with check (tenant_id = current_setting(''app.tenant_id'', true))', t);
        execute format('grant select, insert, update, delete on %I to %I', t, '${app_role}');
    end loop;
end;
$$;
