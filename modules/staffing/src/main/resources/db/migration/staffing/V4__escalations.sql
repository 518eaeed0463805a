-- Every escalation is recorded: who reported what at which branch, who the rules said decides, and how it ended.
create table escalation (
    id                  uuid          primary key,
    tenant_id           varchar(40)   not null references tenant (slug),
    branch_code         varchar(16)   not null,
    situation           varchar(40)   not null,
    reported_by         varchar(300)  not null,
    note                varchar(1000),
    decided_by_tag_name varchar(60),
    decided_by_position varchar(100),
    at_headquarters     boolean       not null,
    reason              varchar(1000) not null,
    created_at          timestamptz   not null,
    outcome             varchar(1000),
    outcome_by          varchar(300),
    outcome_at          timestamptz
);
create index escalation_branch on escalation (tenant_id, branch_code, created_at desc);

-- In-app notices to staff members (the absent branch manager, headquarters, the business manager...).
create table staff_notice (
    id              uuid          primary key,
    tenant_id       varchar(40)   not null references tenant (slug),
    staff_member_id uuid          not null,
    username        varchar(40),
    text            varchar(1000) not null,
    escalation_id   uuid,
    created_at      timestamptz   not null,
    read_at         timestamptz
);
create index staff_notice_username on staff_notice (tenant_id, username, created_at desc);

do $$
declare t text;
begin
    foreach t in array array['escalation', 'staff_notice'] loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy tenant_isolation on %I '
                       'using (tenant_id = current_setting(''app.tenant_id'', true)) '
                       'with check (tenant_id = current_setting(''app.tenant_id'', true))', t);
        execute format('grant select, insert, update on %I to %I', t, '${app_role}');
    end loop;
end;
$$;
