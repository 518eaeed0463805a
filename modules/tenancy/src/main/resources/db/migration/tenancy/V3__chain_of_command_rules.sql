-- What each position may do (comma-separated permission codes) and the library system's own rules.
alter table position add column permissions varchar(500) not null default '';
alter table tenant add column substitutes_only_without_permanent boolean not null default true;
alter table tenant add column notify_when_absent varchar(40);
