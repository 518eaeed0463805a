package org.servicepoint.confidentiality.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.confidentiality.control.ConfidentialityDatabase.CONFIDENTIALITY;
import static org.servicepoint.platform.testing.AtRest.assertNoPlainText;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.control.PatronReferenceStore.Referenced;
import org.servicepoint.confidentiality.control.PatronReferenceStore.Revealed;
import org.servicepoint.confidentiality.entity.PatronReference;
import org.servicepoint.confidentiality.entity.TenantDataKey.Purpose;
import org.servicepoint.confidentiality.entity.TenantDataKey;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * Patron references on real PostgreSQL, through EclipseLink as the application role (both tenant walls):
 * nothing readable at rest, found again by card, invisible to another library system, and useless without
 * the right master key.
 */
class PatronReferencesDatabaseTest {

    static final SecureRandom RANDOM = new SecureRandom();
    static final String CARD = "2 1234 00567 8901";
    static final String NORMALISED = "21234005678901";
    static final String NAME = "Zelda Quartermaine";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T09:00:00Z"), ZoneOffset.UTC);

    static final String K1 = MasterKeysTest.newMasterKey();
    static final String K2 = MasterKeysTest.newMasterKey();

    static TestDatabase db;
    static MasterKeys master;
    static TenantKeys keys;
    static PatronReferenceStore store;

    @BeforeAll
    static void start() {
        db = CONFIDENTIALITY.db();
        master = MasterKeys.of("k1", K1, Optional.empty());
        keys = new TenantKeys(master, CLOCK, RANDOM);
        store = new PatronReferenceStore(CLOCK);
    }

    static Referenced reference(String tenant, String card, String name) {
        return CONFIDENTIALITY.inTenant(tenant, em -> store.reference(em, keys.ring(em, TenantId.of(tenant), true), card, name));
    }

    static Optional<UUID> lookup(String tenant, String card) {
        return CONFIDENTIALITY.inTenant(tenant, em -> store.lookup(em, keys.ring(em, TenantId.of(tenant), false), card));
    }

    static Optional<Revealed> reveal(String tenant, UUID id) {
        return CONFIDENTIALITY.inTenant(tenant, em -> store.reveal(em, keys.ring(em, TenantId.of(tenant), false), id));
    }

    @Test
    void the_stored_row_holds_neither_the_card_number_nor_the_name() throws SQLException {
        UUID id = reference("pr-rest", CARD, NAME).id();
        Map<String, String> columns = assertNoPlainText(db, "patron_reference", id, NORMALISED, "1234 00567", NAME, "Zelda", "8901");
        try (Connection c = db.superuser().getConnection()) {
            // The whole row as PostgreSQL prints it, as a backup would show it.
            try (PreparedStatement q = c.prepareStatement("select p::text from patron_reference p where id = ?")) {
                q.setObject(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).doesNotContain(NORMALISED).doesNotContain(NAME);
                }
            }
        }
        assertThat(columns).hasSize(8);
    }

    @Test
    void the_same_card_however_typed_finds_the_same_reference() {
        Referenced made = reference("pr-find", CARD, NAME);
        assertThat(made.created()).isTrue();
        Referenced again = reference("pr-find", "2-1234-00567-8901", null);
        assertThat(again).isEqualTo(new Referenced(made.id(), false));
        assertThat(lookup("pr-find", "21234005678901")).contains(made.id());
        assertThat(lookup("pr-find", "21234005678902")).isEmpty();
        assertThat(reveal("pr-find", made.id())).get()
                .satisfies(o -> {
                    assertThat(o.cardLast4()).isEqualTo("8901");
                    assertThat(o.displayName()).isEqualTo(NAME);
                    assertThat(o.createdAt()).isEqualTo(CLOCK.instant());
                });
    }

    @Test
    void another_library_system_with_the_same_card_gets_its_own_hash_and_sees_nothing_of_the_first() throws SQLException {
        UUID north = reference("pr-north", CARD, NAME).id();
        assertThat(lookup("pr-south", CARD)).isEmpty();
        assertThat(reveal("pr-south", north)).isEmpty();
        PatronReference seenFromSouth = CONFIDENTIALITY.inTenant("pr-south", em -> em.find(PatronReference.class, north));
        assertThat(seenFromSouth).isNull();

        UUID south = reference("pr-south", CARD, "Someone Else").id();
        assertThat(south).isNotEqualTo(north);
        assertThat(lookup("pr-south", CARD)).contains(south);
        assertThat(lookup("pr-north", CARD)).contains(north);
        assertThat(cardLookup(north)).isNotEqualTo(cardLookup(south));
    }

    @Test
    void a_wrong_master_key_cannot_unwrap_the_tenants_keys() {
        reference("pr-locked", CARD, NAME);
        TenantKeys wrong = new TenantKeys(MasterKeys.of("k1", MasterKeysTest.newMasterKey(), Optional.empty()), CLOCK, RANDOM);
        assertThatThrownBy(() -> CONFIDENTIALITY.inTenant("pr-locked", em -> wrong.ring(em, TenantId.of("pr-locked"), false)))
                .isInstanceOf(KeyUnavailable.class)
                .hasMessageMatching("the (data|lookup) key version 1 of pr-locked cannot be unwrapped with master key k1: "
                        + "the configured master key is wrong or the stored key was changed");
        TenantKeys otherId = new TenantKeys(MasterKeys.of("k9", MasterKeysTest.newMasterKey(), Optional.empty()), CLOCK, RANDOM);
        assertThatThrownBy(() -> CONFIDENTIALITY.inTenant("pr-locked", em -> otherId.ring(em, TenantId.of("pr-locked"), false)))
                .isInstanceOf(KeyUnavailable.class).hasMessageContaining("wrapped by master key k1, which is not configured");
    }

    @Test
    void reading_makes_no_keys_and_finds_nothing_in_a_tenant_without_any() {
        assertThat(lookup("pr-empty", CARD)).isEmpty();
        List<TenantDataKey> made = CONFIDENTIALITY.inTenant("pr-empty", em -> keys.all(em));
        assertThat(made).isEmpty();
    }

    @Test
    void rotating_the_data_key_seals_everything_again_and_the_lookup_key_moves_cards_over_as_they_come_back() throws SQLException {
        TenantId tenant = TenantId.of("pr-rotate");
        UUID id = reference("pr-rotate", CARD, NAME).id();
        assertThat(versionOfLast4(id)).isEqualTo(1);

        int resealed = CONFIDENTIALITY.inTenant("pr-rotate", em -> {
            int version = keys.rotate(em, tenant, Purpose.DATA);
            int changed = store.reseal(em, keys.ring(em, tenant, false));
            keys.retireBelow(em, Purpose.DATA, version);
            return changed;
        });
        assertThat(resealed).isEqualTo(1);
        assertThat(versionOfLast4(id)).isEqualTo(2);
        assertThat(reveal("pr-rotate", id)).get().extracting(Revealed::displayName).isEqualTo(NAME);

        CONFIDENTIALITY.inTenant("pr-rotate", em -> keys.rotate(em, tenant, Purpose.LOOKUP));
        assertThat(lookupVersion(id)).isEqualTo(1);
        assertThat(lookup("pr-rotate", CARD)).contains(id);
        assertThat(lookupVersion(id)).isEqualTo(2);
        assertThat(lookup("pr-rotate", CARD)).contains(id);

        // After a master key rotation the keys are wrapped again; the old master key is then no longer needed.
        MasterKeys next = MasterKeys.of("k2", K2, Optional.of("k1:" + K1));
        TenantKeys rewrapping = new TenantKeys(next, CLOCK, RANDOM);
        int rewrapped = CONFIDENTIALITY.inTenant("pr-rotate", em -> rewrapping.rewrap(em, tenant));
        assertThat(rewrapped).isEqualTo(4);
        TenantKeys onlyNew = new TenantKeys(MasterKeys.of("k2", K2, Optional.empty()), CLOCK, RANDOM);
        Optional<Revealed> opened = CONFIDENTIALITY.inTenant("pr-rotate", em -> store.reveal(em, onlyNew.ring(em, tenant, false), id));
        assertThat(opened).isPresent();
    }

    static byte[] cardLookup(UUID id) throws SQLException {
        return column(id, "card_lookup");
    }

    static int versionOfLast4(UUID id) throws SQLException {
        return FieldCipher.keyVersion(column(id, "card_last4"));
    }

    static int lookupVersion(UUID id) throws SQLException {
        try (Connection c = db.superuser().getConnection();
             PreparedStatement p = c.prepareStatement("select lookup_key_version from patron_reference where id = ?")) {
            p.setObject(1, id);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static byte[] column(UUID id, String column) throws SQLException {
        try (Connection c = db.superuser().getConnection();
             PreparedStatement p = c.prepareStatement("select " + column + " from patron_reference where id = ?")) {
            p.setObject(1, id);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }
}
