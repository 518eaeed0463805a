package org.servicepoint.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the database keeps of a row, read as the superuser (whom row-level security does not bind): the check every
 * module with sealed text runs, that plain text lies nowhere a backup or a look at the table would show it.
 */
public final class AtRest {

    private AtRest() {
    }

    /**
     * No column of the row {@code id} of {@code table} holds any of {@code secrets}, neither in its stored bytes nor in
     * its text form. Returns the row's columns as text, by name in table order, for the test's further checks.
     *
     * <p>A {@code uuid} column is random and carries nothing the caller gave, and the text form of a {@code bytea} is
     * hex: a short secret of digits such as a card's last four turns up in either by chance (about once in a few
     * thousand rows), so those are compared by their stored bytes only, never their printed form, and uuids not at all.
     */
    public static Map<String, String> assertNoPlainText(TestDatabase db, String table, Object id, String... secrets)
            throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Connection c = db.superuser().getConnection();
             PreparedStatement p = c.prepareStatement("select * from " + table + " where id = ?")) {
            p.setObject(1, id);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).as("a row of %s for %s", table, id).isTrue();
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String text = rs.getString(i);
                    columns.put(meta.getColumnName(i), text);
                    if ("uuid".equals(meta.getColumnTypeName(i))) {
                        continue;
                    }
                    boolean binary = "bytea".equals(meta.getColumnTypeName(i));
                    byte[] raw = binary ? rs.getBytes(i) : (text == null ? null : text.getBytes(StandardCharsets.UTF_8));
                    for (String secret : secrets) {
                        assertThat(contains(raw, secret.getBytes(StandardCharsets.UTF_8))).as(meta.getColumnName(i) + " bytes").isFalse();
                        if (!binary) {
                            assertThat(text == null ? "" : text).as(meta.getColumnName(i) + " text").doesNotContain(secret);
                        }
                    }
                }
            }
        }
        return columns;
    }

    /** Whether {@code needle} stands in {@code haystack} (nothing stands in a null). */
    public static boolean contains(byte[] haystack, byte[] needle) {
        if (haystack == null || needle.length == 0) {
            return false;
        }
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
