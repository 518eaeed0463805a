-- Work email address of a roster entry: where incident reports are mailed when the person's position receives them.
-- Optional (volunteers and pages often have none). Checked by the roster's rules; the length cap is RFC 5321's.
alter table staff_member add column email varchar(254);
