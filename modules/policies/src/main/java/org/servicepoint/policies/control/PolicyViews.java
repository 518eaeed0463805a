package org.servicepoint.policies.control;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.policies.entity.PolicyVersion;

/** What the policies API answers: records made from the entities, never the entities themselves. */
public final class PolicyViews {

    private PolicyViews() {
    }

    /** A policy in the library's list (and a search hit: then with a snippet). */
    @Schema(name = "PolicyListing")
    @JsonbPropertyOrder({"key", "title", "category", "strictness", "summary", "version", "effectiveOn", "snippet",
            "acknowledgement"})
    public record Listing(String key, String title, String category,
                          @Schema(enumeration = {"strict", "flexible"}) String strictness,
                          @Schema(description = "the beginning of the text") String summary, int version, LocalDate effectiveOn,
                          @Schema(description = "only with q: plain text around the matched words") String snippet,
                          @Schema(enumeration = {"current", "needed", "not-applicable"}) String acknowledgement) {
    }

    @Schema(name = "PolicyPosition")
    @JsonbPropertyOrder({"code", "name"})
    public record Position(String code, String name) {
    }

    /** One version of the words, in full. */
    @Schema(name = "PolicyVersion")
    @JsonbPropertyOrder({"version", "title", "text", "reason", "approvedBy", "approvedOn", "effectiveOn"})
    public record Version(int version, String title, String text, String reason, String approvedBy, LocalDate approvedOn,
                          LocalDate effectiveOn) {

        static Version of(PolicyVersion v) {
            return new Version(v.version(), v.title(), v.text(), v.reason(), v.approvedBy(), v.approvedOn(), v.effectiveOn());
        }
    }

    /** One version in the history list. */
    @Schema(name = "PolicyVersionEntry")
    @JsonbPropertyOrder({"version", "title", "approvedBy", "approvedOn", "effectiveOn"})
    public record VersionEntry(int version, String title, String approvedBy, LocalDate approvedOn, LocalDate effectiveOn) {

        static VersionEntry of(PolicyVersion v) {
            return new VersionEntry(v.version(), v.title(), v.approvedBy(), v.approvedOn(), v.effectiveOn());
        }
    }

    /** The caller's acknowledgement: of which version, when (absent when none of the current version). */
    @Schema(name = "PolicyAcknowledgementStatus")
    @JsonbPropertyOrder({"status", "version", "at"})
    public record Acknowledgement(@Schema(enumeration = {"current", "needed", "not-applicable"}) String status,
                                  Integer version, Instant at) {
    }

    /** A policy in full. */
    @Schema(name = "Policy")
    @JsonbPropertyOrder({"key", "category", "strictness", "strictWhy", "exceptionLimits", "exceptionsBy", "owner", "appliesTo",
            "current", "versions", "acknowledgement"})
    public record Detail(String key, String category, @Schema(enumeration = {"strict", "flexible"}) String strictness,
                         @Schema(description = "strict only: why no exception is made") String strictWhy,
                         @Schema(description = "flexible only: how far an exception may go") String exceptionLimits,
                         @Schema(description = "flexible only: positions that may approve an exception") List<Position> exceptionsBy,
                         Position owner,
                         @Schema(description = "position codes asked to acknowledge it; empty: everyone") List<String> appliesTo,
                         Version current, List<VersionEntry> versions, Acknowledgement acknowledgement) {
    }

    /** The word-level difference of one field between two versions. */
    @Schema(name = "PolicyFieldDifference")
    @JsonbPropertyOrder({"field", "parts"})
    public record FieldDifference(@Schema(enumeration = {"title", "text", "reason", "approval"}) String field,
                                  List<WordDiff.Part> parts) {
    }

    @Schema(name = "PolicyDifference")
    @JsonbPropertyOrder({"from", "to", "fields"})
    public record Difference(int from, int to, @Schema(description = "only the fields that changed") List<FieldDifference> fields) {
    }

    /** An acknowledgement given. */
    @Schema(name = "PolicyAcknowledged")
    @JsonbPropertyOrder({"version", "at"})
    public record Acknowledged(int version, Instant at) {
    }

    /** A staff member who has not acknowledged the current version. */
    @Schema(name = "PolicyOutstanding")
    @JsonbPropertyOrder({"staffId", "tagName", "branch", "position"})
    public record Outstanding(UUID staffId, String tagName, String branch, String position) {
    }

    /** Who has and who has not acknowledged a policy's current version, among the staff the caller sees. */
    @Schema(name = "PolicyAcknowledgementOverview")
    @JsonbPropertyOrder({"key", "title", "version", "acknowledged", "outstanding"})
    public record Overview(String key, String title, int version, int acknowledged, List<Outstanding> outstanding) {
    }
}
