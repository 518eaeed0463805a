-- A library system's policies. The policy row holds what may change in place (category, strict or flexible and
-- why, the limits of exceptions and who may grant them, the owner and who it applies to); the words and their
-- approval are versions, never rewritten, so what staff were told at any time can be read back and compared.
create table policy (
    id                uuid          primary key,
    tenant_id         varchar(40)   not null references tenant (slug),
    policy_key        varchar(60)   not null check (policy_key ~ '^[a-z][a-z0-9-]*$'),
    category          varchar(20)   not null check (category in ('circulation', 'computer-use', 'meeting-rooms', 'conduct',
                                                                  'privacy', 'complaints', 'children', 'safety', 'other')),
    strictness        varchar(10)   not null check (strictness in ('STRICT', 'FLEXIBLE')),
    strict_why        varchar(2000),
    exception_limits  varchar(2000),
    -- Position codes, comma-separated: whose holders may approve an exception (empty: any that may grant one).
    exceptions_by     varchar(600)  not null default '' check (exceptions_by ~ '^([a-z0-9-]+(,[a-z0-9-]+)*)?$'),
    owner_position    varchar(40)   not null,
    -- Position codes, comma-separated, the policy applies to (empty: everyone).
    applies_to        varchar(600)  not null default '' check (applies_to ~ '^([a-z0-9-]+(,[a-z0-9-]+)*)?$'),
    current_version   integer       not null check (current_version > 0),
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    row_version       bigint        not null default 0,
    -- The Scale of Yes: a strict policy says why there are no exceptions; a flexible one states its limits.
    check ((strictness = 'STRICT') = (strict_why is not null)),
    check ((strictness = 'FLEXIBLE') = (exception_limits is not null)),
    check (strictness = 'FLEXIBLE' or exceptions_by = ''),
    unique (tenant_id, policy_key),
    unique (tenant_id, id)
);

-- One version of a policy's words and approval. The text-search document is generated in the language the
-- library system had when the version was written (english or spanish), weighted title > reason > text.
create table policy_version (
    id            uuid           primary key,
    tenant_id     varchar(40)    not null references tenant (slug),
    policy_id     uuid           not null,
    version       integer        not null check (version > 0),
    title         varchar(200)   not null,
    body          varchar(20000) not null,
    reason        varchar(4000)  not null,
    approved_by   varchar(200)   not null,
    approved_on   date           not null,
    effective_on  date           not null,
    language      varchar(10)    not null check (language in ('english', 'spanish')),
    created_at    timestamptz    not null,
    created_by    varchar(100)   not null,
    search        tsvector       generated always as (
        case language
            when 'spanish' then setweight(to_tsvector('spanish'::regconfig, title), 'A')
                || setweight(to_tsvector('spanish'::regconfig, reason), 'B')
                || setweight(to_tsvector('spanish'::regconfig, body), 'C')
            else setweight(to_tsvector('english'::regconfig, title), 'A')
                || setweight(to_tsvector('english'::regconfig, reason), 'B')
                || setweight(to_tsvector('english'::regconfig, body), 'C')
        end) stored,
    foreign key (tenant_id, policy_id) references policy (tenant_id, id),
    unique (tenant_id, policy_id, version),
    unique (tenant_id, id)
);
create index policy_version_search on policy_version using gin (search);

-- Versions are history: whoever connects, a version's words never change.
create function policy_version_settled() returns trigger language plpgsql as $$
begin
    raise exception 'policy version % cannot change (apply a new version instead)', old.id using errcode = 'check_violation';
end;
$$;
create trigger policy_version_settled before update on policy_version
    for each row execute function policy_version_settled();

-- A staff member (by sign-in name) acknowledged one version of a policy. A new version is not acknowledged
-- until they acknowledge it too.
create table policy_acknowledgement (
    id               uuid          primary key,
    tenant_id        varchar(40)   not null references tenant (slug),
    policy_id        uuid          not null,
    version          integer       not null check (version > 0),
    username         varchar(100)  not null,
    acknowledged_at  timestamptz   not null,
    foreign key (tenant_id, policy_id, version) references policy_version (tenant_id, policy_id, version),
    unique (tenant_id, policy_id, version, username),
    unique (tenant_id, id)
);
create index policy_acknowledgement_user on policy_acknowledgement (tenant_id, username);

alter table policy enable row level security;
alter table policy force row level security;
create policy tenant_isolation on policy
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table policy_version enable row level security;
alter table policy_version force row level security;
create policy tenant_isolation on policy_version
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table policy_acknowledgement enable row level security;
alter table policy_acknowledgement force row level security;
create policy tenant_isolation on policy_acknowledgement
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- Policies change in place and are never deleted (a policy left out of policies.yaml is kept); versions and
-- acknowledgements are only added.
grant select, insert, update on policy to ${app_role};
grant select, insert on policy_version to ${app_role};
grant select, insert on policy_acknowledgement to ${app_role};
