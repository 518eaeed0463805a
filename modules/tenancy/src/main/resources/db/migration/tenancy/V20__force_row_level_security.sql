-- Wall 2 binds the tables' owner as well (see the platform's V20).
alter table branch force row level security;
alter table service_point force row level security;
alter table opening_period force row level security;
alter table closure force row level security;
alter table position force row level security;
