-- Escalation notes and outcomes may describe patrons: they are kept sealed with the library system's data key
-- (AES-GCM, bound to table, column and row), like disclosure requests. Rows written before this keep their plain
-- text until the application next reads them, when it seals them and empties the plain columns.
alter table escalation add column sealed_note bytea;
alter table escalation add column sealed_outcome bytea;
