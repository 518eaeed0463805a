-- The roster: who works for a library system, under which tag name, in which position and branch.
create table staff_member (
    id              uuid         primary key,
    tenant_id       varchar(40)  not null references tenant (slug),
    username        varchar(40),
    tag_name        varchar(60)  not null,
    position_code   varchar(40)  not null,
    branch_code     varchar(16)  not null,
    employment_type varchar(20)  not null
        check (employment_type in ('PERMANENT', 'SUBSTITUTE', 'VOLUNTEER', 'PAGE', 'STUDENT_ASSISTANT')),
    starts_on       date         not null,
    ends_on         date,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0,
    check (ends_on is null or ends_on >= starts_on)
);
-- One roster entry per single sign-on identity in a library system.
create unique index staff_member_username on staff_member (tenant_id, username) where username is not null;
create index staff_member_branch on staff_member (tenant_id, branch_code);

alter table staff_member enable row level security;
create policy tenant_isolation on staff_member
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update, delete on staff_member to ${app_role};
