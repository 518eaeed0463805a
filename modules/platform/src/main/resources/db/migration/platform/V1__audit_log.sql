-- Append-only audit log of every state change and every read of confidential data.
create table audit_event (
    id          bigint generated always as identity primary key,
    tenant_id   varchar(40)  not null,
    occurred_at timestamptz  not null,
    actor       varchar(300) not null,
    action      varchar(300) not null,
    target      varchar(300) not null,
    outcome     varchar(10)  not null check (outcome in ('SUCCESS', 'REFUSED', 'FAILED')),
    detail      varchar(4000),
    request_id  varchar(64)
);
create index audit_event_tenant_time on audit_event (tenant_id, occurred_at desc);

-- Wall 2: the application role sees and writes only the rows of the tenant its transaction is bound to.
alter table audit_event enable row level security;
create policy tenant_isolation on audit_event
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- Append-only: the application may add and read lines, never change or remove them.
grant select, insert on audit_event to ${app_role};

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
grant usage on sequence audit_event_id_seq to ${app_role};
