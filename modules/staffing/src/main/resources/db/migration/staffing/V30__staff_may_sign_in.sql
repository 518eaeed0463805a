-- A roster entry that may sign in has an account in the library system's Keycloak realm (modules/staffing/README.md,
-- "Accounts"). account_closed says that account has been disabled because the entry ended, so the daily pass that
-- closes accounts of entries whose last day has passed does each one once.
alter table staff_member add column may_sign_in boolean not null default false;
alter table staff_member add column account_closed boolean not null default false;
alter table staff_member add constraint staff_member_sign_in_needs_username check (not may_sign_in or username is not null);
