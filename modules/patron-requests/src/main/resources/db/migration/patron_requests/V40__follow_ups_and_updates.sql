-- Follow-ups and contacts with patrons on any matter (complaint, comment card, reconsideration request, call-back,
-- escalation). A matter is named by its kind and its id in that kind's table (an escalation's is staffing's), so there
-- is no foreign key; the branch is copied for the branch rule and headquarters' overview, and every row leaves with
-- its matter or after the library system's retention period for follow-ups. Free text may say something of a patron:
-- it is sealed with the library system's data key (confidentiality's SealedText, bound to table, column and row).

-- One contact with the patron: by email (then the mail in the incidents outbox, by its id), by phone or in person.
create table matter_update (
    id              uuid          primary key,
    tenant_id       varchar(40)   not null references tenant (slug),
    matter_kind     varchar(20)   not null
                    check (matter_kind in ('COMPLAINT', 'COMMENT_CARD', 'RECONSIDERATION', 'CALL_BACK', 'ESCALATION')),
    matter_id       uuid          not null,
    branch          varchar(40)   not null,
    channel         varchar(10)   not null check (channel in ('EMAIL', 'PHONE', 'IN_PERSON')),
    template        varchar(10)   not null check (template in ('receipt', 'update', 'decision')),
    text            bytea         not null check (octet_length(text) <= 20000),
    made_by         varchar(100)  not null,
    made_at         timestamptz   not null,
    -- The mail in the incidents outbox (incident_delivery.id); only for EMAIL.
    mail_id         uuid,
    -- The caller's idempotency key: the same contact recorded twice is one contact.
    update_key      varchar(200),
    check ((channel = 'EMAIL') = (mail_id is not null)),
    unique (tenant_id, id),
    unique (tenant_id, update_key)
);
create index matter_update_matter on matter_update (tenant_id, matter_kind, matter_id, made_at);

-- Something to do on a matter by a day, by one member of staff.
create table matter_follow_up (
    id              uuid          primary key,
    tenant_id       varchar(40)   not null references tenant (slug),
    matter_kind     varchar(20)   not null
                    check (matter_kind in ('COMPLAINT', 'COMMENT_CARD', 'RECONSIDERATION', 'CALL_BACK', 'ESCALATION')),
    matter_id       uuid          not null,
    branch          varchar(40)   not null,
    what            bytea         not null check (octet_length(what) <= 4000),
    due_on          date          not null,
    owner_staff_id  uuid          not null,
    owner_tag_name  varchar(100)  not null,
    created_by      varchar(100)  not null,
    created_at      timestamptz   not null,
    done_at         timestamptz,
    done_by         varchar(100),
    version         bigint        not null default 0,
    check ((done_at is null) = (done_by is null)),
    unique (tenant_id, id)
);
create index matter_follow_up_matter on matter_follow_up (tenant_id, matter_kind, matter_id, created_at);
create index matter_follow_up_open on matter_follow_up (tenant_id, branch, due_on) where done_at is null;

alter table matter_update enable row level security;
create policy tenant_isolation on matter_update
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table matter_update force row level security;
-- Written once; key rotation reseals the text (update); retention deletes.
grant select, insert, update, delete on matter_update to ${app_role};

alter table matter_follow_up enable row level security;
create policy tenant_isolation on matter_follow_up
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table matter_follow_up force row level security;
grant select, insert, update, delete on matter_follow_up to ${app_role};
