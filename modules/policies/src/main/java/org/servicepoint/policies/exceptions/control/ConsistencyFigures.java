package org.servicepoint.policies.exceptions.control;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The figures of the consistency report, as plain Java: exceptions on record counted per policy (with a count per
 * month), per branch and per approving staff member over a range of days, the medians, and which branches and staff
 * members are far from the median.
 *
 * <p><b>Far from the median.</b> Counts of exceptions are small numbers, and small numbers vary a lot by chance (two
 * against one is no pattern), so a count is flagged only when the difference is both large and more than a handful:
 * <ul>
 *   <li>{@code high} when the count is at least {@value #HIGH_AT_LEAST} and at least {@value #HIGH_TIMES} times the
 *       median (with a median of 0, three exceptions where the others have none are worth a look);</li>
 *   <li>{@code low} when the median is at least {@value #LOW_MEDIAN_AT_LEAST} and the count is at most a quarter of it
 *       (below a median of four, "a quarter" is a count of 0 or 1, which says nothing).</li>
 * </ul>
 * Every branch of the library system counts towards the branch median, those without exceptions as 0, so one busy
 * branch among quiet ones stands out. The staff median is over the staff members who approved at least one exception
 * in the range: whether someone who may grant exceptions never had the chance is not on record.
 *
 * <p><b>Candidate for change.</b> The policy with the most exceptions (each of them, if several have as many) is a
 * candidate for change when it has at least {@value #CANDIDATE_AT_LEAST} in the range and at least one a month on
 * average: a rule staff keep bending is worth reading again, while a rare exception is what flexibility is for.
 */
public final class ConsistencyFigures {

    static final int HIGH_AT_LEAST = 3;
    static final int HIGH_TIMES = 2;
    static final int LOW_MEDIAN_AT_LEAST = 4;
    static final int CANDIDATE_AT_LEAST = 5;

    /** The flag of a count far from the median. */
    public enum Flag {
        HIGH, LOW;

        public String wire() {
            return this == HIGH ? "high" : "low";
        }
    }

    /** One exception on record, as the report needs it: what it bent, where, who approved it, on which local day. */
    public record Counted(String policy, String branch, UUID approver, LocalDate on) {
        public Counted {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(approver, "approver");
            Objects.requireNonNull(on, "day");
        }
    }

    /** A policy's exceptions in the range, month by month in the order of {@link Figures#months()}. */
    public record PolicyCount(String policy, int count, List<Integer> perMonth, boolean candidateForChange) {
    }

    /** A branch's or a staff member's exceptions in the range; flag null when near the median. */
    public record Count<K>(K key, int count, Flag flag) {
    }

    /** The report's figures: policies with the most exceptions first, branches in the order given, staff busiest first. */
    public record Figures(LocalDate from, LocalDate to, List<YearMonth> months, List<PolicyCount> policies,
                          List<Count<String>> branches, List<Count<UUID>> staff, double branchMedian, double staffMedian) {
    }

    private ConsistencyFigures() {
    }

    /**
     * The figures of the exceptions whose day lies in {@code from..to} (both included); others are left out.
     * {@code branches} are every branch of the library system, in the order the report lists them; a branch an
     * exception names that is no longer among them is listed after them.
     */
    public static Figures of(List<Counted> exceptions, List<String> branches, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        List<Counted> inRange = exceptions.stream().filter(e -> !e.on().isBefore(from) && !e.on().isAfter(to)).toList();

        Map<String, int[]> perPolicy = new LinkedHashMap<>();
        Map<String, Integer> perBranch = new LinkedHashMap<>();
        branches.forEach(b -> perBranch.put(b, 0));
        Map<UUID, Integer> perStaff = new LinkedHashMap<>();
        for (Counted e : inRange) {
            perPolicy.computeIfAbsent(e.policy(), p -> new int[months.size()])[months.indexOf(YearMonth.from(e.on()))]++;
            perBranch.merge(e.branch(), 1, Integer::sum);
            perStaff.merge(e.approver(), 1, Integer::sum);
        }

        int most = perPolicy.values().stream().mapToInt(ConsistencyFigures::sum).max().orElse(0);
        int candidateAt = Math.max(CANDIDATE_AT_LEAST, months.size());
        List<PolicyCount> policies = perPolicy.entrySet().stream()
                .map(p -> {
                    int count = sum(p.getValue());
                    return new PolicyCount(p.getKey(), count, java.util.Arrays.stream(p.getValue()).boxed().toList(),
                            count == most && count >= candidateAt);
                })
                .sorted(Comparator.comparingInt(PolicyCount::count).reversed().thenComparing(PolicyCount::policy))
                .toList();

        double branchMedian = median(perBranch.values().stream().toList());
        List<Count<String>> branchCounts = perBranch.entrySet().stream()
                .map(b -> new Count<>(b.getKey(), b.getValue(), flag(b.getValue(), branchMedian))).toList();
        double staffMedian = median(perStaff.values().stream().toList());
        List<Count<UUID>> staffCounts = perStaff.entrySet().stream()
                .map(s -> new Count<>(s.getKey(), s.getValue(), flag(s.getValue(), staffMedian)))
                .sorted(Comparator.<Count<UUID>>comparingInt(Count::count).reversed().thenComparing(s -> s.key().toString()))
                .toList();
        return new Figures(from, to, List.copyOf(months), policies, branchCounts, staffCounts, branchMedian, staffMedian);
    }

    /** {@code high}, {@code low} or null (near the median), by the rule in the class comment. */
    public static Flag flag(int count, double median) {
        if (count >= HIGH_AT_LEAST && count >= HIGH_TIMES * median) {
            return Flag.HIGH;
        }
        if (median >= LOW_MEDIAN_AT_LEAST && count <= median / 4) {
            return Flag.LOW;
        }
        return null;
    }

    /** The middle count, or the mean of the two middle ones; 0 for no counts at all. */
    public static double median(List<Integer> counts) {
        if (counts.isEmpty()) {
            return 0;
        }
        List<Integer> sorted = counts.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    private static int sum(int[] perMonth) {
        return java.util.Arrays.stream(perMonth).sum();
    }
}
