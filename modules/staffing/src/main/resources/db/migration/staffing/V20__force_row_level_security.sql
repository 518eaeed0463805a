-- Wall 2 binds the tables' owner as well (see the platform's V20).
alter table staff_member force row level security;
alter table shift force row level security;
alter table shift_cancellation force row level security;
alter table absence force row level security;
alter table escalation force row level security;
alter table staff_notice force row level security;
