-- The outbox also sends mail other contexts queue (decisions 0008 and 0013): a mail to staff at a roster address,
-- plain like the notices, and a mail to a patron, whose address, subject and text are sealed with the library
-- system's data key (confidentiality's SealedText, bound to this table, column and row) and opened only to send.
-- Both are queued inside the caller's transaction under the caller's key: a second queue with the same key adds
-- nothing. Once a patron mail is sent (or refused for good) its sealed values are emptied: nothing of the patron
-- stays readable here.
alter table incident_delivery add column mail_key varchar(200);
alter table incident_delivery add column sealed_email bytea;
alter table incident_delivery add column sealed_subject bytea;
alter table incident_delivery add column sealed_body bytea;

alter table incident_delivery drop constraint incident_delivery_kind;
alter table incident_delivery add constraint incident_delivery_kind
    check (kind in ('REPORT', 'OVERDUE_NOTICE', 'RECIPIENT_CHANGED', 'DISCLOSURE_REQUEST', 'STAFF_MAIL', 'PATRON_MAIL'));
-- A report's deliveries name it and carry no text of their own; a notice or a staff mail carries its text in the
-- clear; a patron mail carries none in the clear.
alter table incident_delivery drop constraint incident_delivery_about;
alter table incident_delivery add constraint incident_delivery_about
    check ((kind in ('REPORT', 'OVERDUE_NOTICE')) = (report_id is not null)
       and (kind in ('REPORT', 'OVERDUE_NOTICE', 'PATRON_MAIL')) = (subject is null and body is null));
-- Exactly the mails of other contexts have a key, unique per library system.
alter table incident_delivery add constraint incident_delivery_keyed
    check ((kind in ('STAFF_MAIL', 'PATRON_MAIL')) = (mail_key is not null));
alter table incident_delivery add constraint incident_delivery_mail_key unique (tenant_id, mail_key);
-- A patron mail has no plain address, and its sealed values while it may still be sent; no other row has any.
alter table incident_delivery add constraint incident_delivery_patron_sealed
    check (case when kind = 'PATRON_MAIL'
                then email is null
                     and (status in ('SENT', 'FAILED')
                          or (sealed_email is not null and sealed_subject is not null and sealed_body is not null))
                else sealed_email is null and sealed_subject is null and sealed_body is null end);
alter table incident_delivery add constraint incident_delivery_sealed_size
    check (coalesce(octet_length(sealed_email), 0) <= 1000 and coalesce(octet_length(sealed_subject), 0) <= 2000
       and coalesce(octet_length(sealed_body), 0) <= 40000);
