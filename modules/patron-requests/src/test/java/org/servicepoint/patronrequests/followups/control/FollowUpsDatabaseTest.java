package org.servicepoint.patronrequests.followups.control;

import org.servicepoint.patronrequests.entity.ContactChannel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.control.KeyRing;
import org.servicepoint.confidentiality.control.TextSeal;
import org.servicepoint.patronrequests.control.Matter;
import org.servicepoint.patronrequests.entity.MatterKind;
import org.servicepoint.patronrequests.entity.MatterRef;
import org.servicepoint.patronrequests.control.PatronUpdate;
import org.servicepoint.patronrequests.followups.control.FollowUpViews.HistoryEntry;
import org.servicepoint.patronrequests.followups.control.FollowUpViews.Owner;
import org.servicepoint.patronrequests.followups.entity.FollowUp;
import org.servicepoint.patronrequests.followups.entity.MatterUpdate;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.testing.TenantTransactions;
import org.servicepoint.patronrequests.control.PatronRequestsDatabase;
import org.servicepoint.platform.testing.TestClock;

/**
 * Follow-ups and updates on real PostgreSQL as the application role (both walls): their text sealed at rest and read
 * back in one history, keys once per library system, follow-ups past due counted per branch.
 */
class FollowUpsDatabaseTest {

    static final TenantTransactions DB = PatronRequestsDatabase.PATRON_REQUESTS;
    static final String LIB = "fu-lib";
    static final String OTHER = "fu-other";
    static final SecureRandom RANDOM = new SecureRandom();
    static final Map<String, byte[]> KEYS = Map.of(LIB, key(), OTHER, key());
    static final Map<String, TextSeal> SEALS = Map.of(LIB, ring(LIB), OTHER, ring(OTHER));
    static final Owner ROSA = new Owner(UUID.randomUUID(), "Rosa");

    final TestClock clock = new TestClock("2026-12-03T15:00:00Z");
    final FollowUpStore store = new FollowUpStore(clock);

    @BeforeAll
    static void libraries() {
        DB.tenant(LIB, OTHER);
    }

    static byte[] key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    static TextSeal ring(String tenant) {
        return KeyRing.ofDataKeys(TenantId.of(tenant), Map.of(1, KEYS.get(tenant)), 1, RANDOM);
    }

    static Matter escalation(String branch) {
        return new Matter(new MatterRef(MatterKind.ESCALATION, UUID.randomUUID()), "E-1", branch, "Disruptive behaviour", "open", true,
                Instant.parse("2026-12-01T10:00:00Z"), null, null, "rosa");
    }

    @Test
    void updates_and_follow_ups_are_sealed_at_rest_and_read_back_in_one_history_oldest_first() {
        Matter matter = escalation("NORTH");
        TextSeal seal = SEALS.get(LIB);
        UUID update = UUID.randomUUID();
        DB.inTenant(LIB, em -> store.recordUpdate(em, seal, update, matter, ContactChannel.PHONE, "update",
                "Called Pat Lee about the noise", "sam", "call:1", null, 1095));
        clock.advance(Duration.ofMinutes(5));
        FollowUp followUp = DB.inTenant(LIB, em -> store.add(em, seal, matter, "Ring Pat Lee back on Friday", LocalDate.parse("2026-12-04"),
                ROSA, "sam", 1095));
        clock.advance(Duration.ofDays(1));
        DB.inTenant(LIB, em -> em.find(FollowUp.class, followUp.id()).done("rosa", clock.instant()));

        String atRest = DB.inTenant(LIB, em -> String.valueOf(em.createNativeQuery("select (select string_agg(encode(text, 'escape'), '|') "
                + "from matter_update) || '|' || (select string_agg(encode(what, 'escape'), '|') from matter_follow_up)").getSingleResult()));
        assertThat(atRest).isNotBlank().doesNotContain("Pat Lee", "noise", "Friday");

        List<HistoryEntry> history = DB.inTenant(LIB, em -> store.history(em, seal, matter.ref(), Map.of()));
        assertThat(history).extracting(HistoryEntry::kind).containsExactly("update", "follow-up", "follow-up-done");
        assertThat(history).extracting(HistoryEntry::text)
                .containsExactly("Called Pat Lee about the noise", "Ring Pat Lee back on Friday", "Ring Pat Lee back on Friday");
        assertThat(history).extracting(HistoryEntry::by).containsExactly("sam", "sam", "rosa");
        assertThat(history.get(0).channel()).isEqualTo("phone");
        assertThat(history.get(0).mail()).isNull();

        List<HistoryEntry> seenByOther = DB.inTenant(OTHER, em -> store.history(em, SEALS.get(OTHER), matter.ref(), Map.of()));
        assertThat(seenByOther).isEmpty();
        Optional<FollowUp> otherFinds = DB.inTenant(OTHER, em -> store.followUp(em, matter.ref(), followUp.id()));
        assertThat(otherFinds).isEmpty();
    }

    @Test
    void an_update_key_names_one_contact_per_library_system_and_an_email_update_names_its_mail() {
        Matter matter = escalation("SOUTH");
        UUID mail = UUID.randomUUID();
        String key = "key-" + UUID.randomUUID();
        DB.inTenant(LIB, em -> store.recordUpdate(em, SEALS.get(LIB), UUID.randomUUID(), matter, ContactChannel.EMAIL, "update",
                "Your card is ready", "sam", key, mail, 1095));

        Optional<MatterUpdate> again = DB.inTenant(LIB, em -> store.byKey(em, key));
        assertThat(again).map(MatterUpdate::mailId).contains(mail);
        Optional<MatterUpdate> inOther = DB.inTenant(OTHER, em -> store.byKey(em, key));
        assertThat(inOther).isEmpty();
        assertThatThrownBy(() -> DB.inTenant(LIB, em -> store.recordUpdate(em, SEALS.get(LIB), UUID.randomUUID(), matter,
                ContactChannel.PHONE, "update", "twice", "sam", key, null, 1095))).hasStackTraceContaining("matter_update_tenant_id_update_key");
        // An email update without its mail, or a phone call with one, is refused by the table itself.
        assertThatThrownBy(() -> DB.inTenant(LIB, em -> store.recordUpdate(em, SEALS.get(LIB), UUID.randomUUID(), matter,
                ContactChannel.EMAIL, "update", "no mail", "sam", null, null, 1095))).hasStackTraceContaining("matter_update_check");
    }

    @Test
    void open_follow_ups_past_their_day_are_counted_per_branch_and_done_or_later_ones_are_not() {
        String north = "N-" + UUID.randomUUID().toString().substring(0, 8);
        String south = "S-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.parse("2026-12-03");
        DB.inTenant(LIB, em -> {
            TextSeal seal = SEALS.get(LIB);
            store.add(em, seal, escalation(north), "one", today.minusDays(1), ROSA, "sam", 1095);
            store.add(em, seal, escalation(north), "two", today.minusDays(9), ROSA, "sam", 1095);
            store.add(em, seal, escalation(south), "three", today.minusDays(2), ROSA, "sam", 1095);
            store.add(em, seal, escalation(south), "due today", today, ROSA, "sam", 1095);
            store.add(em, seal, escalation(south), "done", today.minusDays(3), ROSA, "sam", 1095).done("rosa", clock.instant());
            return null;
        });
        Map<String, Integer> all = DB.inTenant(LIB, em -> store.pastDueByBranch(em, null, today));
        assertThat(all).containsEntry(north, 2).containsEntry(south, 1);
        Map<String, Integer> northOnly = DB.inTenant(LIB, em -> store.pastDueByBranch(em, north, today));
        assertThat(northOnly).containsOnly(Map.entry(north, 2));
        Map<String, Integer> other = DB.inTenant(OTHER, em -> store.pastDueByBranch(em, null, today));
        assertThat(other).doesNotContainKeys(north, south);
    }

    @Test
    void a_due_day_that_is_not_a_day_or_before_today_or_years_away_is_refused() {
        LocalDate today = LocalDate.parse("2026-12-03");
        assertThat(FollowUps.day("2026-12-03", today)).isEqualTo(today);
        for (String bad : new String[] {"2026-12-02", "2026-02-30", "tomorrow", null, "2040-01-01"}) {
            assertThatThrownBy(() -> FollowUps.day(bad, today)).isInstanceOf(Refusal.class).hasMessageContaining("dueOn");
        }
    }

    @Test
    void the_purge_removes_follow_ups_done_and_updates_made_past_both_periods_and_keeps_the_rest() {
        Matter matter = escalation("WEST");
        TextSeal seal = SEALS.get(LIB);
        clock.at("2020-01-10T10:00:00Z");
        FollowUp oldDone = DB.inTenant(LIB, em -> store.add(em, seal, matter, "old and done", LocalDate.parse("2020-01-11"), ROSA, "sam", 30));
        DB.inTenant(LIB, em -> em.find(FollowUp.class, oldDone.id()).done("rosa", clock.instant()));
        FollowUp oldOpen = DB.inTenant(LIB, em -> store.add(em, seal, matter, "old, still open", LocalDate.parse("2020-01-11"), ROSA, "sam", 30));
        FollowUp keptLonger = DB.inTenant(LIB, em -> store.add(em, seal, matter, "kept ten years", LocalDate.parse("2020-01-11"), ROSA, "sam", 3650));
        DB.inTenant(LIB, em -> em.find(FollowUp.class, keptLonger.id()).done("rosa", clock.instant()));
        UUID oldUpdate = UUID.randomUUID();
        DB.inTenant(LIB, em -> store.recordUpdate(em, seal, oldUpdate, matter, ContactChannel.PHONE, "update", "old call", "sam", null,
                null, 30));
        clock.at("2026-12-03T15:00:00Z");
        UUID newUpdate = UUID.randomUUID();
        DB.inTenant(LIB, em -> store.recordUpdate(em, seal, newUpdate, matter, ContactChannel.PHONE, "update", "new call", "sam", null,
                null, 30));

        // The library system's own setting says a year: both periods have passed only for the old rows with 30 days.
        Number removed = DB.inTenant(LIB, em -> (Number) em.createNativeQuery("select matter_follow_ups_purge(?1, ?2, ?3)")
                .setParameter(1, LIB).setParameter(2, java.time.OffsetDateTime.parse("2025-12-03T15:00:00Z")).setParameter(3, 100)
                .getSingleResult());
        assertThat(removed.intValue()).isEqualTo(2);
        List<FollowUp> left = DB.inTenant(LIB, em -> store.followUps(em, matter.ref()));
        assertThat(left).extracting(FollowUp::id).containsExactlyInAnyOrder(oldOpen.id(), keptLonger.id());
        List<MatterUpdate> updatesLeft = DB.inTenant(LIB, em -> store.updates(em, matter.ref()));
        assertThat(updatesLeft).extracting(MatterUpdate::id).containsExactly(newUpdate);
        // Bound to one library system, the purge refuses to remove another's rows.
        assertThatThrownBy(() -> DB.inTenant(LIB, em -> em.createNativeQuery("select matter_follow_ups_purge(?1, now(), 100)")
                .setParameter(1, OTHER).getSingleResult())).hasStackTraceContaining("bound to");
    }

    @Test
    void after_a_key_rotation_every_follow_up_and_update_text_is_sealed_again_with_the_new_key() {
        String tenant = "fu-rotate";
        DB.tenant(tenant);
        byte[] first = key();
        byte[] second = key();
        KeyRing before = KeyRing.ofDataKeys(TenantId.of(tenant), Map.of(1, first), 1, RANDOM);
        KeyRing rotated = KeyRing.ofDataKeys(TenantId.of(tenant), Map.of(1, first, 2, second), 2, RANDOM);
        KeyRing onlyNew = KeyRing.ofDataKeys(TenantId.of(tenant), Map.of(2, second), 2, RANDOM);
        Matter matter = escalation("NORTH");
        DB.inTenant(tenant, em -> store.add(em, before, matter, "ring back", LocalDate.parse("2026-12-05"), ROSA, "sam", 1095));
        DB.inTenant(tenant, em -> store.recordUpdate(em, before, UUID.randomUUID(), matter, ContactChannel.IN_PERSON, "update",
                "told at the desk", "sam", null, null, 1095));

        int resealed = DB.inTenant(tenant, em -> FollowUpStore.reseal(em, rotated));
        assertThat(resealed).isEqualTo(2);
        List<HistoryEntry> history = DB.inTenant(tenant, em -> store.history(em, onlyNew, matter.ref(), Map.of()));
        assertThat(history).extracting(HistoryEntry::text).containsExactlyInAnyOrder("ring back", "told at the desk");
        int again = DB.inTenant(tenant, em -> FollowUpStore.reseal(em, rotated));
        assertThat(again).isZero();
    }

    @Test
    void follow_ups_and_updates_leave_with_their_matter_and_those_of_a_matter_still_there_stay() {
        TextSeal seal = SEALS.get(LIB);
        org.servicepoint.patronrequests.complaints.entity.Complaint kept = DB.inTenant(LIB, em ->
                new org.servicepoint.patronrequests.complaints.control.ComplaintStore(TenantId.of(LIB), java.time.ZoneId.of("America/Chicago"),
                        clock, seal).record(em, new org.servicepoint.patronrequests.complaints.control.ComplaintRules.Checked("NORTH",
                                "in-person", "Too loud", null, null, null, null, null, null), null, null, "executive-director", 10, "sam"));
        Matter there = new Matter(new MatterRef(MatterKind.COMPLAINT, kept.id()), kept.reference(), "NORTH", "complaint", "received",
                true, clock.instant(), null, null, null);
        Matter gone = new Matter(new MatterRef(MatterKind.COMPLAINT, UUID.randomUUID()), "C-2026-9999", "NORTH", "complaint", "closed",
                false, clock.instant(), null, null, null);
        FollowUp stays = DB.inTenant(LIB, em -> store.add(em, seal, there, "Write back", LocalDate.parse("2026-12-10"), ROSA, "sam", 1095));
        FollowUp goes = DB.inTenant(LIB, em -> store.add(em, seal, gone, "Write back", LocalDate.parse("2026-12-10"), ROSA, "sam", 1095));
        DB.inTenant(LIB, em -> store.recordUpdate(em, seal, UUID.randomUUID(), gone, ContactChannel.PHONE, "update", "Called",
                "sam", null, null, 1095));

        Number removed = DB.inTenant(LIB, em -> (Number) em.createNativeQuery("select matter_follow_ups_purge(?1, ?2, ?3)")
                .setParameter(1, LIB).setParameter(2, java.time.OffsetDateTime.parse("2025-12-03T15:00:00Z")).setParameter(3, 100)
                .getSingleResult());
        assertThat(removed.intValue()).isGreaterThanOrEqualTo(2);
        Optional<FollowUp> left = DB.inTenant(LIB, em -> store.followUp(em, there.ref(), stays.id()));
        assertThat(left).isPresent();
        Optional<FollowUp> purged = DB.inTenant(LIB, em -> store.followUp(em, gone.ref(), goes.id()));
        assertThat(purged).isEmpty();
        List<MatterUpdate> updatesOfGone = DB.inTenant(LIB, em -> store.updates(em, gone.ref()));
        assertThat(updatesOfGone).isEmpty();
    }
}
