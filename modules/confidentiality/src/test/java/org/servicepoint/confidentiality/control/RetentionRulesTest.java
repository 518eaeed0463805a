package org.servicepoint.confidentiality.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal;

class RetentionRulesTest {

    @Test
    void seven_years_are_2557_days_with_their_two_leap_days() {
        assertThat(RecordType.DISCLOSURE_REQUEST.defaultDays()).isEqualTo(2557);
        assertThat(RetentionRules.dueAt(Instant.parse("2020-01-01T00:00:00Z"), 2557)).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(RetentionRules.dueAt(Instant.parse("2026-03-15T09:30:00Z"), RecordType.PATRON_REFERENCE.defaultDays()))
                .isEqualTo("2027-03-15T09:30:00Z");
    }

    @Test
    void a_record_is_due_from_the_instant_its_period_ends() {
        Instant decided = Instant.parse("2026-01-10T14:00:00Z");
        Clock dayBefore = Clock.fixed(Instant.parse("2026-01-19T13:59:59.999999Z"), ZoneId.of("UTC"));
        Clock exactly = Clock.fixed(Instant.parse("2026-01-20T14:00:00Z"), ZoneId.of("UTC"));
        Clock later = Clock.fixed(Instant.parse("2026-01-21T00:00:00Z"), ZoneId.of("UTC"));
        assertThat(RetentionRules.isDue(decided, 10, dayBefore.instant())).isFalse();
        assertThat(RetentionRules.isDue(decided, 10, exactly.instant())).isTrue();
        assertThat(RetentionRules.isDue(decided, 10, later.instant())).isTrue();
        assertThat(RetentionRules.cutoff(exactly.instant(), 10)).isEqualTo(decided);
    }

    @Test
    void days_are_24_hours_whatever_the_local_clocks_do() {
        // Across the European switch to summer time: still exactly 24 hours per day.
        Instant before = Instant.parse("2026-03-28T12:00:00Z");
        Clock helsinki = Clock.fixed(Instant.parse("2026-03-30T12:00:00Z"), ZoneId.of("Europe/Helsinki"));
        assertThat(RetentionRules.isDue(before, 2, helsinki.instant())).isTrue();
        assertThat(RetentionRules.isDue(before, 3, helsinki.instant())).isFalse();
    }

    @Test
    void periods_are_checked_by_record_type_and_range() {
        Map<String, Integer> ok = new LinkedHashMap<>(Map.of("disclosure-request", 3650, "patron-reference", 30));
        assertThat(Retention.checked(ok)).containsEntry(RecordType.DISCLOSURE_REQUEST, 3650).containsEntry(RecordType.PATRON_REFERENCE, 30);
        Map<String, Integer> bad = new LinkedHashMap<>();
        bad.put("audit-log", 10);
        bad.put("patron-reference", 0);
        bad.put("disclosure-request", 36_501);
        assertThatThrownBy(() -> Retention.checked(bad)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.violations()).extracting(Refusal.Violation::field)
                    .containsExactly("periods.audit-log", "periods.patron-reference", "periods.disclosure-request");
        });
    }

    @Test
    void other_contexts_record_types_are_accepted_by_their_code_and_named_when_a_type_is_unknown() {
        RetainedRecords bans = new RetainedRecords() {
            public String recordType() { return "computer-use-ban"; }
            public int defaultDays() { return 730; }
            public String countsFrom() { return "end"; }
            public int purgeOrder() { return 10; }
            public String purgeBatch() { return "select 0"; }
        };
        Map<String, Integer> others = new LinkedHashMap<>();
        Map<String, Integer> days = new LinkedHashMap<>(Map.of("computer-use-ban", 90, "patron-reference", 30));
        assertThat(Retention.checked(days, java.util.List.of(bans), others)).containsOnlyKeys(RecordType.PATRON_REFERENCE);
        assertThat(others).containsExactly(Map.entry("computer-use-ban", 90));
        assertThatThrownBy(() -> Retention.checked(Map.of("computer-use-ban", 90)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.violations()).singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("is not a record type")));
        assertThatThrownBy(() -> Retention.checked(Map.of("audit-log", 1), java.util.List.of(bans), new LinkedHashMap<>()))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.violations()).singleElement()
                        .satisfies(v -> assertThat(v.message()).endsWith("known: disclosure-request, patron-reference, computer-use-ban")));
    }
}
