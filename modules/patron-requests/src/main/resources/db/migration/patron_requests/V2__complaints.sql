-- Complaints staff record for patrons: what it is about and what the patron asks for are sealed with the library
-- system's data key (confidentiality's SealedText, bound to this table, column and row), as are the response and the
-- closing note. The cited policy is kept as it stood when cited (key, title, category): the complaint is about that
-- text. The reference (C-<year>-<nnnn>) is what the patron is told, numbered per library system and year.
create table complaint (
    id                  uuid          primary key,
    tenant_id           varchar(40)   not null references tenant (slug),
    year                integer       not null check (year between 2000 and 9999),
    number              integer       not null check (number > 0),
    -- Made from year and number by the database, so it cannot say otherwise.
    reference           varchar(20)   not null generated always as ('C-' || year::text || '-' || lpad(number::text, 4, '0')) stored,
    branch_code         varchar(16)   not null,
    channel             varchar(20)   not null check (channel in ('in-person', 'phone', 'email', 'comment-card')),
    about               bytea         not null,
    asks                bytea,
    policy_key          varchar(60),
    policy_title        varchar(300),
    policy_category     varchar(60),
    contact_id          uuid,
    comment_card_id     uuid,
    -- The position told first; null: the persons in charge of the branch (no patron-requests.yaml).
    handled_by          varchar(60),
    state               varchar(20)   not null check (state in ('received', 'with-director', 'responded', 'closed')),
    received_at         timestamptz   not null,
    due_at              timestamptz   not null,
    director_told_at    timestamptz,
    director_opened_at  timestamptz,
    response            bytea,
    response_channel    varchar(20)   check (response_channel in ('email', 'phone', 'in-person')),
    responded_at        timestamptz,
    responded_by        varchar(100),
    closed_at           timestamptz,
    closed_by           varchar(100),
    close_note          bytea,
    -- Days kept after closing, from patron-requests.yaml as applied when it was closed (the purge's own period).
    retain_days         integer       check (retain_days > 0),
    -- Headquarters was told it is overdue (once; the timer's mark).
    overdue_told_at     timestamptz,
    recorded_by         varchar(100)  not null,
    -- A retried request with the same key answers the complaint already recorded.
    request_key         varchar(100),
    version             bigint        not null default 0,
    check ((policy_key is null) = (policy_title is null)),
    check (state <> 'responded' or responded_at is not null),
    check ((state = 'closed') = (closed_at is not null)),
    check (closed_at is null or retain_days is not null),
    unique (tenant_id, reference),
    unique (tenant_id, year, number),
    unique (tenant_id, id),
    unique (tenant_id, request_key),
    unique (tenant_id, comment_card_id),
    foreign key (tenant_id, contact_id) references patron_contact (tenant_id, id)
);
create index complaint_branch on complaint (tenant_id, branch_code, received_at desc);
create index complaint_due on complaint (due_at) where overdue_told_at is null and state in ('received', 'with-director');
create index complaint_closed on complaint (tenant_id, closed_at) where closed_at is not null;

-- Each step of a complaint, in order: received, director-told, headquarters-told, opened, responded, closed,
-- overdue-told. Written once, never changed; removed with the complaint.
create table complaint_step (
    id              uuid          primary key,
    tenant_id       varchar(40)   not null references tenant (slug),
    complaint_id    uuid          not null,
    step            varchar(30)   not null,
    at              timestamptz   not null,
    by_name         varchar(100)  not null,
    foreign key (tenant_id, complaint_id) references complaint (tenant_id, id)
);
create index complaint_step_of on complaint_step (tenant_id, complaint_id, at);

do $$
declare t text;
begin
    foreach t in array array['complaint', 'complaint_step'] loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy tenant_isolation on %I '
                       'using (tenant_id = current_setting(''app.tenant_id'', true)) '
                       'with check (tenant_id = current_setting(''app.tenant_id'', true))', t);
        execute format('alter table %I force row level security', t);
    end loop;
end;
$$;
-- Complaints change state and are resealed; steps are written once. Only the purge (a definer function) deletes.
grant select, insert, update on complaint to ${app_role};
grant select, insert on complaint_step to ${app_role};
