-- The outbox also carries short notices to staff that are not about one report (decision 0008): the previous
-- address of someone who received incident reports is told when that stops, and the people a disclosure request is
-- routed to are told it waits for them. Such a delivery names no report; its subject and text are written when it
-- is queued (they say who and where, never what a patron did or what was asked) and sent as they are.
alter table incident_delivery alter column report_id drop not null;
alter table incident_delivery add column subject varchar(300);
alter table incident_delivery add column body varchar(4000);
do $$
declare c text;
begin
    for c in select conname from pg_constraint where conrelid = 'incident_delivery'::regclass and contype = 'c'
                 and pg_get_constraintdef(oid) like '%OVERDUE_NOTICE%' loop
        execute format('alter table incident_delivery drop constraint %I', c);
    end loop;
end;
$$;
alter table incident_delivery add constraint incident_delivery_kind
    check (kind in ('REPORT', 'OVERDUE_NOTICE', 'RECIPIENT_CHANGED', 'DISCLOSURE_REQUEST'));
-- A report's deliveries name it and carry no text of their own; a notice is the other way round.
alter table incident_delivery add constraint incident_delivery_about
    check ((kind in ('REPORT', 'OVERDUE_NOTICE')) = (report_id is not null)
       and (kind in ('REPORT', 'OVERDUE_NOTICE')) = (subject is null and body is null));
