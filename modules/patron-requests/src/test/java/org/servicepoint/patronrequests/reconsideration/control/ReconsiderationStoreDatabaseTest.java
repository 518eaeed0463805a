package org.servicepoint.patronrequests.reconsideration.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.control.MasterKeys;
import org.servicepoint.confidentiality.control.TenantKeys;
import org.servicepoint.patronrequests.control.PatronRequestRules;
import org.servicepoint.patronrequests.entity.StoredContact;
import org.servicepoint.patronrequests.reconsideration.control.ReconsiderationRules.Scheduled;
import org.servicepoint.patronrequests.reconsideration.entity.Reconsideration;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.testing.AtRest;
import org.servicepoint.platform.testing.TenantTransactions;
import org.servicepoint.platform.testing.TestClock;

/**
 * Requests to reconsider an item on real PostgreSQL as the application role with both tenant walls bound, their texts
 * sealed with the tenant's real data key: numbered per library system and year, due dates that follow from the step
 * before, steps done in order by the committee, headquarters or tenant administrators only, the decision last, and the
 * retention purge that takes decided requests with their contacts.
 */
class ReconsiderationStoreDatabaseTest {

    static final TenantTransactions DB = TenantTransactions.of("patron-requests-test", "platform", "tenancy", "confidentiality",
            "patron_requests");
    static final String RIVER = "reconsider-river";
    static final String LAKE = "reconsider-lake";
    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final Instant NOW = Instant.parse("2031-03-02T15:00:00Z");
    static final TestClock CLOCK = new TestClock(NOW);
    static final PatronRequestRules.Reconsideration REVIEW = new PatronRequestRules.Reconsideration(
            List.of("executive-director", "branch-manager"),
            List.of(new PatronRequestRules.Step("acknowledge", 5), new PatronRequestRules.Step("read-and-review", 30),
                    new PatronRequestRules.Step("decide", 10)),
            "The item stays on the shelf while it is reviewed.");
    static TenantKeys keys;

    @BeforeAll
    static void twoLibrarySystems() {
        DB.db();
        DB.tenant(RIVER, LAKE);
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        keys = new TenantKeys(MasterKeys.of("k1", Base64.getEncoder().encodeToString(raw), Optional.empty()), CLOCK, new SecureRandom());
    }

    @BeforeEach
    void backToNow() {
        CLOCK.at(NOW);
    }

    static <T> T in(String tenant, Function<Work, T> work) {
        return DB.inTenant(tenant, em -> work.apply(new Work(em, new ReconsiderationStore(TenantId.of(tenant), ZONE, CLOCK,
                keys.ring(em, TenantId.of(tenant), true)))));
    }

    record Work(EntityManager em, ReconsiderationStore store) {
        Reconsideration find(UUID id) {
            return store.find(em, id).orElseThrow();
        }
    }

    static Caller staff(String tenant, String name, String role) {
        return Caller.staff(name, TenantId.of(tenant), Set.of(role), Map.of("branch", "NORTH"));
    }

    static final Set<String> BRANCH_MANAGER = Set.of("branch-manager");
    static final Set<String> NO_SEAT = Set.of("library-assistant");

    static Reconsideration receive(String tenant, PatronRequestRules.Reconsideration review, String objection, UUID contact) {
        ReconsiderationRules.Checked checked = ReconsiderationRules.check(new NewReconsideration("The Long Winter", "Laura Ingalls Wilder",
                "book", objection, "whole", "Move it to the adult shelves."), null);
        return in(tenant, w -> w.store().receive(w.em(), "NORTH", checked, contact, review));
    }

    static Reconsideration step(String tenant, UUID id, String step, Caller caller, Set<String> held) {
        return in(tenant, w -> w.store().complete(w.em(), w.find(id), step, "Note on " + step, caller, held, REVIEW));
    }

    static List<Scheduled> scheduled(String tenant, UUID id) {
        return in(tenant, w -> {
            Reconsideration r = w.find(id);
            return w.store().schedule(r, w.store().steps(w.em(), r, REVIEW));
        });
    }

    static int status(Runnable action) {
        try {
            action.run();
        } catch (Refusal refused) {
            return refused.status();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void requests_are_numbered_per_library_system_and_year_and_their_texts_are_sealed_at_rest() throws Exception {
        String secret = "My neighbour's child Ana Lopez read it " + UUID.randomUUID();
        Reconsideration first = receive(RIVER, REVIEW, secret, null);
        Reconsideration second = receive(RIVER, REVIEW, "Too frightening", null);
        Reconsideration elsewhere = receive(LAKE, REVIEW, "Too frightening", null);
        int n = Integer.parseInt(first.reference().substring(7));
        assertThat(first.reference()).matches("R-2031-\\d{4}");
        assertThat(second.reference()).isEqualTo(String.format("R-2031-%04d", n + 1));
        assertThat(elsewhere.reference()).startsWith("R-2031-");
        CLOCK.at(Instant.parse("2032-01-01T07:00:00Z"));
        // 1 a.m. in Chicago on New Year's Day: the library system's year, not UTC's, starts the count again.
        assertThat(receive(RIVER, REVIEW, "Again", null).reference()).isEqualTo("R-2032-0001");

        AtRest.assertNoPlainText(DB.db(), "reconsideration", first.id(), "Ana Lopez", "adult shelves");
        String objection = in(RIVER, w -> w.store().objection(w.find(first.id())));
        String asks = in(RIVER, w -> w.store().asks(w.find(first.id())));
        assertThat(objection).isEqualTo(secret);
        assertThat(asks).isEqualTo("Move it to the adult shelves.");
        assertThat(found(LAKE, first.id())).isEmpty();
        DB.assertFoundOnlyBy(RIVER, LAKE, Reconsideration.class, first.id());
    }

    @Test
    void the_first_step_is_due_from_receipt_and_each_next_one_from_the_step_before_it_being_done() {
        Reconsideration r = receive(RIVER, REVIEW, "Language", null);
        List<Scheduled> fresh = scheduled(RIVER, r.id());
        assertThat(fresh.get(0).dueAt()).isEqualTo(NOW.plus(Duration.ofDays(5)));
        assertThat(fresh.get(1).dueAt()).isNull();
        assertThat(fresh.get(2).dueAt()).isNull();

        CLOCK.at(NOW.plus(Duration.ofDays(7)));
        assertThat(fresh.get(0).overdue(CLOCK.instant())).isTrue();
        step(RIVER, r.id(), "acknowledge", staff(RIVER, "rosa", Roles.STAFF), BRANCH_MANAGER);
        List<Scheduled> later = scheduled(RIVER, r.id());
        assertThat(later.get(0).step().doneAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(later.get(0).step().by()).isEqualTo("rosa");
        assertThat(later.get(0).overdue(CLOCK.instant())).as("a done step is not overdue").isFalse();
        assertThat(later.get(1).dueAt()).isEqualTo(NOW.plus(Duration.ofDays(37)));
        assertThat(later.get(2).dueAt()).isNull();
        assertThat(found(RIVER, r.id()).orElseThrow().state()).isEqualTo("in-review");
    }

    @Test
    void a_due_date_counts_calendar_days_in_the_library_systems_zone_across_a_daylight_saving_change() {
        // Chicago moves its clocks forward on 9 March 2031: five days after 10:00 on 6 March is 10:00 on 11 March, 23 hours
        // closer than five times 24 hours later in UTC would be.
        CLOCK.at(Instant.parse("2031-03-06T16:00:00Z"));
        Reconsideration r = receive(RIVER, REVIEW, "Language", null);
        assertThat(scheduled(RIVER, r.id()).get(0).dueAt()).isEqualTo(Instant.parse("2031-03-11T15:00:00Z"));
    }

    @Test
    void steps_are_done_in_order_once_each_and_the_last_one_only_by_the_decision() {
        Reconsideration r = receive(RIVER, REVIEW, "Violence", null);
        Caller rosa = staff(RIVER, "rosa", Roles.STAFF);
        assertThat(status(() -> step(RIVER, r.id(), "read-and-review", rosa, BRANCH_MANAGER))).isEqualTo(409);
        assertThat(status(() -> step(RIVER, r.id(), "decide", rosa, BRANCH_MANAGER))).isEqualTo(409);
        assertThat(status(() -> step(RIVER, r.id(), "burn-it", rosa, BRANCH_MANAGER))).isEqualTo(404);
        assertThat(status(() -> decide(RIVER, r.id(), rosa, BRANCH_MANAGER))).as("the decision before the other steps").isEqualTo(409);
        assertThat(scheduled(RIVER, r.id())).noneMatch(s -> s.step().done());

        step(RIVER, r.id(), "acknowledge", rosa, BRANCH_MANAGER);
        assertThat(status(() -> step(RIVER, r.id(), "acknowledge", rosa, BRANCH_MANAGER))).isEqualTo(409);
        step(RIVER, r.id(), "read-and-review", rosa, BRANCH_MANAGER);
        Reconsideration decided = decide(RIVER, r.id(), rosa, BRANCH_MANAGER);
        assertThat(decided.state()).isEqualTo("decided");
        assertThat(decided.outcome()).isEqualTo("keep");
        assertThat(scheduled(RIVER, r.id())).allMatch(s -> s.step().done());
        assertThat(status(() -> decide(RIVER, r.id(), rosa, BRANCH_MANAGER))).as("decided once").isEqualTo(409);
    }

    @Test
    void only_committee_members_headquarters_and_tenant_administrators_may_act_on_a_review() {
        Reconsideration r = receive(RIVER, REVIEW, "Politics", null);
        assertThat(status(() -> step(RIVER, r.id(), "acknowledge", staff(RIVER, "sam", Roles.STAFF), NO_SEAT))).isEqualTo(403);
        assertThat(status(() -> step(RIVER, r.id(), "acknowledge", staff(RIVER, "pat", Roles.PERSON_IN_CHARGE), NO_SEAT)))
                .as("a person in charge without a committee seat").isEqualTo(403);
        assertThat(status(() -> step(RIVER, r.id(), "acknowledge", Caller.SYSTEM, Set.of()))).isEqualTo(403);
        assertThat(scheduled(RIVER, r.id()).get(0).step().done()).as("nothing stored on a refusal").isFalse();

        step(RIVER, r.id(), "acknowledge", staff(RIVER, "hana", Roles.HEADQUARTERS), Set.of());
        step(RIVER, r.id(), "read-and-review", staff(RIVER, "ada", Roles.TENANT_ADMIN), Set.of());
        assertThat(status(() -> decide(RIVER, r.id(), staff(RIVER, "sam", Roles.STAFF), NO_SEAT))).isEqualTo(403);
        assertThat(decide(RIVER, r.id(), staff(RIVER, "rosa", Roles.STAFF), BRANCH_MANAGER).decidedBy()).isEqualTo("rosa");
    }

    @Test
    void without_a_review_set_up_a_request_is_received_and_its_review_refused_as_a_conflict() {
        Reconsideration r = receive(RIVER, null, "Not for children", null);
        assertThat(r.reference()).startsWith("R-");
        List<ReconsiderationRules.Step> none = in(RIVER, w -> w.store().steps(w.em(), w.find(r.id()), null));
        assertThat(none).isEmpty();
        assertThat(status(() -> in(RIVER, w -> w.store().complete(w.em(), w.find(r.id()), "acknowledge", null,
                staff(RIVER, "hana", Roles.HEADQUARTERS), Set.of(), null)))).isEqualTo(409);
        // Set up later, the review starts from receipt with the steps of the rules then.
        step(RIVER, r.id(), "acknowledge", staff(RIVER, "hana", Roles.HEADQUARTERS), Set.of());
        assertThat(scheduled(RIVER, r.id()).get(0).dueAt()).isEqualTo(NOW.plus(Duration.ofDays(5)));
    }

    @Test
    void the_purge_takes_decided_requests_past_their_period_with_their_contacts_and_keeps_the_rest() {
        UUID contact = UUID.randomUUID();
        DB.inTenant(RIVER, em -> {
            em.persist(new StoredContact(contact, null, new byte[] {1, 2, 3}, null, "en", NOW));
            return null;
        });
        Reconsideration old = receive(RIVER, REVIEW, "Old", contact);
        Caller hana = staff(RIVER, "hana", Roles.HEADQUARTERS);
        step(RIVER, old.id(), "acknowledge", hana, Set.of());
        step(RIVER, old.id(), "read-and-review", hana, Set.of());
        decide(RIVER, old.id(), hana, Set.of());
        Reconsideration open = receive(RIVER, REVIEW, "Still open", null);

        int removed = DB.inTenant(RIVER, em -> ((Number) em.createNativeQuery("select reconsiderations_purge(?1, ?2, ?3)")
                .setParameter(1, RIVER).setParameter(2, java.time.OffsetDateTime.ofInstant(NOW.plusSeconds(1), ZONE))
                .setParameter(3, 1000).getSingleResult()).intValue());
        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(found(RIVER, old.id())).isEmpty();
        StoredContact kept = DB.inTenant(RIVER, em -> em.find(StoredContact.class, contact));
        assertThat(kept).isNull();
        assertThat(found(RIVER, open.id())).isPresent();
        assertThatThrownBy(() -> DB.inTenant(LAKE, em -> em.createNativeQuery("select reconsiderations_purge(?1, ?2, ?3)")
                .setParameter(1, RIVER).setParameter(2, java.time.OffsetDateTime.ofInstant(NOW, ZONE))
                .setParameter(3, 10).getSingleResult()))
                .as("a purge bound to another library system").hasStackTraceContaining("only records of the library system");
    }

    @Test
    void a_key_rotation_seals_the_patrons_texts_again_and_they_still_read_as_written() {
        String tenant = "reconsider-rotation";
        DB.tenant(tenant);
        Reconsideration r = receive(tenant, REVIEW, "Before the rotation", null);
        int resealed = DB.inTenant(tenant, em -> {
            keys.rotate(em, TenantId.of(tenant), org.servicepoint.confidentiality.entity.TenantDataKey.Purpose.DATA);
            return ReconsiderationStore.reseal(em, keys.ring(em, TenantId.of(tenant), false));
        });
        assertThat(resealed).as("objection and asks").isEqualTo(2);
        String objection = in(tenant, w -> w.store().objection(w.find(r.id())));
        assertThat(objection).isEqualTo("Before the rotation");
        int again = DB.inTenant(tenant, em -> ReconsiderationStore.reseal(em, keys.ring(em, TenantId.of(tenant), false)));
        assertThat(again).isZero();
    }

    static Optional<Reconsideration> found(String tenant, UUID id) {
        return in(tenant, w -> w.store().find(w.em(), id));
    }

    static Reconsideration decide(String tenant, UUID id, Caller caller, Set<String> held) {
        return in(tenant, w -> w.store().decide(w.em(), w.find(id), ReconsiderationRules.decision("keep", "It is a classic."),
                caller, held, REVIEW));
    }
}
