-- Wall 2 binds the table's owner as well (see the platform's V20).
alter table computer_use_ban force row level security;
