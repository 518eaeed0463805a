package org.servicepoint.policies.exceptions.control;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.staffing.control.StaffRecord;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * The consistency report for headquarters: exceptions on record per policy (with a count per month), per branch and
 * per approving staff member over a range of days, with those far from the median flagged and the policies that are
 * candidates for change marked. The rules are {@link ConsistencyFigures}'s.
 */
@Schema(name = "PolicyExceptionConsistency")
@JsonbPropertyOrder({"from", "to", "months", "policies", "branches", "staff", "medians"})
public record ConsistencyReport(
        @Schema(description = "first day counted, in the library system's time") LocalDate from,
        @Schema(description = "last day counted, included") LocalDate to,
        @Schema(description = "the months of the range, oldest first; perMonth follows this order", example = "[\"2026-01\"]")
        List<String> months,
        @Schema(description = "policies with at least one exception, the most first") List<PolicyLine> policies,
        @Schema(description = "every branch of the library system, those without exceptions with 0") List<BranchLine> branches,
        @Schema(description = "staff who approved at least one exception, the most first") List<StaffLine> staff,
        Medians medians) {

    /** The figures with names: policy titles by key, branch names from the outline, tag names and branches from the roster. */
    static ConsistencyReport of(ConsistencyFigures.Figures f, TenantOutline library, Map<String, String> titles,
                                Map<UUID, StaffRecord> roster) {
        return new ConsistencyReport(f.from(), f.to(), f.months().stream().map(YearMonth::toString).toList(),
                f.policies().stream().map(p -> new PolicyLine(p.policy(), titles.getOrDefault(p.policy(), p.policy()), p.count(),
                        p.perMonth(), p.candidateForChange())).toList(),
                f.branches().stream().map(b -> new BranchLine(b.key(), library.branchName(b.key()), b.count(), wire(b.flag()))).toList(),
                f.staff().stream().map(s -> {
                    StaffRecord member = roster.get(s.key());
                    return new StaffLine(s.key(), member == null ? null : member.tagName(), member == null ? null : member.branch(),
                            s.count(), wire(s.flag()));
                }).toList(),
                new Medians(f.branchMedian(), f.staffMedian()));
    }

    private static String wire(ConsistencyFigures.Flag flag) {
        return flag == null ? null : flag.wire();
    }

    @Schema(name = "PolicyExceptionConsistencyPolicy")
    @JsonbPropertyOrder({"key", "title", "count", "perMonth", "candidateForChange"})
    public record PolicyLine(String key, String title, int count, List<Integer> perMonth,
                             @Schema(description = "the most exceptions of all policies, at least five and one a month on average")
                             boolean candidateForChange) {
    }

    @Schema(name = "PolicyExceptionConsistencyBranch")
    @JsonbPropertyOrder({"code", "name", "count", "flag"})
    public record BranchLine(String code, String name, int count,
                             @JsonbNillable @Schema(enumeration = {"high", "low"}, description = "far from the median; null when near it")
                             String flag) {
    }

    @Schema(name = "PolicyExceptionConsistencyStaff")
    @JsonbPropertyOrder({"staffId", "tagName", "branch", "count", "flag"})
    public record StaffLine(UUID staffId, String tagName, @Schema(description = "their branch on the roster now") String branch,
                            int count, @JsonbNillable @Schema(enumeration = {"high", "low"}, description = "far from the median; null when near it")
                            String flag) {
    }

    @Schema(name = "PolicyExceptionConsistencyMedians")
    @JsonbPropertyOrder({"branch", "staff"})
    public record Medians(@Schema(description = "median count of the branches") double branch,
                          @Schema(description = "median count of the staff listed") double staff) {
    }
}
