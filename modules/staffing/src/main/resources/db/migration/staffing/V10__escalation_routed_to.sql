-- Who an escalation was routed to, as the roster knows them (not only their tag name and position title), so that
-- only that person, or someone of the same or a higher position who may handle the situation, records its outcome;
-- and so that the routed person sees it in their list, whatever their branch. Older rows keep only the names.
alter table escalation add column decided_by_staff_member_id uuid;
alter table escalation add column decided_by_username varchar(40);
alter table escalation add column decided_by_position_code varchar(40);
alter table escalation add column decided_by_branch varchar(16);
create index escalation_reported_by on escalation (tenant_id, reported_by, created_at desc);
create index escalation_decided_by on escalation (tenant_id, decided_by_username, created_at desc);
