package org.servicepoint.incidents.reports.control;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.incidents.forms.control.FormDefinition;
import org.servicepoint.incidents.forms.entity.Times;

/**
 * One incident report as the API shows it, with what the reporter needs while writing it: the questions of its
 * form version, the guidance for its category, and which required answers are still missing. Times are in the
 * library system's time zone.
 */
@Schema(name = "IncidentReport")
public record ReportView(
        UUID id,
        @Schema(enumeration = {"draft", "submitted", "countersigned", "distributed", "acknowledged", "closed"}) String status,
        @Schema(example = "accident-injury") String category,
        @Schema(example = "Accident or injury") String categoryTitle,
        @Schema(example = "PINE-HOLLOW") String branch,
        String branchName,
        OffsetDateTime occurredAt,
        @Schema(description = "the form version the report is written on") int formVersion,
        String formHash,
        Person reporter,
        @Schema(description = "answers by field key: strings, numbers, true/false, lists of choices; staff members by roster id",
                type = SchemaType.OBJECT) Map<String, Object> answers,
        @Schema(description = "tag names of the staff members the answers name, by roster id") Map<String, String> staffMembers,
        @Schema(description = "patron reference ids (from /api/patron-references); never card numbers or names")
        List<UUID> patronReferences,
        VerbalReport verbalReport,
        List<Addendum> addenda,
        List<Signature> signatures,
        Steps steps,
        @Schema(description = "the questions, in order: the form's own, then the category's") List<FormDefinition.Field> questions,
        @Schema(description = "what to do and not to do, for this kind of incident") List<String> guidance,
        @Schema(description = "keys of required questions not answered yet") List<String> missing,
        @Schema(description = "position codes that receive this report") List<String> recipients,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime submittedAt,
        OffsetDateTime countersignedAt,
        OffsetDateTime distributedAt,
        OffsetDateTime acknowledgedAt,
        OffsetDateTime closedAt,
        @Schema(description = "what you may do with the report now, for screens to offer; each is checked again when done",
                enumeration = {"edit", "sign", "countersign", "add-addendum", "acknowledge", "close", "retry-deliveries"})
        List<String> actions,
        @Schema(description = "send it back when signing: a report changed since you read it is not signed (409)") long version) {

    /** A person as the report names them: username for the record, tag name to show, position at the time. */
    @Schema(name = "IncidentPerson")
    public record Person(String username, String tagName, String position, String positionName) {
    }

    /** The call to headquarters. */
    @Schema(name = "IncidentVerbalReport")
    public record VerbalReport(@Schema(description = "who called") String calledBy,
                               @Schema(description = "whom they reached at headquarters") String calledTo,
                               OffsetDateTime calledAt, String note, @Schema(description = "username of who recorded it") String recordedBy) {
    }

    @Schema(name = "IncidentAddendum")
    public record Addendum(int seq, String text, Person author, OffsetDateTime createdAt, int signatureSeq) {
    }

    @Schema(name = "IncidentSignature")
    public record Signature(int seq, @Schema(enumeration = {"reporter", "countersignature", "addendum", "acknowledgement"}) String kind,
                           Person signer, OffsetDateTime signedAt,
                           @Schema(description = "SHA-256 of the report's canonical content as signed") String contentHash,
                           @Schema(description = "hash of the signature before (64 zeros for the first)") String previousHash,
                           @Schema(description = "SHA-256 of this signature") String hash) {
    }

    /** What this category asks for, and what is done. */
    @Schema(name = "IncidentSteps")
    public record Steps(boolean verbalReportRequired, boolean verbalReportRecorded, boolean countersignatureRequired,
                        boolean countersigned, boolean readyForDistribution, boolean distributed, boolean acknowledged,
                        boolean closed) {
    }
}
