package org.servicepoint.patronrequests.callbacks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.control.KeyRing;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.patronrequests.callbacks.entity.CallBack;
import org.servicepoint.patronrequests.callbacks.entity.CallBackStep;
import org.servicepoint.patronrequests.entity.StoredContact;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.testing.TenantTransactions;

/**
 * Call-backs on real PostgreSQL as the application role with both tenant walls bound: numbered per library system and
 * year, the question sealed, the queue by due time, the overdue look-up across library systems that reads ids only,
 * the purge that takes contacts with it, and a key rotation sealing questions again.
 */
class CallBackStoreDatabaseTest {

    static final TenantTransactions DB = TenantTransactions.of("patron-requests-test", "platform", "tenancy",
            "confidentiality", "staffing", "incidents", "policies", "patron_requests");
    static final String RIVER = "callbacks-river";
    static final String LAKE = "callbacks-lake";
    static final SecureRandom RANDOM = new SecureRandom();
    static final Instant NOW = Instant.parse("2026-03-04T16:00:00Z");
    static final byte[] KEY_1 = key();
    static final byte[] KEY_2 = key();

    @BeforeAll
    static void twoLibrarySystems() {
        DB.db();
        DB.tenant(RIVER, LAKE);
    }

    static byte[] key() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return raw;
    }

    static KeyRing ring(String tenant, int current) {
        return KeyRing.ofDataKeys(TenantId.of(tenant), current == 1 ? Map.of(1, KEY_1) : Map.of(1, KEY_1, 2, KEY_2), current, RANDOM);
    }

    /** A call-back with a contact, offered at {@code NOW} and due {@code dueIn} later; answers its id. */
    static UUID offered(String tenant, String branch, String question, Duration dueIn) {
        return DB.inTenant(tenant, em -> {
            UUID contact = UUID.randomUUID();
            KeyRing ring = ring(tenant, 1);
            em.persist(new StoredContact(contact, null, null, ring.seal(StoredContact.TABLE, "phone", contact, "555-0100"), "en", NOW));
            UUID id = UUID.randomUUID();
            em.persist(new CallBack(id, CallBackNumbers.next(em, 2026), branch, ring.seal(CallBack.TABLE, "question", id, question),
                    contact, NOW, "sam", NOW.plus(dueIn), null));
            em.flush();
            em.persist(new CallBackStep(id, "offered", null, null, NOW, "sam"));
            return id;
        });
    }

    @SuppressWarnings("unchecked")
    static List<UUID> toTell(Instant at, int headquartersAfterMinutes) {
        return DB.unbound(em -> ((List<Object[]>) em.createNativeQuery(
                        "select tenant_id, call_back_id from call_backs_to_tell(100, ?1, make_interval(mins => ?2))")
                .setParameter(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).setParameter(2, headquartersAfterMinutes)
                .getResultList()).stream().map(r -> UUID.fromString(r[1].toString())).toList());
    }

    static Object found(String tenant, Class<?> type, UUID id) {
        return DB.<Object>inTenant(tenant, em -> em.find(type, id));
    }

    static long steps(String tenant, UUID callBack) {
        return DB.<Number>inTenant(tenant, em -> (Number) em.createNativeQuery("select count(*) from call_back_step where call_back_id = ?1")
                .setParameter(1, callBack).getSingleResult()).longValue();
    }

    static <T> T change(String tenant, UUID id, java.util.function.Function<CallBack, T> change) {
        return DB.inTenant(tenant, em -> change.apply(em.find(CallBack.class, id)));
    }

    @Test
    void references_are_numbered_per_library_system_and_year_without_gaps() {
        String tenant = "callbacks-numbers";
        DB.tenant(tenant, "callbacks-numbers-too");
        assertThat(DB.<List<String>>inTenant(tenant, em -> List.of(CallBackNumbers.next(em, 2026), CallBackNumbers.next(em, 2026))))
                .containsExactly("B-2026-0001", "B-2026-0002");
        assertThat(DB.<String>inTenant("callbacks-numbers-too", em -> CallBackNumbers.next(em, 2026))).isEqualTo("B-2026-0001");
        assertThat(DB.<String>inTenant(tenant, em -> CallBackNumbers.next(em, 2027))).isEqualTo("B-2027-0001");
    }

    @Test
    void the_question_is_sealed_at_rest_and_the_call_back_is_found_only_by_its_library_system() throws Exception {
        String question = "Does the branch have large-print tax forms? " + UUID.randomUUID();
        UUID id = offered(RIVER, "NORTH", question, Duration.ofHours(2));
        List<Integer> plain = DB.db().firstColumn("select position(convert_to('large-print', 'UTF8') in question) from call_back "
                + "where id = '" + id + "'", Integer.class);
        assertThat(plain).containsExactly(0);
        String opened = DB.inTenant(RIVER, em -> ring(RIVER, 1).open(CallBack.TABLE, "question", id, em.find(CallBack.class, id).question()));
        assertThat(opened).isEqualTo(question);
        DB.assertFoundOnlyBy(RIVER, LAKE, CallBack.class, id);
        assertThat(found(LAKE, CallBack.class, id)).isNull();
        assertThat(steps(LAKE, id)).isZero();
    }

    @Test
    void the_queue_lists_a_branchs_open_call_backs_by_due_time_and_done_ones_apart() {
        UUID later = offered(RIVER, "QUEUE", "later", Duration.ofHours(5));
        UUID sooner = offered(RIVER, "QUEUE", "sooner", Duration.ofHours(1));
        UUID done = offered(RIVER, "QUEUE", "done", Duration.ofHours(3));
        offered(RIVER, "ELSEWHERE", "another branch", Duration.ofMinutes(1));
        change(RIVER, done, c -> {
            c.claim("sam", NOW);
            c.close(NOW.plusSeconds(60));
            return null;
        });
        assertThat(DB.inTenant(RIVER, em -> CallBackQueries.queue(em, "QUEUE", false, 10)).stream().map(CallBack::id))
                .containsExactly(sooner, later);
        assertThat(DB.inTenant(RIVER, em -> CallBackQueries.queue(em, "QUEUE", true, 10)).stream().map(CallBack::id))
                .containsExactly(done);
        assertThat(DB.inTenant(LAKE, em -> CallBackQueries.queue(em, null, false, 500)).stream().map(CallBack::branchCode))
                .doesNotContain("QUEUE", "ELSEWHERE");
    }

    @Test
    void the_overdue_look_up_finds_each_library_systems_call_backs_once_for_the_person_in_charge_then_once_for_headquarters() {
        UUID river = offered(RIVER, "LATE", "river", Duration.ofMinutes(30));
        UUID lake = offered(LAKE, "LATE", "lake", Duration.ofMinutes(30));
        UUID notYet = offered(RIVER, "LATE", "not yet due", Duration.ofHours(30));
        Instant overdue = NOW.plus(Duration.ofHours(1));
        assertThat(toTell(NOW, 120)).doesNotContain(river, lake, notYet);
        assertThat(toTell(overdue, 120)).contains(river, lake).doesNotContain(notYet);

        change(RIVER, river, c -> {
            c.inChargeTold(overdue);
            return null;
        });
        assertThat(toTell(overdue.plus(Duration.ofMinutes(119)), 120)).doesNotContain(river).contains(lake);
        assertThat(toTell(overdue.plus(Duration.ofMinutes(120)), 120)).contains(river);
        change(RIVER, river, c -> {
            c.headquartersTold(overdue.plus(Duration.ofMinutes(120)));
            return null;
        });
        change(LAKE, lake, c -> {
            c.claim("lee", overdue);
            c.close(overdue);
            return null;
        });
        assertThat(toTell(overdue.plus(Duration.ofDays(30)), 120)).doesNotContain(river, lake);
    }

    @Test
    void the_purge_removes_done_call_backs_with_their_steps_and_contacts_of_the_bound_library_system_only() {
        UUID oldDone = offered(RIVER, "PURGE", "old", Duration.ofHours(1));
        UUID open = offered(RIVER, "PURGE", "open", Duration.ofHours(1));
        UUID lakeDone = offered(LAKE, "PURGE", "lake", Duration.ofHours(1));
        UUID contact = change(RIVER, oldDone, c -> {
            c.claim("sam", NOW);
            c.close(NOW);
            return c.contactId();
        });
        change(LAKE, lakeDone, c -> {
            c.claim("lee", NOW);
            c.close(NOW);
            return null;
        });
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(NOW.plusSeconds(1), ZoneOffset.UTC);
        Object removed = DB.inTenant(RIVER, em -> em.createNativeQuery("select call_backs_purge(?1, ?2, ?3)")
                .setParameter(1, RIVER).setParameter(2, cutoff).setParameter(3, 1000).getSingleResult());
        assertThat(((Number) removed).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(found(RIVER, CallBack.class, oldDone)).isNull();
        assertThat(found(RIVER, StoredContact.class, contact)).isNull();
        assertThat(steps(RIVER, oldDone)).isZero();
        assertThat(found(RIVER, CallBack.class, open)).isNotNull();
        assertThat(found(LAKE, CallBack.class, lakeDone)).isNotNull();
        // Bound to one library system, the purge refuses to remove another's.
        assertThatThrownBy(() -> DB.inTenant(RIVER, em -> em.createNativeQuery("select call_backs_purge(?1, ?2, ?3)")
                .setParameter(1, LAKE).setParameter(2, cutoff).setParameter(3, 1000).getSingleResult()))
                .hasStackTraceContaining("only records of the library system");
        assertThat(found(LAKE, CallBack.class, lakeDone)).isNotNull();
    }

    @Test
    void the_application_may_not_delete_a_call_back_itself() {
        UUID id = offered(RIVER, "KEEP", "kept", Duration.ofHours(1));
        assertThatThrownBy(() -> DB.inTenant(RIVER, (EntityManager em) -> em.createNativeQuery("delete from call_back where id = ?1")
                .setParameter(1, id).executeUpdate())).hasStackTraceContaining("permission denied");
        assertThat(found(RIVER, CallBack.class, id)).isNotNull();
    }

    @Test
    void a_key_rotation_seals_the_question_again_with_the_new_key() {
        UUID id = offered(RIVER, "ROTATE", "Which hours on the holiday?", Duration.ofHours(1));
        int changed = DB.inTenant(RIVER, em -> SealedText.resealColumns(em, ring(RIVER, 2), CallBack.TABLE, "question"));
        assertThat(changed).isGreaterThanOrEqualTo(1);
        byte[] now = DB.inTenant(RIVER, em -> em.find(CallBack.class, id).question());
        assertThat(ring(RIVER, 2).isStale(now)).isFalse();
        assertThat(ring(RIVER, 2).open(CallBack.TABLE, "question", id, now)).isEqualTo("Which hours on the holiday?");
    }

    @Test
    void a_key_rotation_seals_the_patrons_contact_again_with_the_new_key() {
        UUID id = offered(RIVER, "ROTATE", "Is the lift working?", Duration.ofHours(1));
        UUID contact = DB.inTenant(RIVER, em -> UUID.fromString(String.valueOf(
                em.createNativeQuery("select contact_id from call_back where id = ?1").setParameter(1, id).getSingleResult())));
        int changed = DB.inTenant(RIVER, em -> SealedText.resealColumns(em, ring(RIVER, 2), StoredContact.TABLE,
                org.servicepoint.patronrequests.control.ResealPatronContacts.COLUMNS));
        assertThat(changed).isGreaterThanOrEqualTo(1);
        byte[] phone = DB.inTenant(RIVER, em -> em.find(StoredContact.class, contact).phone());
        assertThat(ring(RIVER, 2).isStale(phone)).isFalse();
        assertThat(ring(RIVER, 2).open(StoredContact.TABLE, "phone", contact, phone)).isEqualTo("555-0100");
    }
}
