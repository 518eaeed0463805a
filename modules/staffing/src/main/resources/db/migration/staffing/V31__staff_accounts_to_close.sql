-- Roster entries of every library system whose account is still open although their last day is on or before
-- on_day: the timer asks this (ids only), then binds each entry's library system, checks the day in its time zone and
-- closes the account. Row-level security stays forced on staff_member; the function belongs to the cross-tenant role,
-- which may read only the columns it reads.
create function staff_accounts_to_close(max_rows integer, on_day date)
    returns table (tenant_id varchar, staff_member_id uuid)
    language sql stable security definer
    set search_path = public, pg_temp
    as $$
    select s.tenant_id, s.id from staff_member s
     where s.may_sign_in and not s.account_closed and s.ends_on <= on_day
     order by s.ends_on
     limit max_rows
$$;
revoke all on function staff_accounts_to_close(integer, date) from public;
grant execute on function staff_accounts_to_close(integer, date) to ${app_role};

grant select (tenant_id, id, may_sign_in, account_closed, ends_on) on staff_member to ${cross_tenant_role};
grant create on schema public to ${cross_tenant_role};
alter function staff_accounts_to_close(integer, date) owner to ${cross_tenant_role};
revoke create on schema public from ${cross_tenant_role};
