-- Incident forms: each publication that changes a library system's form is a new version, kept for ever,
-- because every report is read (and its signatures checked) against the version it was written on.
create table incident_form_version (
    id             uuid          primary key,
    tenant_id      varchar(40)   not null references tenant (slug),
    version        integer       not null check (version > 0),
    content_hash   char(64)      not null,
    document       text          not null,
    source         varchar(300)  not null,
    published_at   timestamptz   not null,
    published_by   varchar(300)  not null,
    unique (tenant_id, version),
    -- Reports point at (tenant, id): a report can never name another library system's form.
    unique (tenant_id, id)
);

-- One incident report. The content columns (everything a signature covers) are sealed by a trigger once the
-- reporter has signed; later steps only set their own columns.
create table incident_report (
    id                  uuid          primary key,
    tenant_id           varchar(40)   not null references tenant (slug),
    form_version_id     uuid          not null,
    form_version        integer       not null,
    form_hash           char(64)      not null,
    category            varchar(40)   not null,
    branch_code         varchar(16)   not null,
    occurred_at         timestamptz   not null,
    reporter_username   varchar(100)  not null,
    reporter_tag_name   varchar(100),
    reporter_position   varchar(40),
    answers             text          not null,
    staff_names         text          not null,
    patron_references   text          not null,
    verbal_called_by    varchar(200),
    verbal_called_to    varchar(200),
    verbal_called_at    timestamptz,
    verbal_note         varchar(1000),
    verbal_recorded_by  varchar(100),
    status              varchar(20)   not null
        check (status in ('DRAFT', 'SUBMITTED', 'COUNTERSIGNED', 'DISTRIBUTED', 'ACKNOWLEDGED', 'CLOSED')),
    needs_verbal_report boolean       not null,
    needs_countersign   boolean       not null,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    submitted_at        timestamptz,
    countersigned_at    timestamptz,
    distributed_at      timestamptz,
    acknowledged_at     timestamptz,
    closed_at           timestamptz,
    closed_by           varchar(100),
    version             bigint        not null default 0,
    foreign key (tenant_id, form_version_id) references incident_form_version (tenant_id, id),
    unique (tenant_id, id)
);
create index incident_report_branch on incident_report (tenant_id, branch_code, occurred_at desc);
create index incident_report_status on incident_report (tenant_id, status, occurred_at desc);
create index incident_report_reporter on incident_report (tenant_id, reporter_username, occurred_at desc);

-- Corrections after signing: appended, each signed by its author.
create table incident_addendum (
    id                 uuid          primary key,
    tenant_id          varchar(40)   not null references tenant (slug),
    report_id          uuid          not null,
    seq                integer       not null check (seq > 0),
    text               text          not null,
    author_username    varchar(100)  not null,
    author_tag_name    varchar(100),
    created_at         timestamptz   not null,
    signature_seq      integer       not null,
    foreign key (tenant_id, report_id) references incident_report (tenant_id, id),
    unique (tenant_id, report_id, seq)
);

-- The signature trail of a report: each signature covers the hash of the report's content at that moment and
-- the hash of the signature before it.
create table incident_signature (
    id                 uuid          primary key,
    tenant_id          varchar(40)   not null references tenant (slug),
    report_id          uuid          not null,
    seq                integer       not null check (seq > 0),
    kind               varchar(20)   not null
        check (kind in ('REPORTER', 'COUNTERSIGNATURE', 'ADDENDUM', 'ACKNOWLEDGEMENT')),
    signer_username    varchar(100)  not null,
    signer_tag_name    varchar(100),
    signer_position    varchar(40),
    signed_at          timestamptz   not null,
    content_hash       char(64)      not null,
    previous_hash      char(64)      not null,
    hash               char(64)      not null,
    foreign key (tenant_id, report_id) references incident_report (tenant_id, id),
    unique (tenant_id, report_id, seq)
);

-- Once signed, a report's content stays as signed, whoever connects: corrections are addenda.
create function incident_report_sealed() returns trigger language plpgsql as $$
begin
    if old.submitted_at is not null and (
           new.form_version_id is distinct from old.form_version_id
        or new.form_version is distinct from old.form_version
        or new.form_hash is distinct from old.form_hash
        or new.category is distinct from old.category
        or new.branch_code is distinct from old.branch_code
        or new.occurred_at is distinct from old.occurred_at
        or new.reporter_username is distinct from old.reporter_username
        or new.reporter_tag_name is distinct from old.reporter_tag_name
        or new.reporter_position is distinct from old.reporter_position
        or new.answers is distinct from old.answers
        or new.staff_names is distinct from old.staff_names
        or new.patron_references is distinct from old.patron_references
        or new.verbal_called_by is distinct from old.verbal_called_by
        or new.verbal_called_to is distinct from old.verbal_called_to
        or new.verbal_called_at is distinct from old.verbal_called_at
        or new.verbal_note is distinct from old.verbal_note
        or new.submitted_at is distinct from old.submitted_at
        or new.tenant_id is distinct from old.tenant_id) then
        raise exception 'incident report % is signed: its content cannot change (add an addendum)', old.id
            using errcode = 'check_violation';
    end if;
    return new;
end;
$$;
create trigger incident_report_sealed before update on incident_report
    for each row execute function incident_report_sealed();

-- Form versions, addenda and signatures are written once.
create function incident_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never changed or removed', tg_table_name using errcode = 'insufficient_privilege';
end;
$$;
create trigger incident_form_version_append_only before update or delete on incident_form_version
    for each row execute function incident_append_only();
create trigger incident_addendum_append_only before update or delete on incident_addendum
    for each row execute function incident_append_only();
create trigger incident_signature_append_only before update or delete on incident_signature
    for each row execute function incident_append_only();

do $$
declare t text;
begin
    foreach t in array array['incident_form_version', 'incident_report', 'incident_addendum', 'incident_signature'] loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy tenant_isolation on %I '
                       'using (tenant_id = current_setting(''app.tenant_id'', true)) '
                       'with check (tenant_id = current_setting(''app.tenant_id'', true))', t);
        execute format('grant select, insert on %I to %I', t, '${app_role}');
    end loop;
    -- Drafts are saved again and again, and status steps set their own columns; nothing is ever deleted.
    execute format('grant update on incident_report to %I', '${app_role}');
end;
$$;
