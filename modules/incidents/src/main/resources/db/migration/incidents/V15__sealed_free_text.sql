-- Free text about patrons is sealed at rest: the answers, the note of the call to headquarters and addenda are
-- stored as AES-256-GCM values under the library system's data key, bound to tenant, table, column and row
-- (confidentiality's SealedText; format in modules/confidentiality/README.md). The database never sees the text.
--
-- Rows written before this migration keep their plain text in *_plain columns until the application seals them
-- at start (SealPlainText, decision 0009); then the plain text is gone. New rows never fill a *_plain column.
alter table incident_report rename column answers to answers_plain;
alter table incident_report alter column answers_plain drop not null;
alter table incident_report add column answers bytea;
alter table incident_report rename column verbal_note to verbal_note_plain;
alter table incident_report add column verbal_note bytea;
alter table incident_report add constraint incident_report_answers_kept
    check ((answers is null) <> (answers_plain is null));

alter table incident_addendum rename column text to text_plain;
alter table incident_addendum alter column text_plain drop not null;
alter table incident_addendum add column text bytea;
alter table incident_addendum add constraint incident_addendum_text_kept
    check ((text is null) <> (text_plain is null));

-- A sealed value moves to a newer data key version (a rotation seals it again): format byte 1, then the key
-- version as 4 big-endian bytes, which compare as bytes in the order of the numbers.
create function incident_sealed_under_newer_key(new_value bytea, old_value bytea) returns boolean
    language sql immutable set search_path = public, pg_temp as $$
    select new_value is not null and old_value is not null and length(new_value) > 5 and length(old_value) > 5
        and get_byte(new_value, 0) = 1 and get_byte(old_value, 0) = 1
        and substring(new_value from 2 for 4) > substring(old_value from 2 for 4)
$$;

-- The seal trigger again, with the sealed columns, and two changes allowed after signing: plain text that was
-- there before this migration is replaced, once, by its sealed value; and a data key rotation seals a value
-- again under a newer key version. Either way the signatures still cover the same text (verification opens it
-- and would name any signature whose text changed).
create or replace function incident_report_sealed() returns trigger language plpgsql as $$
declare
    answers_sealed_now boolean := old.answers is null and old.answers_plain is not null
        and new.answers is not null and new.answers_plain is null;
    note_sealed_now boolean := old.verbal_note is null and old.verbal_note_plain is not null
        and new.verbal_note is not null and new.verbal_note_plain is null;
begin
    if old.submitted_at is not null and (
           new.form_version_id is distinct from old.form_version_id
        or new.form_version is distinct from old.form_version
        or new.form_hash is distinct from old.form_hash
        or new.category is distinct from old.category
        or new.branch_code is distinct from old.branch_code
        or new.occurred_at is distinct from old.occurred_at
        or new.reporter_username is distinct from old.reporter_username
        or new.reporter_tag_name is distinct from old.reporter_tag_name
        or new.reporter_position is distinct from old.reporter_position
        or ((new.answers is distinct from old.answers or new.answers_plain is distinct from old.answers_plain)
            and not answers_sealed_now
            and not (new.answers_plain is null and incident_sealed_under_newer_key(new.answers, old.answers)))
        or new.staff_names is distinct from old.staff_names
        or new.patron_references is distinct from old.patron_references
        or new.verbal_called_by is distinct from old.verbal_called_by
        or new.verbal_called_to is distinct from old.verbal_called_to
        or new.verbal_called_at is distinct from old.verbal_called_at
        or ((new.verbal_note is distinct from old.verbal_note or new.verbal_note_plain is distinct from old.verbal_note_plain)
            and not note_sealed_now
            and not (new.verbal_note_plain is null and incident_sealed_under_newer_key(new.verbal_note, old.verbal_note)))
        or new.submitted_at is distinct from old.submitted_at
        or new.tenant_id is distinct from old.tenant_id) then
        raise exception 'incident report % is signed: its content cannot change (add an addendum)', old.id
            using errcode = 'check_violation';
    end if;
    return new;
end;
$$;

-- Addenda stay written once, except that an old plain text is replaced, once, by its sealed value, and a data
-- key rotation seals the text again under a newer key version.
create function incident_addendum_written_once() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
        and ((old.text is null and old.text_plain is not null and new.text is not null and new.text_plain is null)
             or (new.text_plain is null and incident_sealed_under_newer_key(new.text, old.text)))
        and (new.id, new.tenant_id, new.report_id, new.seq, new.author_username, new.author_tag_name, new.created_at,
             new.signature_seq)
            is not distinct from (old.id, old.tenant_id, old.report_id, old.seq, old.author_username, old.author_tag_name,
             old.created_at, old.signature_seq) then
        return new;
    end if;
    raise exception '% rows are never changed or removed', tg_table_name using errcode = 'insufficient_privilege';
end;
$$;
drop trigger incident_addendum_append_only on incident_addendum;
create trigger incident_addendum_append_only before update or delete on incident_addendum
    for each row execute function incident_addendum_written_once();
grant update (text, text_plain) on incident_addendum to ${app_role};
