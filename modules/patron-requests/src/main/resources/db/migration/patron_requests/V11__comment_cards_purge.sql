-- Retention (confidentiality's nightly purge, record type "comment-card"): a handled comment card (thanked, replied
-- to, turned into a complaint, forwarded or closed) leaves after the library system's period from when it was last
-- handled, with its steps (on delete cascade) and the patron's contact unless the complaint it became still names it.
-- New cards are kept until someone handles them. Only the library system the calling transaction is bound to, in
-- batches. The application role cannot delete a card itself: only this function, owned by the purge role, does.
create function comment_cards_purge(purge_tenant varchar, handled_before timestamptz, max_rows integer)
    returns integer
    language plpgsql volatile security definer
    set search_path = public, pg_temp
    as $$
declare
    removed integer;
begin
    if purge_tenant is null or purge_tenant is distinct from current_setting('app.tenant_id', true) then
        raise exception 'a purge removes only records of the library system its transaction is bound to'
            using errcode = 'insufficient_privilege';
    end if;
    with gone as (
        delete from comment_card k
         where k.tenant_id = purge_tenant
           and k.id in (select d.id from comment_card d
                         where d.tenant_id = purge_tenant and d.state <> 'NEW' and d.handled_at <= handled_before
                         limit max_rows)
        returning k.contact_id
    ), contacts as (
        delete from patron_contact c
         where c.tenant_id = purge_tenant
           and c.id in (select g.contact_id from gone g where g.contact_id is not null)
           and not exists (select 1 from complaint x where x.tenant_id = purge_tenant and x.contact_id = c.id)
        returning c.id
    )
    select count(*) into removed from gone;
    return removed;
end;
$$;
revoke all on function comment_cards_purge(varchar, timestamptz, integer) from public;
grant execute on function comment_cards_purge(varchar, timestamptz, integer) to ${app_role};

grant select (tenant_id, id, state, handled_at, contact_id) on comment_card to ${cross_tenant_role};
grant delete on comment_card to ${cross_tenant_role};
grant select (tenant_id, card_id) on comment_card_step to ${cross_tenant_role};
grant delete on comment_card_step to ${cross_tenant_role};
grant select (tenant_id, contact_id) on complaint to ${cross_tenant_role};
grant select (tenant_id, id) on patron_contact to ${cross_tenant_role};
grant delete on patron_contact to ${cross_tenant_role};
grant create on schema public to ${cross_tenant_role};
alter function comment_cards_purge(varchar, timestamptz, integer) owner to ${cross_tenant_role};
revoke create on schema public from ${cross_tenant_role};
