-- How long a staff screen may stay untouched before it is cleared ("clear the screen after each patron").
alter table tenant add column idle_lock_minutes smallint not null default 5
    check (idle_lock_minutes between 1 and 240);

-- Chain of command: ordered positions per library system (rank 1 is the lowest).
create table position (
    id        uuid         primary key,
    tenant_id varchar(40)  not null references tenant (slug),
    code      varchar(40)  not null,
    name      varchar(100) not null,
    rank      smallint     not null check (rank >= 1),
    constraint position_code_unique unique (tenant_id, code)
);
alter table position enable row level security;
create policy tenant_isolation on position
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update, delete on position to ${app_role};
