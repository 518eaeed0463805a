package org.servicepoint.patronrequests.complaints.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.patronrequests.control.PatronRequestsDatabase.PATRON_REQUESTS;

import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.control.MasterKeys;
import org.servicepoint.confidentiality.control.TenantKeys;
import org.servicepoint.confidentiality.entity.TenantDataKey;
import org.servicepoint.patronrequests.complaints.control.ComplaintRules.Checked;
import org.servicepoint.patronrequests.complaints.entity.Complaint;
import org.servicepoint.patronrequests.entity.StoredContact;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.testing.TestClock;

/**
 * Complaints on real PostgreSQL as the application role with both tenant walls bound, their texts sealed with the
 * tenant's real data key: numbered per library system and year, listed, found overdue across library systems by the
 * definer function (once), purged after closing with their contact, sealed again after a key rotation, and invisible
 * to another library system.
 */
class ComplaintStoreDatabaseTest {

    static final String RIVER = "complaints-river";
    static final String LAKE = "complaints-lake";
    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final Instant NOW = Instant.parse("2026-05-04T15:00:00Z");
    static final TestClock CLOCK = new TestClock(NOW);
    static final SecureRandom RANDOM = new SecureRandom();
    static TenantKeys keys;

    @BeforeAll
    static void twoLibrarySystems() {
        PATRON_REQUESTS.db();
        PATRON_REQUESTS.tenant(RIVER, LAKE);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        keys = new TenantKeys(MasterKeys.of("k1", Base64.getEncoder().encodeToString(raw), Optional.empty()), CLOCK, RANDOM);
    }

    @BeforeEach
    void backToNow() {
        CLOCK.at(NOW);
    }

    static ComplaintStore store(EntityManager em, String tenant) {
        return new ComplaintStore(TenantId.of(tenant), ZONE, CLOCK, keys.ring(em, TenantId.of(tenant), true));
    }

    static Checked checked(String branch, String about) {
        return new Checked(branch, "in-person", about, null, "A written apology", null, null, null, null);
    }

    static Complaint record(String tenant, Checked checked, UUID contact) {
        return PATRON_REQUESTS.inTenant(tenant, em -> store(em, tenant).record(em, checked,
                new Complaint.CitedPolicy("overdue-fines", "Overdue fines", "circulation"), contact, "executive-director", 10, "sam"));
    }

    static UUID contact(String tenant) {
        return PATRON_REQUESTS.inTenant(tenant, em -> {
            UUID id = UUID.randomUUID();
            var ring = keys.ring(em, TenantId.of(tenant), true);
            em.persist(new StoredContact(id, ring.seal(StoredContact.TABLE, "name", id, "Pat"),
                    ring.seal(StoredContact.TABLE, "email", id, "pat@example.org"), null, "en", NOW));
            return id;
        });
    }

    static int count(String sql) throws Exception {
        return PATRON_REQUESTS.db().firstColumn(sql, Long.class).get(0).intValue();
    }

    @Test
    void a_complaint_is_recorded_sealed_with_its_first_step_and_due_after_the_library_systems_days() throws Exception {
        String about = "Charged a fine <3 times for a book returned on time " + UUID.randomUUID();
        Complaint made = record(RIVER, checked("NORTH", about), null);

        assertThat(made.reference()).matches("C-2026-\\d{4}");
        assertThat(made.state()).isEqualTo("received");
        assertThat(made.dueAt().toInstant()).isEqualTo(Instant.parse("2026-05-14T15:00:00Z"));
        ComplaintView seen = PATRON_REQUESTS.inTenant(RIVER, em -> {
            ComplaintStore store = store(em, RIVER);
            Complaint c = store.find(em, made.id()).orElseThrow();
            return store.view(c, store.steps(em, c.id()), new ComplaintView.HandledBy("executive-director", "Executive director", List.of()));
        });
        assertThat(seen.about()).isEqualTo(about);
        assertThat(seen.asks()).isEqualTo("A written apology");
        assertThat(seen.policy()).isEqualTo(new ComplaintView.CitedPolicy("overdue-fines", "Overdue fines", "circulation"));
        assertThat(seen.steps()).extracting(ComplaintView.Step::step).containsExactly("received");
        assertThat(seen.receivedAt().getOffset().getTotalSeconds()).isEqualTo(-5 * 3600);

        // At rest neither text is readable.
        assertThat(count("select count(*) from complaint where id = '" + made.id() + "' and (position(convert_to('Charged a fine', 'UTF8') "
                + "in about) > 0 or position(convert_to('apology', 'UTF8') in asks) > 0)")).isZero();
    }

    @Test
    void references_count_per_library_system_and_start_again_each_year() {
        String tenant = "complaints-numbers";
        PATRON_REQUESTS.tenant(tenant);
        Complaint first = record(tenant, checked("NORTH", "First"), null);
        Complaint second = record(tenant, checked("SOUTH", "Second"), null);
        CLOCK.at(Instant.parse("2027-01-01T06:00:00Z")); // 2027 in Chicago already
        Complaint nextYear = record(tenant, checked("NORTH", "Third"), null);

        assertThat(List.of(first.reference(), second.reference(), nextYear.reference()))
                .containsExactly("C-2026-0001", "C-2026-0002", "C-2027-0001");
        String other = "complaints-numbers-other";
        PATRON_REQUESTS.tenant(other);
        CLOCK.at(NOW);
        assertThat(record(other, checked("NORTH", "Elsewhere"), null).reference()).isEqualTo("C-2026-0001");
    }

    @Test
    void the_same_reference_twice_is_refused_by_the_database() {
        String tenant = "complaints-unique";
        PATRON_REQUESTS.tenant(tenant);
        record(tenant, checked("NORTH", "First"), null);
        assertThatThrownBy(() -> PATRON_REQUESTS.inTenant(tenant, em -> {
            UUID id = UUID.randomUUID();
            var ring = keys.ring(em, TenantId.of(tenant), true);
            em.persist(new Complaint(id, new Complaint.Number(2026, 1), "NORTH", "phone", ring.seal(Complaint.TABLE, "about", id, "x"),
                    null, null, null, null, null, NOW, NOW, "sam", null));
            em.flush();
            return id;
        })).hasStackTraceContaining("duplicate key value violates unique constraint");
    }

    @Test
    void another_library_system_finds_and_lists_none_of_them() {
        Complaint made = record(RIVER, checked("NORTH", "Only River's"), null);
        Optional<Complaint> found = PATRON_REQUESTS.inTenant(LAKE, em -> store(em, LAKE).find(em, made.id()));
        assertThat(found).isEmpty();
        List<Complaint> lakes = PATRON_REQUESTS.inTenant(LAKE, em -> store(em, LAKE).list(em, new ComplaintStore.Filter(null, null, null)));
        assertThat(lakes).extracting(Complaint::id).doesNotContain(made.id());
        List<Complaint> rivers = PATRON_REQUESTS.inTenant(RIVER, em -> store(em, RIVER).list(em, new ComplaintStore.Filter("NORTH", null, null)));
        assertThat(rivers).extracting(Complaint::id).contains(made.id());
    }

    @Test
    void lists_filter_by_branch_state_and_overdue_newest_first() {
        String tenant = "complaints-lists";
        PATRON_REQUESTS.tenant(tenant);
        Complaint old = record(tenant, checked("NORTH", "Old"), null);
        CLOCK.advance(Duration.ofDays(11));
        Complaint recent = record(tenant, checked("NORTH", "Recent"), null);
        Complaint south = record(tenant, checked("SOUTH", "South"), null);

        List<Complaint> north = PATRON_REQUESTS.inTenant(tenant, em -> store(em, tenant).list(em, new ComplaintStore.Filter("NORTH", null, null)));
        assertThat(north).extracting(Complaint::id).containsExactly(recent.id(), old.id());
        List<Complaint> overdue = PATRON_REQUESTS.inTenant(tenant, em -> store(em, tenant).list(em, new ComplaintStore.Filter(null, null, true)));
        assertThat(overdue).extracting(Complaint::id).containsExactly(old.id());
        List<Complaint> notOverdue = PATRON_REQUESTS.inTenant(tenant, em -> store(em, tenant).list(em, new ComplaintStore.Filter(null, null, false)));
        assertThat(notOverdue).extracting(Complaint::id).containsExactlyInAnyOrder(recent.id(), south.id());
        List<Complaint> closed = PATRON_REQUESTS.inTenant(tenant, em -> store(em, tenant).list(em, new ComplaintStore.Filter(null, "closed", null)));
        assertThat(closed).isEmpty();
    }

    @Test
    void newly_overdue_complaints_are_found_across_library_systems_until_marked_and_not_once_responded_to() {
        CLOCK.at(Instant.parse("2026-01-05T15:00:00Z"));
        Complaint river = record(RIVER, checked("NORTH", "Late at River"), null);
        Complaint lake = record(LAKE, checked("NORTH", "Late at Lake"), null);
        Complaint answered = record(LAKE, checked("NORTH", "Answered at Lake"), null);
        PATRON_REQUESTS.inTenant(LAKE, em -> {
            Complaint c = em.find(Complaint.class, answered.id());
            c.respond(store(em, LAKE).seal(c, "response", "Sorry"), "phone", CLOCK.instant(), "dee");
            return null;
        });
        Instant later = Instant.parse("2026-01-20T15:00:00Z");

        // The application role bound to no library system sees no complaint: only the definer function answers.
        Object unbound = PATRON_REQUESTS.unbound(em -> em.createNativeQuery("select count(*) from complaint").getSingleResult());
        assertThat(unbound).isEqualTo(0L);
        List<UUID> due = PATRON_REQUESTS.unbound(em -> ComplaintStore.newlyOverdue(em, later, 500)).stream()
                .map(ComplaintStore.Work::id).toList();
        assertThat(due).contains(river.id(), lake.id()).doesNotContain(answered.id());
        List<ComplaintStore.Work> early = PATRON_REQUESTS.unbound(em -> ComplaintStore.newlyOverdue(em, Instant.parse("2026-01-10T15:00:00Z"), 500));
        assertThat(early).extracting(ComplaintStore.Work::id).doesNotContain(river.id(), lake.id());

        PATRON_REQUESTS.inTenant(RIVER, em -> {
            em.find(Complaint.class, river.id()).toldOverdue(later);
            return null;
        });
        List<ComplaintStore.Work> afterMark = PATRON_REQUESTS.unbound(em -> ComplaintStore.newlyOverdue(em, later, 500));
        assertThat(afterMark).extracting(ComplaintStore.Work::id).doesNotContain(river.id()).contains(lake.id());
    }

    @Test
    void a_closed_complaint_leaves_with_its_steps_and_contact_after_both_periods_and_open_ones_stay() throws Exception {
        String tenant = "complaints-purge";
        PATRON_REQUESTS.tenant(tenant);
        UUID shared = contact(tenant);
        UUID own = contact(tenant);
        CLOCK.at(Instant.parse("2020-02-03T15:00:00Z"));
        Complaint gone = record(tenant, checked("NORTH", "Old and closed"), own);
        Complaint sharing = record(tenant, checked("NORTH", "Old, closed, contact shared"), shared);
        Complaint stillNamed = record(tenant, checked("NORTH", "Old, open, names the shared contact"), shared);
        Complaint shortRule = record(tenant, checked("NORTH", "Closed with a long period"), null);
        PATRON_REQUESTS.inTenant(tenant, em -> {
            for (Complaint c : List.of(gone, sharing)) {
                em.find(Complaint.class, c.id()).close(null, CLOCK.instant(), "dee", 1095);
            }
            em.find(Complaint.class, shortRule.id()).close(null, CLOCK.instant(), "dee", 36500);
            return null;
        });
        Instant cutoff = Instant.parse("2024-01-01T00:00:00Z");

        int removed = PATRON_REQUESTS.inTenant(tenant, em -> ((Number) em.createNativeQuery(new ComplaintRetention().purgeBatch())
                .setParameter(1, tenant).setParameter(2, cutoff.atOffset(java.time.ZoneOffset.UTC)).setParameter(3, 100)
                .getSingleResult()).intValue());

        assertThat(removed).isEqualTo(2);
        String ids = "'" + gone.id() + "', '" + sharing.id() + "'";
        assertThat(count("select count(*) from complaint where id in (" + ids + ")")).isZero();
        assertThat(count("select count(*) from complaint_step where complaint_id in (" + ids + ")")).isZero();
        assertThat(count("select count(*) from patron_contact where id = '" + own + "'")).isZero();
        assertThat(count("select count(*) from patron_contact where id = '" + shared + "'")).isOne();
        assertThat(count("select count(*) from complaint where id in ('" + stillNamed.id() + "', '" + shortRule.id() + "')")).isEqualTo(2);
    }

    @Test
    void a_purge_for_another_library_system_than_the_bound_one_is_refused() {
        assertThatThrownBy(() -> PATRON_REQUESTS.inTenant(RIVER, em -> em.createNativeQuery("select complaints_purge(?1, ?2, ?3)")
                .setParameter(1, LAKE).setParameter(2, NOW.atOffset(java.time.ZoneOffset.UTC)).setParameter(3, 10).getSingleResult()))
                .hasStackTraceContaining("only records of the library system");
    }

    @Test
    void the_application_role_may_not_delete_a_complaint() {
        Complaint made = record(RIVER, checked("NORTH", "Stays"), null);
        assertThatThrownBy(() -> PATRON_REQUESTS.inTenant(RIVER, em -> em.createNativeQuery("delete from complaint_step where complaint_id = ?1")
                .setParameter(1, made.id()).executeUpdate())).hasStackTraceContaining("permission denied");
    }

    @Test
    void a_key_rotation_seals_the_texts_again_and_they_still_read_as_typed() {
        String tenant = "complaints-rotation";
        PATRON_REQUESTS.tenant(tenant);
        Complaint made = record(tenant, checked("NORTH", "Before the rotation"), null);
        int resealed = PATRON_REQUESTS.inTenant(tenant, em -> {
            keys.rotate(em, TenantId.of(tenant), TenantDataKey.Purpose.DATA);
            return ComplaintStore.reseal(em, keys.ring(em, TenantId.of(tenant), false));
        });
        assertThat(resealed).isEqualTo(2);
        String about = PATRON_REQUESTS.inTenant(tenant, em -> {
            ComplaintStore store = store(em, tenant);
            Complaint c = store.find(em, made.id()).orElseThrow();
            return store.view(c, List.of(), null).about();
        });
        assertThat(about).isEqualTo("Before the rotation");
        int again = PATRON_REQUESTS.inTenant(tenant, em -> ComplaintStore.reseal(em, keys.ring(em, TenantId.of(tenant), false)));
        assertThat(again).isZero();
    }
}
