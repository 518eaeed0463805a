package org.servicepoint.staffing.control;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One person on the roster as the API shows them: the tag name they chose, never a legal name. */
@Schema(name = "StaffMember", description = "A person on the library system's roster")
@JsonbPropertyOrder({"id", "tagName", "username", "position", "positionName", "branch", "branchName", "employmentType",
        "startsOn", "endsOn", "active", "email", "maySignIn", "version"})
public record StaffRecord(
        UUID id,
        @Schema(description = "the name on the name tag, chosen by the staff member", example = "José") String tagName,
        @Schema(description = "single sign-on username; absent for people who never sign in", example = "jose.n")
        String username,
        @Schema(example = "library-assistant") String position,
        @Schema(example = "Library assistant") String positionName,
        @Schema(example = "PINE-HOLLOW") String branch,
        @Schema(example = "Pine Hollow Branch") String branchName,
        @Schema(enumeration = {"permanent", "substitute", "volunteer", "page", "student-assistant"}) String employmentType,
        @Schema(example = "2024-09-01") LocalDate startsOn,
        @Schema(description = "last day on the roster; absent while employed") LocalDate endsOn,
        @Schema(description = "on the roster today (started, not yet ended)") boolean active,
        @Schema(description = "send it back with a change; a stale version is refused with 409") long version,
        @Schema(description = "work email address, where incident reports are mailed") String email,
        @Schema(description = "has an account in the library system's realm and may sign in") boolean maySignIn) {

    public StaffRecord(UUID id, String tagName, String username, String position, String positionName, String branch,
                       String branchName, String employmentType, LocalDate startsOn, LocalDate endsOn, boolean active,
                       long version, String email) {
        this(id, tagName, username, position, positionName, branch, branchName, employmentType, startsOn, endsOn, active,
                version, email, false);
    }

    public StaffRecord(UUID id, String tagName, String username, String position, String positionName, String branch,
                       String branchName, String employmentType, LocalDate startsOn, LocalDate endsOn, boolean active,
                       long version) {
        this(id, tagName, username, position, positionName, branch, branchName, employmentType, startsOn, endsOn, active,
                version, null);
    }

    /** The editable part, to compare with what someone sends. */
    @JsonbTransient
    public StaffDetails details() {
        return new StaffDetails(tagName, username, position, branch, employmentType, startsOn, endsOn, email);
    }
}
