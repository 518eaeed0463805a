package org.servicepoint.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The at-rest check itself: it must find a secret in any text column and in a bytea's stored bytes, yet not fail
 * because a random id or a ciphertext's hex happens to spell a short run of digits (a flaky failure seen in CI).
 */
class AtRestDatabaseTest {

    static TestDatabase db;

    @BeforeAll
    static void table() throws SQLException {
        db = TestDatabase.migratedWith("platform");
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists at_rest_probe (id uuid primary key, note text, sealed bytea)");
        }
    }

    static UUID insert(String id, String note, String sealedHex) throws SQLException {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into at_rest_probe values ('" + id + "', '" + note + "', '\\x" + sealedHex + "')");
        }
        return UUID.fromString(id);
    }

    @Test
    void digits_a_uuid_or_a_bytea_print_by_chance_are_no_leak() throws SQLException {
        UUID id = insert("0b5e8901-0000-4000-8000-000000008901", "nothing here", "0189010a");
        assertThat(AtRest.assertNoPlainText(db, "at_rest_probe", id, "8901")).containsEntry("note", "nothing here");
    }

    @Test
    void a_secret_in_a_text_column_or_in_a_bytea_s_bytes_is_found() throws SQLException {
        UUID inText = insert(UUID.randomUUID().toString(), "card 8901", "00");
        assertThatThrownBy(() -> AtRest.assertNoPlainText(db, "at_rest_probe", inText, "8901")).hasMessageContaining("note");
        // "8901" as ASCII bytes: 0x38 0x39 0x30 0x31.
        UUID inBytes = insert(UUID.randomUUID().toString(), "clean", "0038393031ff");
        assertThatThrownBy(() -> AtRest.assertNoPlainText(db, "at_rest_probe", inBytes, "8901")).hasMessageContaining("sealed bytes");
    }
}
