package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.staffing.control.ScheduleDatabase.SCHEDULE;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.control.KeyRing;
import org.servicepoint.confidentiality.control.MasterKeys;
import org.servicepoint.confidentiality.control.TenantKeys;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.testing.AtRest;
import org.servicepoint.staffing.entity.Escalation;

/** Escalation notes and outcomes at rest, on real PostgreSQL: sealed with the tenant's data key, never plain text. */
class EscalationSealingDatabaseTest {

    static final String TENANT = "sealed-notes";
    static final EscalationStore store = new EscalationStore();
    static TenantKeys keys;

    @BeforeAll
    static void keys() {
        SCHEDULE.tenant(TENANT);
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        keys = new TenantKeys(MasterKeys.of("k1", Base64.getEncoder().encodeToString(master), Optional.empty()),
                Clock.systemUTC(), new SecureRandom());
    }

    static KeyRing ring(jakarta.persistence.EntityManager em) {
        return keys.ring(em, TenantId.of(TENANT), true);
    }

    /** Every column of the escalation as stored, and its note sealed rather than left out. */
    static void assertNoPlainText(UUID id, String... secrets) throws SQLException {
        assertThat(AtRest.assertNoPlainText(SCHEDULE.db(), "escalation", id, secrets).get("sealed_note")).isNotNull();
    }

    @Test
    void a_note_and_an_outcome_are_sealed_at_rest_and_read_back_as_written() throws SQLException {
        UUID id = SCHEDULE.inTenant(TENANT, em -> {
            Escalation e = new Escalation("EAST", "difficult-situation", "staff:sam", null, null, null, false, "test");
            store.persist(em, ring(em), e, "Jo Quillfeather shouted at the desk");
            return e.id();
        });
        SCHEDULE.inTenant(TENANT, em -> {
            store.close(ring(em), em.find(Escalation.class, id), "Quillfeather left after a warning", "staff:rosa");
            return null;
        });

        assertNoPlainText(id, "Quillfeather", "shouted", "warning");
        EscalationStore.Texts texts = SCHEDULE.inTenant(TENANT, em -> store.open(ring(em), em.find(Escalation.class, id)));
        assertThat(texts.note()).isEqualTo("Jo Quillfeather shouted at the desk");
        assertThat(texts.outcome()).isEqualTo("Quillfeather left after a warning");
    }

    @Test
    void a_row_from_before_sealing_is_sealed_when_it_is_next_read() throws SQLException {
        UUID id = SCHEDULE.inTenant(TENANT, em -> {
            Escalation e = new Escalation("EAST", "complaint", "staff:sam", "Old note about Max Ottenbright", null, null, false, "test");
            em.persist(e);
            return e.id();
        });
        String read = SCHEDULE.inTenant(TENANT, em -> store.open(ring(em), em.find(Escalation.class, id)).note());

        assertThat(read).isEqualTo("Old note about Max Ottenbright");
        assertNoPlainText(id, "Ottenbright");
    }

    @Test
    void a_data_key_rotation_seals_notes_and_outcomes_again_so_they_read_back_after_the_old_key_is_destroyed()
            throws SQLException {
        String tenant = "sealed-notes-rotated";
        SCHEDULE.tenant(tenant);
        TenantId id = TenantId.of(tenant);
        UUID escalation = SCHEDULE.inTenant(tenant, em -> {
            Escalation e = new Escalation("EAST", "difficult-situation", "staff:sam", null, null, null, false, "test");
            store.persist(em, keys.ring(em, id, true), e, "Vel Ashgrove threw a chair");
            store.close(keys.ring(em, id, true), e, "Ashgrove was asked to leave", "staff:rosa");
            return e.id();
        });

        // The rotation's steps as ConfidentialityKeys takes them: a new version, every holder reseals, older ones retire.
        Integer resealed = SCHEDULE.inTenant(tenant, em -> {
            int version = keys.rotate(em, id, org.servicepoint.confidentiality.entity.TenantDataKey.Purpose.DATA);
            int changed = store.reseal(em, keys.ring(em, id, false));
            keys.retireBelow(em, org.servicepoint.confidentiality.entity.TenantDataKey.Purpose.DATA, version);
            return changed;
        });
        assertThat(resealed).isEqualTo(2);
        assertThat((int) SCHEDULE.inTenant(tenant, em -> store.reseal(em, keys.ring(em, id, false)))).as("nothing left under the old key").isZero();

        // The old key destroyed, as an operator may once a rotation is done: the texts still open.
        try (Connection c = SCHEDULE.db().superuser().getConnection();
             PreparedStatement p = c.prepareStatement("delete from tenant_data_key where tenant_id = ? and purpose = 'data' "
                     + "and retired_at is not null")) {
            p.setString(1, tenant);
            assertThat(p.executeUpdate()).isEqualTo(1);
        }
        EscalationStore.Texts texts = SCHEDULE.inTenant(tenant, em -> store.open(keys.ring(em, id, false), em.find(Escalation.class, escalation)));
        assertThat(texts.note()).isEqualTo("Vel Ashgrove threw a chair");
        assertThat(texts.outcome()).isEqualTo("Ashgrove was asked to leave");
        assertNoPlainText(escalation, "Ashgrove", "chair");
    }
}
