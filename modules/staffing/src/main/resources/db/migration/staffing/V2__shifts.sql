-- Shifts, cancelled occurrences and absences. Times are wall-clock times of the library system's time zone;
-- the calendar applies the zone when it expands them, so a 09:00 shift stays at 09:00 across clock changes.

-- Lets rows of this module point at a staff member of their own library system only (composite key below).
alter table staff_member add constraint staff_member_tenant_key unique (tenant_id, id);

create table shift (
    id                 uuid         primary key,
    tenant_id          varchar(40)  not null references tenant (slug),
    staff_member_id    uuid         not null,
    branch_code        varchar(16)  not null,
    service_point_code varchar(32)  not null,
    day_of_week        smallint     check (day_of_week between 1 and 7),
    first_day          date         not null,
    last_day           date,
    starts_at          time(0)      not null,
    ends_at            time(0)      not null,
    overnight          boolean      not null,
    created_at         timestamptz  not null,
    created_by         varchar(250) not null,
    version            bigint       not null default 0,
    constraint shift_tenant_key unique (tenant_id, id),
    constraint shift_member foreign key (tenant_id, staff_member_id)
        references staff_member (tenant_id, id) on delete cascade,
    check (last_day is null or last_day >= first_day),
    -- a one-off shift (no weekday) is on exactly one date
    check (day_of_week is not null or last_day = first_day),
    -- the overnight rule: a shift ending at or before its start on the clock ends the next day, and says so
    check (overnight = (ends_at <= starts_at))
);
create index shift_member_days on shift (tenant_id, staff_member_id, first_day);
create index shift_branch_days on shift (tenant_id, branch_code, first_day);

create table shift_cancellation (
    id         uuid         primary key,
    tenant_id  varchar(40)  not null,
    shift_id   uuid         not null,
    day        date         not null,
    created_at timestamptz  not null,
    created_by varchar(250) not null,
    constraint shift_cancellation_shift foreign key (tenant_id, shift_id)
        references shift (tenant_id, id) on delete cascade,
    constraint shift_cancellation_day_unique unique (tenant_id, shift_id, day)
);

create table absence (
    id              uuid         primary key,
    tenant_id       varchar(40)  not null references tenant (slug),
    staff_member_id uuid         not null,
    kind            varchar(10)  not null check (kind in ('SICK', 'LEAVE', 'OTHER')),
    starts_at       timestamp(0) not null,
    ends_at         timestamp(0) not null,
    whole_days      boolean      not null,
    created_at      timestamptz  not null,
    created_by      varchar(250) not null,
    constraint absence_member foreign key (tenant_id, staff_member_id)
        references staff_member (tenant_id, id) on delete cascade,
    check (ends_at > starts_at)
);
create index absence_member_time on absence (tenant_id, staff_member_id, starts_at);

do $$
declare t text;
begin
    foreach t in array array['shift', 'shift_cancellation', 'absence'] loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy tenant_isolation on %I '
                       'using (tenant_id = current_setting(''app.tenant_id'', true)) '
                       'with check (tenant_id = current_setting(''app.tenant_id'', true))', t);
        execute format('grant select, insert, update, delete on %I to %I', t, '${app_role}');
    end loop;
end;
$$;
