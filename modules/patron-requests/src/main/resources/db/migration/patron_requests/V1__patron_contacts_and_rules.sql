-- How to reach a patron who asked for an answer: a name, an email address and a phone number, each sealed with the
-- library system's data key (confidentiality's SealedText, bound to this table, column and row). Every matter of
-- this module (complaint, comment card, reconsideration request, call-back) names at most one contact; the contact
-- is deleted with the last matter that names it, by the purge or when the patron asks.
create table patron_contact (
    id              uuid          primary key,
    tenant_id       varchar(40)   not null references tenant (slug),
    name            bytea,
    email           bytea,
    phone           bytea,
    -- The language the patron wrote in, for mail to them: one the staff app and the mail templates speak.
    language        varchar(10)   not null check (language in ('en', 'es')),
    created_at      timestamptz   not null,
    check (email is not null or phone is not null),
    unique (tenant_id, id)
);

alter table patron_contact enable row level security;
create policy tenant_isolation on patron_contact
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
-- Contacts are written once; key rotation reseals them (update); retention and erasure delete them.
grant select, insert, update, delete on patron_contact to ${app_role};
alter table patron_contact force row level security;

-- A library system's patron-requests.yaml as last applied: who hears complaints, the reconsideration committee and
-- its deadlines, when call-backs are due, retention periods and mail templates. One row per library system; the
-- rules are read from the text on use, so the text is the one source of truth.
create table patron_request_rules (
    id              uuid          primary key,
    tenant_id       varchar(40)   not null unique references tenant (slug),
    content         text          not null check (length(content) <= 100000),
    source          varchar(300)  not null,
    applied_at      timestamptz   not null,
    applied_by      varchar(100)  not null,
    version         bigint        not null default 0
);

alter table patron_request_rules enable row level security;
create policy tenant_isolation on patron_request_rules
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on patron_request_rules to ${app_role};
alter table patron_request_rules force row level security;
