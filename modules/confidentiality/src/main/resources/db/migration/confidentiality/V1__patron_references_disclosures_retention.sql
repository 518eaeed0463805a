-- Per-tenant keys, stored only wrapped (AES-GCM) by the deployment's master key, which never enters the
-- database. 'data' keys encrypt fields, 'lookup' keys make the keyed hash of card numbers. New writes use
-- the highest version of a purpose; older versions stay until nothing needs them, then are retired.
create table tenant_data_key (
    id            uuid        primary key,
    tenant_id     varchar(40) not null,
    purpose       varchar(10) not null check (purpose in ('data', 'lookup')),
    version       integer     not null check (version >= 1),
    master_key_id varchar(40) not null,
    wrapped_key   bytea       not null,
    created_at    timestamptz not null,
    retired_at    timestamptz,
    constraint tenant_data_key_version_unique unique (tenant_id, purpose, version)
);

-- The least a feature may keep about a patron: a keyed hash of the card number to find the reference
-- again, and the last four characters of the card and an optional name, each encrypted. Never the card
-- number itself.
create table patron_reference (
    id                 uuid        primary key,
    tenant_id          varchar(40) not null,
    card_lookup        bytea       not null,
    lookup_key_version integer     not null,
    card_last4         bytea       not null,
    display_name       bytea,
    created_at         timestamptz not null,
    last_used_at       timestamptz not null,
    constraint patron_reference_card_unique unique (tenant_id, card_lookup)
);
create index patron_reference_last_used on patron_reference (tenant_id, last_used_at);

-- Requests from police or administrators for patron information, and what the person in charge decided.
-- Free text that may name a patron or an officer is encrypted like patron fields (bytea columns).
create table disclosure_request (
    id                     uuid         primary key,
    tenant_id              varchar(40)  not null,
    requester_name         bytea        not null,
    requester_organisation varchar(200) not null,
    authority              varchar(20)  not null
        check (authority in ('NONE_STATED', 'WARRANT', 'SUBPOENA', 'COURT_ORDER', 'OTHER')),
    authority_text         bytea,
    request_text           bytea        not null,
    patron_reference_id    uuid,
    received_at            timestamptz  not null,
    received_by            varchar(300) not null,
    routed_to              varchar(40)  not null,
    status                 varchar(10)  not null check (status in ('RECEIVED', 'DECIDED')),
    decision               varchar(30)
        check (decision in ('DISCLOSE', 'REFUSE', 'REFER_TO_LEGAL_COUNSEL')),
    decision_reason        bytea,
    decided_by             varchar(300),
    decided_at             timestamptz,
    version                bigint       not null default 0,
    -- Decided means all of the decision is there; received means none of it is.
    check ((status = 'DECIDED') = (decision is not null and decision_reason is not null
                                   and decided_by is not null and decided_at is not null)),
    check (status = 'DECIDED' or (decision is null and decision_reason is null and decided_by is null and decided_at is null))
);
create index disclosure_request_received on disclosure_request (tenant_id, received_at desc);
create index disclosure_request_decided on disclosure_request (tenant_id, decided_at) where status = 'DECIDED';

-- A tenant's own retention period for a kind of record; without a row the default in code applies.
create table retention_period (
    id          uuid        primary key,
    tenant_id   varchar(40) not null,
    record_type varchar(40) not null check (record_type in ('disclosure-request', 'patron-reference')),
    days        integer     not null check (days between 1 and 36500),
    constraint retention_period_type_unique unique (tenant_id, record_type)
);

-- Wall 2 on every table. Keys are never deleted by the application (ciphertext may still need them);
-- they are re-wrapped and retired instead.
do $$
declare t text;
begin
    foreach t in array array['tenant_data_key', 'patron_reference', 'disclosure_request', 'retention_period'] loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy tenant_isolation on %I '
                       'using (tenant_id = current_setting(''app.tenant_id'', true)) '
                       'with check (tenant_id = current_setting(''app.tenant_id'', true))', t);
    end loop;
end;
$$;
grant select, insert, update on tenant_data_key to ${app_role};
grant select, insert, update, delete on patron_reference, disclosure_request, retention_period to ${app_role};

-- The nightly purge and a master key rotation must find the tenants that have confidential records or keys,
-- but row-level security rightly hides every tenant from a transaction that is not bound to one. This
-- function, run with the owner's rights, answers that one question and nothing else: tenant ids, which are
-- not secret (decision 0002), never rows.
create function confidentiality_tenants() returns setof varchar
    language sql stable security definer
    set search_path = public, pg_temp
    as $$
    select tenant_id from tenant_data_key
    union
    select tenant_id from patron_reference
    union
    select tenant_id from disclosure_request
    $$;
revoke all on function confidentiality_tenants() from public;
grant execute on function confidentiality_tenants() to ${app_role};
