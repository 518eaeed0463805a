-- Same-day distribution of signed incident reports through a transactional outbox.
--
-- A report that becomes ready for distribution gets one incident_delivery row per recipient in the same
-- transaction as its signature, so a report answered as signed always has its deliveries, even if the
-- application dies a moment later. A worker claims due rows, sends them over SMTP and records the outcome.

alter table incident_report
    -- End of the day of the incident in the library system's zone (or as its form says); set when the report
    -- is ready for distribution. Not content: the seal trigger does not cover it.
    add column deadline_at timestamptz,
    -- When the worker found the report still undelivered at its deadline (and told headquarters).
    add column overdue_at  timestamptz;

create table incident_delivery (
    id                 uuid          primary key,
    tenant_id          varchar(40)   not null references tenant (slug),
    report_id          uuid          not null,
    -- REPORT: the signed report to a recipient; OVERDUE_NOTICE: headquarters told that a report is overdue.
    kind               varchar(20)   not null check (kind in ('REPORT', 'OVERDUE_NOTICE')),
    staff_member_id    uuid,
    recipient_name     varchar(100)  not null,
    recipient_position varchar(40)   not null,
    -- Null when the roster has no address for the person: such a delivery fails at once, visibly.
    email              varchar(254),
    status             varchar(10)   not null check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts           integer       not null default 0,
    -- When the row is next due: the next try while PENDING, the end of the claim while SENDING.
    next_attempt_at    timestamptz   not null,
    last_error         varchar(500),
    -- Set when a claim ran out (the application stopped mid-send): the next send may repeat one that arrived.
    interrupted        integer       not null default 0,
    -- The same Message-ID on every try, so a repeat after a crash is recognisably the same message.
    message_id         varchar(200)  not null,
    created_at         timestamptz   not null,
    sent_at            timestamptz,
    version            bigint        not null default 0,
    foreign key (tenant_id, report_id) references incident_report (tenant_id, id),
    unique (tenant_id, id),
    -- Never the same report twice to the same person: one row per report, kind and recipient.
    unique (tenant_id, report_id, kind, recipient_name, recipient_position)
);
create index incident_delivery_due on incident_delivery (next_attempt_at) where status in ('PENDING', 'SENDING');
create index incident_delivery_report on incident_delivery (tenant_id, report_id);
create index incident_report_overdue on incident_report (deadline_at)
    where deadline_at is not null and overdue_at is null and distributed_at is null;

alter table incident_delivery enable row level security;
create policy tenant_isolation on incident_delivery
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on incident_delivery to ${app_role};

-- The worker looks across library systems for work; row-level security would show it nothing without a tenant.
-- These two functions (run as their owner) hand it only ids and tenants, never content; everything else the
-- worker does, it does bound to the row's own tenant. The time is the application's clock (tests move it).
create function incident_deliveries_due(max_rows integer, at timestamptz)
    returns table (tenant_id varchar, delivery_id uuid)
    language sql stable security definer set search_path = public as $$
    select d.tenant_id, d.id from incident_delivery d
     where d.status in ('PENDING', 'SENDING') and d.next_attempt_at <= at
     order by d.next_attempt_at
     limit max_rows
$$;

create function incident_reports_newly_overdue(max_rows integer, at timestamptz)
    returns table (tenant_id varchar, report_id uuid)
    language sql stable security definer set search_path = public as $$
    select r.tenant_id, r.id from incident_report r
     where r.deadline_at is not null and r.deadline_at <= at and r.overdue_at is null and r.distributed_at is null
     order by r.deadline_at
     limit max_rows
$$;

revoke all on function incident_deliveries_due(integer, timestamptz) from public;
revoke all on function incident_reports_newly_overdue(integer, timestamptz) from public;
grant execute on function incident_deliveries_due(integer, timestamptz) to ${app_role};
grant execute on function incident_reports_newly_overdue(integer, timestamptz) to ${app_role};
