-- Requests to reconsider a library item, from the public form a library hands out. The item (title, author, format)
-- is the library's own catalogue entry, kept in the clear; what the patron objects to and what they ask for are
-- sealed with the library system's data key (confidentiality's SealedText, bound to this table, column and row),
-- since they may say who the patron is. How to reach the patron, if they left a way, is a patron_contact.
create table reconsideration (
    id              uuid          primary key,
    tenant_id       varchar(40)   not null references tenant (slug),
    -- What the patron is told, R-<year>-<nnnn>, numbered per library system and year (reconsideration_number).
    reference       varchar(20)   not null check (reference like 'R-____-____%'),
    branch_code     varchar(16)   not null,
    title           varchar(300)  not null,
    author          varchar(200),
    format          varchar(10)   not null check (format in ('book', 'audio', 'video', 'ebook', 'magazine', 'other')),
    objection       bytea         not null,
    consumed        varchar(5)    not null check (consumed in ('whole', 'part', 'not')),
    asks            bytea,
    contact_id      uuid,
    received_at     timestamptz   not null,
    state           varchar(10)   not null check (state in ('received', 'in-review', 'decided')),
    outcome         varchar(10)   check (outcome in ('keep', 'move', 'relabel', 'withdraw')),
    reasons         text          check (length(reasons) <= 4000),
    decided_at      timestamptz,
    decided_by      varchar(100),
    version         bigint        not null default 0,
    -- A decision is whole or absent, and only a decided request has one.
    check ((outcome is null) = (decided_at is null) and (outcome is null) = (reasons is null)
           and (outcome is null) = (decided_by is null) and (outcome is null) = (state <> 'decided')),
    unique (tenant_id, id),
    unique (tenant_id, reference),
    foreign key (tenant_id, contact_id) references patron_contact (tenant_id, id)
);
create index reconsideration_received on reconsideration (tenant_id, received_at desc);

alter table reconsideration enable row level security;
create policy tenant_isolation on reconsideration
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
-- Received, reviewed and decided through the application; removed only by the retention purge (V21).
grant select, insert, update on reconsideration to ${app_role};
alter table reconsideration force row level security;

-- The review's steps of one request, copied from the library system's rules when the review could start (so a change
-- of the rules does not move a review under way), in order; the last one is the decision. A step's due date follows
-- from the one before it being done (the first from receipt), so only what is done is stored.
create table reconsideration_step (
    id                  uuid          primary key,
    tenant_id           varchar(40)   not null references tenant (slug),
    reconsideration_id  uuid          not null,
    ordinal             smallint      not null check (ordinal >= 0 and ordinal < 8),
    step                varchar(40)   not null,
    days                smallint      not null check (days between 1 and 365),
    done_at             timestamptz,
    done_by             varchar(100),
    note                text          check (length(note) <= 2000),
    check ((done_at is null) = (done_by is null)),
    unique (tenant_id, reconsideration_id, ordinal),
    unique (tenant_id, reconsideration_id, step),
    foreign key (tenant_id, reconsideration_id) references reconsideration (tenant_id, id) on delete cascade
);

alter table reconsideration_step enable row level security;
create policy tenant_isolation on reconsideration_step
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on reconsideration_step to ${app_role};
alter table reconsideration_step force row level security;

-- The last reference number given per library system and year: R-2026-0001, R-2026-0002, … Taken with an upsert in
-- the receiving transaction, so two requests at once get two numbers and a purged request's number is never reused.
create table reconsideration_number (
    tenant_id       varchar(40)   not null references tenant (slug),
    year            smallint      not null check (year between 2000 and 9999),
    last            integer       not null check (last > 0),
    primary key (tenant_id, year)
);

alter table reconsideration_number enable row level security;
create policy tenant_isolation on reconsideration_number
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on reconsideration_number to ${app_role};
alter table reconsideration_number force row level security;
