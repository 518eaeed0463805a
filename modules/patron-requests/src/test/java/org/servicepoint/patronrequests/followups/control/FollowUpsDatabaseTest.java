package org.servicepoint.patronrequests.followups.control;

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
import org.servicepoint.patronrequests.control.MatterKind;
import org.servicepoint.patronrequests.control.MatterRef;
import org.servicepoint.patronrequests.control.PatronUpdate;
import org.servicepoint.patronrequests.followups.control.FollowUpViews.HistoryEntry;
import org.servicepoint.patronrequests.followups.control.FollowUpViews.Owner;
import org.servicepoint.patronrequests.followups.entity.FollowUp;
import org.servicepoint.patronrequests.followups.entity.MatterUpdate;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.testing.TenantTransactions;
import org.servicepoint.platform.testing.TestClock;

/**
 * Follow-ups and updates on real PostgreSQL as the application role (both walls): their text sealed at rest and read
 * back in one history, keys once per library system, follow-ups past due counted per branch.
 */
class FollowUpsDatabaseTest {

    static final TenantTransactions DB = TenantTransactions.of("patron-requests-test", "platform", "tenancy", "patron_requests");
    static final String LIB = "fu-lib";
    static final String OTHER = "fu-other";
    static final SecureRandom RANDOM = new SecureRandom();
    static final Map<String, TextSeal> SEALS = Map.of(LIB, ring(LIB), OTHER, ring(OTHER));
    static final Owner ROSA = new Owner(UUID.randomUUID(), "Rosa");

    final TestClock clock = new TestClock("2026-12-03T15:00:00Z");
    final FollowUpStore store = new FollowUpStore(clock);

    @BeforeAll
    static void libraries() {
        DB.tenant(LIB, OTHER);
    }

    static TextSeal ring(String tenant) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return KeyRing.ofDataKeys(TenantId.of(tenant), Map.of(1, key), 1, RANDOM);
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
        DB.inTenant(LIB, em -> store.recordUpdate(em, seal, update, matter, PatronUpdate.Channel.PHONE, "update",
                "Called Pat Lee about the noise", "sam", "call:1", null));
        clock.advance(Duration.ofMinutes(5));
        FollowUp followUp = DB.inTenant(LIB, em -> store.add(em, seal, matter, "Ring Pat Lee back on Friday", LocalDate.parse("2026-12-04"),
                ROSA, "sam"));
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
        DB.inTenant(LIB, em -> store.recordUpdate(em, SEALS.get(LIB), UUID.randomUUID(), matter, PatronUpdate.Channel.EMAIL, "update",
                "Your card is ready", "sam", key, mail));

        Optional<MatterUpdate> again = DB.inTenant(LIB, em -> store.byKey(em, key));
        assertThat(again).map(MatterUpdate::mailId).contains(mail);
        Optional<MatterUpdate> inOther = DB.inTenant(OTHER, em -> store.byKey(em, key));
        assertThat(inOther).isEmpty();
        assertThatThrownBy(() -> DB.inTenant(LIB, em -> store.recordUpdate(em, SEALS.get(LIB), UUID.randomUUID(), matter,
                PatronUpdate.Channel.PHONE, "update", "twice", "sam", key, null))).hasStackTraceContaining("matter_update_tenant_id_update_key");
        // An email update without its mail, or a phone call with one, is refused by the table itself.
        assertThatThrownBy(() -> DB.inTenant(LIB, em -> store.recordUpdate(em, SEALS.get(LIB), UUID.randomUUID(), matter,
                PatronUpdate.Channel.EMAIL, "update", "no mail", "sam", null, null))).hasStackTraceContaining("matter_update_check");
    }

    @Test
    void open_follow_ups_past_their_day_are_counted_per_branch_and_done_or_later_ones_are_not() {
        String north = "N-" + UUID.randomUUID().toString().substring(0, 8);
        String south = "S-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.parse("2026-12-03");
        DB.inTenant(LIB, em -> {
            TextSeal seal = SEALS.get(LIB);
            store.add(em, seal, escalation(north), "one", today.minusDays(1), ROSA, "sam");
            store.add(em, seal, escalation(north), "two", today.minusDays(9), ROSA, "sam");
            store.add(em, seal, escalation(south), "three", today.minusDays(2), ROSA, "sam");
            store.add(em, seal, escalation(south), "due today", today, ROSA, "sam");
            store.add(em, seal, escalation(south), "done", today.minusDays(3), ROSA, "sam").done("rosa", clock.instant());
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
}
