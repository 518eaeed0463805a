-- Other contexts now declare record types with a retention period of their own (incident reports, escalations,
-- computer-use bans; RetainedRecords in the control package), so the table no longer lists the codes: the
-- application checks them against the types it knows, and the database keeps only their shape.
do $$
declare c text;
begin
    for c in select conname from pg_constraint where conrelid = 'retention_period'::regclass and contype = 'c'
                 and pg_get_constraintdef(oid) like '%record_type%' loop
        execute format('alter table retention_period drop constraint %I', c);
    end loop;
end;
$$;
alter table retention_period add constraint retention_period_record_type_code
    check (record_type ~ '^[a-z][a-z-]{0,39}$');
