-- Retention of follow-ups and updates (confidentiality's RetainedRecords, record type follow-up): each row leaves with
-- its matter (the matter's own purge removes it first; this removes what names a matter that is gone), or once both
-- periods have passed since it was done (a follow-up) or made (an update): the one patron-requests.yaml set when it
-- was written (retain_days, retention.followUps) and the library system's retention setting (the purge's cut-off).
-- An open follow-up of a matter that still exists stays. Only this function deletes: it removes rows of the library
-- system the calling transaction is bound to, in batches.
alter table matter_update add column retain_days integer not null default 1095 check (retain_days > 0);
alter table matter_follow_up add column retain_days integer not null default 1095 check (retain_days > 0);
revoke delete on matter_update, matter_follow_up from ${app_role};

create function matter_follow_ups_purge(purge_tenant varchar, done_before timestamptz, max_rows integer)
    returns integer
    language plpgsql volatile security definer
    set search_path = public, pg_temp
    as $$
declare
    removed integer := 0;
    n integer;
    kind_table record;
begin
    if purge_tenant is null or purge_tenant is distinct from current_setting('app.tenant_id', true) then
        raise exception 'a purge removes only records of the library system its transaction is bound to'
            using errcode = 'insufficient_privilege';
    end if;
    delete from matter_follow_up f where f.id in (
        select x.id from matter_follow_up x
         where x.tenant_id = purge_tenant and x.done_at <= done_before
           and x.done_at + make_interval(days => x.retain_days) <= statement_timestamp()
         limit max_rows);
    get diagnostics n = row_count;
    removed := removed + n;
    delete from matter_update u where u.id in (
        select x.id from matter_update x
         where x.tenant_id = purge_tenant and x.made_at <= done_before
           and x.made_at + make_interval(days => x.retain_days) <= statement_timestamp()
         limit greatest(max_rows - removed, 0));
    get diagnostics n = row_count;
    removed := removed + n;
    -- With their matter: each kind's table, where this database has it (constant names, never input).
    for kind_table in select * from (values ('COMPLAINT', 'complaint'), ('COMMENT_CARD', 'comment_card'),
            ('RECONSIDERATION', 'reconsideration'), ('CALL_BACK', 'call_back'), ('ESCALATION', 'escalation')) k (kind, tbl) loop
        continue when to_regclass(kind_table.tbl) is null or removed >= max_rows;
        execute format('delete from matter_follow_up f where f.id in (select x.id from matter_follow_up x '
                || 'where x.tenant_id = $1 and x.matter_kind = $2 and not exists (select 1 from %I m '
                || 'where m.tenant_id = $1 and m.id = x.matter_id) limit $3)', kind_table.tbl)
            using purge_tenant, kind_table.kind, max_rows - removed;
        get diagnostics n = row_count;
        removed := removed + n;
        execute format('delete from matter_update u where u.id in (select x.id from matter_update x '
                || 'where x.tenant_id = $1 and x.matter_kind = $2 and not exists (select 1 from %I m '
                || 'where m.tenant_id = $1 and m.id = x.matter_id) limit $3)', kind_table.tbl)
            using purge_tenant, kind_table.kind, greatest(max_rows - removed, 0);
        get diagnostics n = row_count;
        removed := removed + n;
    end loop;
    return removed;
end;
$$;
revoke all on function matter_follow_ups_purge(varchar, timestamptz, integer) from public;
grant execute on function matter_follow_ups_purge(varchar, timestamptz, integer) to ${app_role};

grant select (tenant_id, id, matter_kind, matter_id, done_at, retain_days) on matter_follow_up to ${cross_tenant_role};
grant select (tenant_id, id, matter_kind, matter_id, made_at, retain_days) on matter_update to ${cross_tenant_role};
grant delete on matter_follow_up, matter_update to ${cross_tenant_role};
-- The purge reads whether a matter still exists: ids only, of the kinds' tables this database has.
do $$
declare t text;
begin
    foreach t in array array['complaint', 'comment_card', 'reconsideration', 'call_back', 'escalation'] loop
        if to_regclass(t) is not null then
            execute format('grant select (tenant_id, id) on %I to ${cross_tenant_role}', t);
        end if;
    end loop;
end;
$$;
-- A new owner must be allowed to create in the functions' schema; it keeps that right only for the change.
grant create on schema public to ${cross_tenant_role};
alter function matter_follow_ups_purge(varchar, timestamptz, integer) owner to ${cross_tenant_role};
revoke create on schema public from ${cross_tenant_role};
