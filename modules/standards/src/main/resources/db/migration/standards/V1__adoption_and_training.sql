-- A library system's adoption of the shared service-standards catalogue, as last applied: the standards.yaml text as
-- read (the effective standards are worked out from it and the catalogue this build ships), and the catalogue the
-- library system last reviewed (its version, and its words as JSON: only the newest catalogue ships in the code), from
-- which "what changed since" is worked out. Adopting the catalogue the first time counts as reviewing it. One row per
-- library system.
create table standards_adoption (
    id                 uuid          primary key,
    tenant_id          varchar(40)   not null unique references tenant (slug),
    content            text          not null check (length(content) <= 200000),
    source             varchar(300)  not null,
    reviewed_version   integer       not null check (reviewed_version >= 1),
    reviewed_catalogue text          not null,
    applied_at         timestamptz   not null,
    applied_by         varchar(100)  not null,
    version            bigint        not null default 0
);

alter table standards_adoption enable row level security;
create policy tenant_isolation on standards_adoption
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
-- Applying again replaces the row's content; a library system's adoption is never deleted by the application.
grant select, insert, update on standards_adoption to ${app_role};
alter table standards_adoption force row level security;

-- A staff member's answer to a training scenario: the latest choice per scenario, whether it was the recommended
-- one, and when. Staff are named by their sign-in name, as escalations and incident reports name them.
create table training_answer (
    id                 uuid          primary key,
    tenant_id          varchar(40)   not null references tenant (slug),
    staff_username     varchar(100)  not null,
    scenario_id        varchar(80)   not null,
    choice             varchar(1)    not null check (choice in ('a', 'b', 'c', 'd', 'e', 'f')),
    correct            boolean       not null,
    answered_at        timestamptz   not null,
    unique (tenant_id, staff_username, scenario_id)
);
create index training_answer_scenario on training_answer (tenant_id, scenario_id);

alter table training_answer enable row level security;
create policy tenant_isolation on training_answer
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
-- Answering again replaces the choice; answers are not deleted by the application.
grant select, insert, update on training_answer to ${app_role};
alter table training_answer force row level security;
