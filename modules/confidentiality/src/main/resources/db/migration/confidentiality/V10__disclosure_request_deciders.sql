-- A request for patron information goes to people, not to a role: the holders of decide-disclosure-requests for the
-- branch where it was logged (the director, or the supervisor on duty where the chain of command says so). Only they
-- see it in full and decide it; the person who logged it sees a summary and is never among them.
alter table disclosure_request add column branch_code varchar(16);
alter table disclosure_request alter column routed_to type varchar(300);

create table disclosure_request_decider (
    id                    uuid        primary key,
    tenant_id             varchar(40) not null,
    disclosure_request_id uuid        not null references disclosure_request (id) on delete cascade,
    username              varchar(40) not null,
    constraint disclosure_request_decider_unique unique (tenant_id, disclosure_request_id, username)
);
create index disclosure_request_decider_username on disclosure_request_decider (tenant_id, username, disclosure_request_id);

alter table disclosure_request_decider enable row level security;
alter table disclosure_request_decider force row level security;
create policy tenant_isolation on disclosure_request_decider
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, delete on disclosure_request_decider to ${app_role};
