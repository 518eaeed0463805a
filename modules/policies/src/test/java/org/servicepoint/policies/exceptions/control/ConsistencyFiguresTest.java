package org.servicepoint.policies.exceptions.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.policies.exceptions.control.ConsistencyFigures.Flag.HIGH;
import static org.servicepoint.policies.exceptions.control.ConsistencyFigures.Flag.LOW;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.policies.exceptions.control.ConsistencyFigures.Count;
import org.servicepoint.policies.exceptions.control.ConsistencyFigures.Counted;
import org.servicepoint.policies.exceptions.control.ConsistencyFigures.Figures;
import org.servicepoint.policies.exceptions.control.ConsistencyFigures.PolicyCount;

/** The consistency report's figures, each expected value worked out by hand in the comments. */
class ConsistencyFiguresTest {

    static final List<String> BRANCHES = List.of("HQ", "PINE", "MOSS", "LAKE", "HARLAN");
    static final LocalDate FROM = LocalDate.parse("2026-01-01");
    static final LocalDate TO = LocalDate.parse("2026-03-31");
    static final UUID ROSA = new UUID(0, 1);
    static final UUID MO = new UUID(0, 2);
    static final UUID SIOBHAN = new UUID(0, 3);
    static final UUID DEE = new UUID(0, 4);
    static final UUID TOMASZ = new UUID(0, 5);

    static Counted on(String day, String policy, String branch, UUID approver) {
        return new Counted(policy, branch, approver, LocalDate.parse(day));
    }

    static List<Counted> firstQuarter() {
        List<Counted> all = new ArrayList<>(List.of(
                // fines: Pine Hollow 2 in January, 3 in February, 1 in March (Rosa); Mossy Creek 1 in February (Mo).
                on("2026-01-05", "fines", "PINE", ROSA), on("2026-01-31", "fines", "PINE", ROSA),
                on("2026-02-01", "fines", "PINE", ROSA), on("2026-02-14", "fines", "PINE", ROSA),
                on("2026-02-28", "fines", "PINE", ROSA), on("2026-03-31", "fines", "PINE", ROSA),
                on("2026-02-10", "fines", "MOSS", MO),
                on("2026-01-20", "guest-passes", "LAKE", SIOBHAN), on("2026-03-01", "guest-passes", "HQ", DEE),
                on("2026-01-09", "printing", "HARLAN", TOMASZ),
                // Outside the range by a day on either side: left out.
                on("2025-12-31", "fines", "PINE", ROSA), on("2026-04-01", "printing", "MOSS", MO)));
        return all;
    }

    @Test
    void a_quarter_is_counted_per_policy_and_month_per_branch_and_per_approver() {
        Figures f = ConsistencyFigures.of(firstQuarter(), BRANCHES, FROM, TO);

        assertThat(f.months()).containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3));
        // fines 2+0 | 3+1 | 1 = 7; guest passes 1 | 0 | 1 = 2; printing 1 | 0 | 0 = 1.
        assertThat(f.policies()).containsExactly(
                new PolicyCount("fines", 7, List.of(2, 4, 1), true),
                new PolicyCount("guest-passes", 2, List.of(1, 0, 1), false),
                new PolicyCount("printing", 1, List.of(1, 0, 0), false));
        // Branch counts HQ 1, PINE 6, MOSS 1, LAKE 1, HARLAN 1: sorted 1 1 1 1 6, median 1; 6 >= max(3, 2 x 1).
        assertThat(f.branchMedian()).isEqualTo(1.0);
        assertThat(f.branches()).containsExactly(new Count<>("HQ", 1, null), new Count<>("PINE", 6, HIGH),
                new Count<>("MOSS", 1, null), new Count<>("LAKE", 1, null), new Count<>("HARLAN", 1, null));
        // Approvers Rosa 6, Mo 1, Siobhán 1, Dee 1, Tomasz 1: median 1; Rosa far above it.
        assertThat(f.staffMedian()).isEqualTo(1.0);
        assertThat(f.staff()).first().isEqualTo(new Count<>(ROSA, 6, HIGH));
        assertThat(f.staff()).extracting(Count::key).containsExactly(ROSA, MO, SIOBHAN, DEE, TOMASZ);
        assertThat(f.staff().subList(1, 5)).extracting(Count::flag).containsOnlyNulls();
    }

    @Test
    void branches_without_exceptions_count_as_none_and_a_branch_no_longer_listed_comes_last() {
        Figures f = ConsistencyFigures.of(List.of(on("2026-02-02", "fines", "CLOSED-BRANCH", MO),
                on("2026-02-03", "fines", "LAKE", MO)), BRANCHES, FROM, TO);
        // Counts 0 0 0 1 0 and 1: sorted 0 0 0 0 1 1, median (0 + 0) / 2 = 0; one each is not three.
        assertThat(f.branches()).extracting(Count::key).containsExactly("HQ", "PINE", "MOSS", "LAKE", "HARLAN", "CLOSED-BRANCH");
        assertThat(f.branches()).extracting(Count::count).containsExactly(0, 0, 0, 1, 0, 1);
        assertThat(f.branchMedian()).isZero();
        assertThat(f.branches()).allSatisfy(b -> assertThat(b.flag()).isNull());
        // Mo approved both: one staff member, the median is their own count.
        assertThat(f.staff()).containsExactly(new Count<>(MO, 2, null));
        assertThat(f.staffMedian()).isEqualTo(2.0);
    }

    @Test
    void a_branch_far_below_a_busy_median_is_flagged_low_and_none_is_high() {
        List<Counted> all = new ArrayList<>();
        for (String branch : List.of("HQ", "PINE", "MOSS", "LAKE")) {
            for (int day = 1; day <= 8; day++) {
                all.add(on("2026-01-0" + day, "fines", branch, UUID.nameUUIDFromBytes(branch.getBytes())));
            }
        }
        all.add(on("2026-03-03", "fines", "HARLAN", TOMASZ));
        Figures f = ConsistencyFigures.of(all, BRANCHES, FROM, TO);
        // Counts 8 8 8 8 1: median 8; 1 <= 8 / 4 is low; 8 < 2 x 8 is not high.
        assertThat(f.branchMedian()).isEqualTo(8.0);
        assertThat(f.branches()).extracting(Count::flag).containsExactly(null, null, null, null, LOW);
        // The same for the staff: four approvers with 8, Tomasz with 1.
        assertThat(f.staff()).last().isEqualTo(new Count<>(TOMASZ, 1, LOW));
    }

    @Test
    void the_flag_rule_needs_a_real_difference_not_a_small_one() {
        assertThat(ConsistencyFigures.flag(3, 0)).isEqualTo(HIGH); // three where the others have none
        assertThat(ConsistencyFigures.flag(2, 0)).isNull(); // two is within chance
        assertThat(ConsistencyFigures.flag(4, 2)).isEqualTo(HIGH); // twice the median
        assertThat(ConsistencyFigures.flag(3, 2)).isNull(); // less than twice
        assertThat(ConsistencyFigures.flag(5, 2.5)).isEqualTo(HIGH);
        assertThat(ConsistencyFigures.flag(1, 4)).isEqualTo(LOW); // a quarter of a median of four
        assertThat(ConsistencyFigures.flag(0, 4)).isEqualTo(LOW);
        assertThat(ConsistencyFigures.flag(2, 4)).isNull(); // half is not far
        assertThat(ConsistencyFigures.flag(1, 3.5)).isNull(); // below a median of four a low count says nothing
        assertThat(ConsistencyFigures.flag(2, 8)).isEqualTo(LOW);
        assertThat(ConsistencyFigures.flag(3, 8)).isNull();
        assertThat(ConsistencyFigures.flag(8, 8)).isNull();
    }

    @Test
    void the_median_is_the_middle_count_or_the_mean_of_the_two_middle_ones() {
        assertThat(ConsistencyFigures.median(List.of())).isZero();
        assertThat(ConsistencyFigures.median(List.of(3))).isEqualTo(3.0);
        assertThat(ConsistencyFigures.median(List.of(5, 1))).isEqualTo(3.0);
        assertThat(ConsistencyFigures.median(List.of(7, 0, 2, 0))).isEqualTo(1.0); // 0 0 2 7
        assertThat(ConsistencyFigures.median(List.of(9, 1, 4))).isEqualTo(4.0);
    }

    @Test
    void a_policy_is_a_candidate_for_change_only_with_the_most_exceptions_and_one_a_month_on_average() {
        LocalDate yearStart = LocalDate.parse("2026-01-01");
        LocalDate yearEnd = LocalDate.parse("2026-12-31");
        List<Counted> six = new ArrayList<>();
        for (int month = 1; month <= 6; month++) {
            six.add(on("2026-%02d-15".formatted(month), "fines", "PINE", ROSA));
        }
        // Six in twelve months is the most, but fewer than one a month: not a candidate.
        assertThat(ConsistencyFigures.of(six, BRANCHES, yearStart, yearEnd).policies())
                .containsExactly(new PolicyCount("fines", 6, List.of(1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0), false));
        List<Counted> twelve = new ArrayList<>(six);
        for (int month = 7; month <= 12; month++) {
            twelve.add(on("2026-%02d-15".formatted(month), "fines", "PINE", ROSA));
        }
        assertThat(ConsistencyFigures.of(twelve, BRANCHES, yearStart, yearEnd).policies())
                .extracting(PolicyCount::candidateForChange).containsExactly(true);

        // Over three months the floor is five; two policies tied at five are both candidates, four is not.
        List<Counted> tied = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            tied.add(on("2026-02-0" + day, "fines", "PINE", ROSA));
            tied.add(on("2026-03-0" + day, "printing", "MOSS", MO));
        }
        assertThat(ConsistencyFigures.of(tied, BRANCHES, FROM, TO).policies())
                .extracting(PolicyCount::policy, PolicyCount::candidateForChange)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fines", true), org.assertj.core.groups.Tuple.tuple("printing", true));
        assertThat(ConsistencyFigures.of(tied.subList(0, 8), BRANCHES, FROM, TO).policies())
                .extracting(PolicyCount::candidateForChange).containsOnly(false);
    }

    @Test
    void no_exceptions_give_zero_counts_and_no_flags_and_a_range_must_not_end_before_it_starts() {
        Figures f = ConsistencyFigures.of(List.of(), BRANCHES, FROM, TO);
        assertThat(f.policies()).isEmpty();
        assertThat(f.staff()).isEmpty();
        assertThat(f.branches()).extracting(Count::count).containsOnly(0);
        assertThat(f.branches()).extracting(Count::flag).containsOnlyNulls();
        assertThatThrownBy(() -> ConsistencyFigures.of(List.of(), BRANCHES, TO, FROM)).isInstanceOf(IllegalArgumentException.class);
    }
}
