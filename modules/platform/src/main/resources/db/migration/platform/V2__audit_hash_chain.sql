-- Hash chain over each tenant's audit lines: line n (seq, numbered 1, 2, 3... per tenant) carries the hash
-- of line n-1 (prev_hash; 64 zeros for the first line) and a hash of its own content (hash). A line changed,
-- removed or slipped in behind the application's back breaks the chain at that line.
alter table audit_event
    add column seq       bigint,
    add column prev_hash varchar(64),
    add column hash      varchar(64);

-- The encoding, twin of AuditChain.hash in Java: each field as '|<UTF-8 byte length>:<text>', or '|-' for
-- null, after a format tag. Kept in the database so that anyone with psql can check a line.
create function audit_event_field(value text) returns text
    language sql immutable strict parallel safe
    as $$ select '|' || octet_length(convert_to(value, 'UTF8')) || ':' || value $$;

create function audit_event_hash(prev_hash text, tenant_id text, seq bigint, occurred_at timestamptz, actor text,
                                 action text, target text, outcome text, detail text, request_id text) returns text
    language sql stable parallel safe
    as $$
    select encode(sha256(convert_to('servicepoint-audit-v1'
        || coalesce(audit_event_field(prev_hash), '|-')
        || coalesce(audit_event_field(tenant_id), '|-')
        || coalesce(audit_event_field(seq::text), '|-')
        || coalesce(audit_event_field(to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')), '|-')
        || coalesce(audit_event_field(actor), '|-')
        || coalesce(audit_event_field(action), '|-')
        || coalesce(audit_event_field(target), '|-')
        || coalesce(audit_event_field(outcome), '|-')
        || coalesce(audit_event_field(detail), '|-')
        || coalesce(audit_event_field(request_id), '|-'), 'UTF8')), 'hex')
    $$;

-- Lines written before this migration are chained now, in the order they were written (id). The chain
-- vouches for them only from this moment on: what happened to them earlier cannot be told any more.
alter table audit_event disable trigger audit_event_append_only;
do $$
declare
    line     record;
    tenant   text := null;
    number   bigint;
    previous text;
begin
    for line in select id, tenant_id, occurred_at, actor, action, target, outcome, detail, request_id
                from audit_event order by tenant_id, id loop
        if tenant is distinct from line.tenant_id then
            tenant := line.tenant_id;
            number := 0;
            previous := repeat('0', 64);
        end if;
        number := number + 1;
        update audit_event
           set seq = number,
               prev_hash = previous,
               hash = audit_event_hash(previous, line.tenant_id, number, line.occurred_at, line.actor, line.action,
                                       line.target, line.outcome, line.detail, line.request_id)
         where id = line.id
        returning hash into previous;
    end loop;
end;
$$;
alter table audit_event enable trigger audit_event_append_only;

alter table audit_event
    alter column seq set not null,
    alter column prev_hash set not null,
    alter column hash set not null,
    add constraint audit_event_seq_positive check (seq >= 1),
    add constraint audit_event_hashes_hex check (prev_hash ~ '^[0-9a-f]{64}$' and hash ~ '^[0-9a-f]{64}$'),
    -- One line per number per tenant; also the index the chain is read and extended by.
    add constraint audit_event_seq_unique unique (tenant_id, seq);

grant execute on function audit_event_field(text) to ${app_role};
grant execute on function audit_event_hash(text, text, bigint, timestamptz, text, text, text, text, text, text) to ${app_role};
