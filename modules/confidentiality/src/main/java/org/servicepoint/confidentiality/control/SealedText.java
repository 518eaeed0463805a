package org.servicepoint.confidentiality.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.entity.TenantId;

/**
 * Free text about patrons that other contexts keep (incident answers and notes, addenda, ban reasons) is sealed
 * with the tenant's data key like this module's own fields, and bound to its table, column and row. This is the
 * one way other contexts seal and open it.
 *
 * <p>Use it inside the caller's transaction: the keys are read (and, on the first seal of a tenant, made and
 * audited as {@code confidentiality.key-create}) in that transaction. Opening is not audited here: the caller's
 * own read is (e.g. {@code incident-report.read}, {@code computer-use-ban.read}), once per request rather than once
 * per field. Without a master key, sealing and opening answer 503 {@code confidentiality-not-configured}.
 */
@ApplicationScoped
public class SealedText {

    @Inject
    ConfidentialityKeys keys;

    /**
     * A seal for one tenant for the rest of the caller's transaction. The keys are unwrapped once, on first use:
     * a request that only lists never touches them.
     */
    public TextSeal in(TenantId tenant, Caller caller) {
        return new TextSeal() {
            private KeyRing ring;

            @Override
            public byte[] seal(String table, String column, UUID row, String text) {
                if (text == null) {
                    return null;
                }
                if (ring == null || ring.currentDataVersion() == 0) {
                    ring = ring(tenant, caller, true);
                }
                return ring.seal(table, column, row, text);
            }

            @Override
            public String open(String table, String column, UUID row, byte[] sealed) {
                if (sealed == null) {
                    return null;
                }
                if (ring == null) {
                    ring = ring(tenant, caller, false);
                }
                return ring.open(table, column, row, sealed);
            }
        };
    }

    /** Seals one text in the caller's transaction (for one value; for several, {@link #in} unwraps the keys once). */
    public byte[] seal(TenantId tenant, Caller caller, String table, String column, UUID row, String text) {
        return in(tenant, caller).seal(table, column, row, text);
    }

    /** Opens one text in the caller's transaction; throws {@link FieldCipher.Unreadable} when it does not open. */
    public String open(TenantId tenant, Caller caller, String table, String column, UUID row, byte[] sealed) {
        return in(tenant, caller).open(table, column, row, sealed);
    }

    /**
     * Seals text written before a context sealed it: for each row of {@code table} (on an entity manager bound to
     * the tenant) whose {@code <column>_plain} holds text, {@code <column>} gets the sealed value and the plain
     * column is emptied. Table and column names are the context's constants, never input. Answers how many rows
     * changed. See decision 0009.
     */
    public static int sealPlainColumns(EntityManager bound, TextSeal seal, String table, String... columns) {
        int changed = 0;
        for (String column : columns) {
            if (!column.matches("[a-z_]+") || !table.matches("[a-z_]+")) {
                throw new IllegalArgumentException("table and column names are identifiers");
            }
            @SuppressWarnings("unchecked")
            java.util.List<Object[]> rows = bound.createNativeQuery("select id, " + column + "_plain from " + table + " where "
                    + column + "_plain is not null and " + column + " is null").getResultList();
            for (Object[] row : rows) {
                UUID id = row[0] instanceof UUID uuid ? uuid : UUID.fromString(String.valueOf(row[0]));
                changed += bound.createNativeQuery("update " + table + " set " + column + " = ?1, " + column + "_plain = null "
                                + "where id = ?2 and " + column + "_plain is not null")
                        .setParameter(1, seal.seal(table, column, id, (String) row[1]))
                        .setParameter(2, id)
                        .executeUpdate();
            }
        }
        return changed;
    }

    /**
     * Seals again with the ring's current data key every value of the given columns of {@code table} (on an entity
     * manager bound to the tenant) that an older key sealed. For a {@link SealedTextHolder} during a rotation; the
     * context's guard triggers must allow a sealed value to move to a newer key version. Answers how many values changed.
     */
    public static int resealColumns(EntityManager bound, KeyRing ring, String table, String... columns) {
        if (!table.matches("[a-z_]+") || !java.util.Arrays.stream(columns).allMatch(c -> c.matches("[a-z_]+"))) {
            throw new IllegalArgumentException("table and column names are identifiers");
        }
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = bound.createNativeQuery("select id, " + String.join(", ", columns) + " from " + table)
                .getResultList();
        int changed = 0;
        for (Object[] row : rows) {
            UUID id = row[0] instanceof UUID uuid ? uuid : UUID.fromString(String.valueOf(row[0]));
            for (int i = 0; i < columns.length; i++) {
                byte[] sealed = (byte[]) row[i + 1];
                if (sealed != null && ring.isStale(sealed)) {
                    String column = columns[i];
                    bound.createNativeQuery("update " + table + " set " + column + " = ?1 where id = ?2")
                            .setParameter(1, ring.seal(table, column, id, ring.open(table, column, id, sealed)))
                            .setParameter(2, id)
                            .executeUpdate();
                    changed++;
                }
            }
        }
        return changed;
    }

    private KeyRing ring(TenantId tenant, Caller caller, boolean create) {
        return keys.ring(keys.actFor(tenant, caller), create);
    }
}
