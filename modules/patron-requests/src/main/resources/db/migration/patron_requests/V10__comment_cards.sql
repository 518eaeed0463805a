-- Comment cards a patron leaves on a branch's public page (praise, a suggestion or a complaint), and what staff did
-- with each. The patron's words are sealed with the library system's data key (confidentiality's SealedText, bound
-- to this table, column and row); how to reach them is a patron_contact, kept only when they asked for a reply.
-- Nothing about the sender is kept: no address, no browser, no session.
create table comment_card (
    id                  uuid          primary key,
    tenant_id           varchar(40)   not null references tenant (slug),
    reference           varchar(20)   not null,
    branch_code         varchar(40)   not null,
    kind                varchar(20)   not null check (kind in ('PRAISE', 'SUGGESTION', 'COMPLAINT')),
    text                bytea         not null,
    language            varchar(10)   not null check (language in ('en', 'es')),
    may_reply           boolean       not null,
    contact_id          uuid,
    state               varchar(20)   not null check (state in ('NEW', 'THANKED', 'REPLIED', 'COMPLAINT', 'FORWARDED', 'CLOSED')),
    received_at         timestamptz   not null,
    -- When the card was last handled (thanked, replied to, turned into a complaint, forwarded, closed): retention
    -- counts from here.
    handled_at          timestamptz,
    complaint_id        uuid,
    complaint_reference varchar(20),
    forwarded_policy    varchar(80),
    forwarded_position  varchar(80),
    version             bigint        not null default 0,
    unique (tenant_id, reference),
    unique (tenant_id, id),
    -- A contact may be shared with the complaint the card became; whoever forgets it first clears it here.
    foreign key (tenant_id, contact_id) references patron_contact (tenant_id, id) on delete set null (contact_id)
);
create index comment_card_branch on comment_card (tenant_id, branch_code, received_at);

alter table comment_card enable row level security;
create policy tenant_isolation on comment_card
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update, delete on comment_card to ${app_role};
alter table comment_card force row level security;

-- Each step staff took on a card, for its history: who and when, never the patron's words.
create table comment_card_step (
    id              uuid          primary key,
    tenant_id       varchar(40)   not null references tenant (slug),
    card_id         uuid          not null,
    at              timestamptz   not null,
    step            varchar(20)   not null,
    by_name         varchar(100)  not null,
    foreign key (tenant_id, card_id) references comment_card (tenant_id, id) on delete cascade
);
create index comment_card_step_card on comment_card_step (tenant_id, card_id, at);

alter table comment_card_step enable row level security;
create policy tenant_isolation on comment_card_step
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, delete on comment_card_step to ${app_role};
alter table comment_card_step force row level security;

-- The last reference number given per library system and year (K-2026-0042): one row, raised in the transaction
-- that stores the card, so two cards never share a number.
create table comment_card_number (
    tenant_id       varchar(40)   not null references tenant (slug),
    year            integer       not null,
    last            integer       not null,
    primary key (tenant_id, year)
);

alter table comment_card_number enable row level security;
create policy tenant_isolation on comment_card_number
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on comment_card_number to ${app_role};
alter table comment_card_number force row level security;
