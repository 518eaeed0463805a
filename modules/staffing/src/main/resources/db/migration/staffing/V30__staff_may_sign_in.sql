-- A roster entry that may sign in has an account in the library system's Keycloak realm (modules/staffing/README.md,
-- "Accounts"); the entity holds that such an entry has a username. account_closed says the account has been disabled
-- because the entry ended.
alter table staff_member add column may_sign_in boolean not null default false;
alter table staff_member add column account_closed boolean not null default false;
