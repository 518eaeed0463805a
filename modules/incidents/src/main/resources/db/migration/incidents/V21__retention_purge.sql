-- Retention of incident reports (confidentiality's RetainedRecords): a closed report is removed, with its addenda,
-- signatures and deliveries, once the library system's period has passed since it was closed. Reports not closed
-- are kept. A report a computer-use ban still names is kept until that ban is purged (bans go first in the nightly
-- purge, so both usually leave in the same run).
--
-- The application role may not delete any of these rows, and addenda and signatures refuse deletion to everyone.
-- This function, owned by the cross-tenant role, is the one exception: it removes only rows of the library system
-- the calling transaction is bound to, only in batches, and the two triggers below let only its owner delete.
create function incident_reports_purge(purge_tenant varchar, closed_before timestamptz, max_rows integer)
    returns integer
    language plpgsql volatile security definer
    set search_path = public, pg_temp
    as $$
declare
    due uuid[];
begin
    if purge_tenant is null or purge_tenant is distinct from current_setting('app.tenant_id', true) then
        raise exception 'a purge removes only records of the library system its transaction is bound to'
            using errcode = 'insufficient_privilege';
    end if;
    select coalesce(array_agg(r.id), '{}') into due from (
        select r.id from incident_report r
         where r.tenant_id = purge_tenant and r.status = 'CLOSED' and r.closed_at <= closed_before
           and not exists (select 1 from computer_use_ban b
                            where b.tenant_id = r.tenant_id and b.incident_report_id = r.id)
         order by r.closed_at
         limit max_rows) r;
    delete from incident_delivery d where d.tenant_id = purge_tenant and d.report_id = any (due);
    delete from incident_addendum a where a.tenant_id = purge_tenant and a.report_id = any (due);
    delete from incident_signature s where s.tenant_id = purge_tenant and s.report_id = any (due);
    delete from incident_report r where r.tenant_id = purge_tenant and r.id = any (due);
    return cardinality(due);
end;
$$;
revoke all on function incident_reports_purge(varchar, timestamptz, integer) from public;
grant execute on function incident_reports_purge(varchar, timestamptz, integer) to ${app_role};

-- Signatures and form versions stay written once; only the purge, running as the cross-tenant role, removes a
-- signature, and only together with its report.
create or replace function incident_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and tg_table_name = 'incident_signature' and current_user = '${cross_tenant_role}' then
        return old;
    end if;
    raise exception '% rows are never changed or removed', tg_table_name using errcode = 'insufficient_privilege';
end;
$$;

-- Addenda as in V15, and the purge's removal.
create or replace function incident_addendum_written_once() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_user = '${cross_tenant_role}' then
        return old;
    end if;
    if tg_op = 'UPDATE'
        and ((old.text is null and old.text_plain is not null and new.text is not null and new.text_plain is null)
             or (new.text_plain is null and incident_sealed_under_newer_key(new.text, old.text)))
        and (new.id, new.tenant_id, new.report_id, new.seq, new.author_username, new.author_tag_name, new.created_at,
             new.signature_seq)
            is not distinct from (old.id, old.tenant_id, old.report_id, old.seq, old.author_username, old.author_tag_name,
             old.created_at, old.signature_seq) then
        return new;
    end if;
    raise exception '% rows are never changed or removed', tg_table_name using errcode = 'insufficient_privilege';
end;
$$;

-- Only what the purge reads and removes (computer_use_ban's columns are granted by the bans module).
grant select (tenant_id, id, status, closed_at) on incident_report to ${cross_tenant_role};
grant select (tenant_id, report_id) on incident_delivery, incident_addendum, incident_signature to ${cross_tenant_role};
grant delete on incident_report, incident_delivery, incident_addendum, incident_signature to ${cross_tenant_role};
grant create on schema public to ${cross_tenant_role};
alter function incident_reports_purge(varchar, timestamptz, integer) owner to ${cross_tenant_role};
revoke create on schema public from ${cross_tenant_role};
