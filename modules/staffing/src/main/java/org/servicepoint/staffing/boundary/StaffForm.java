package org.servicepoint.staffing.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.staffing.control.RosterRules;
import org.servicepoint.staffing.control.StaffDetails;

/**
 * A roster entry as a form sends it. These checks are the first, cheap pass; the roster's rules check the
 * codes against the library system and normalise the tag name.
 */
@Schema(name = "StaffMemberForm", description = "A roster entry to add (POST) or to replace (PUT, with the version read)")
public record StaffForm(
        @Schema(description = "the name on the tag, chosen by the staff member; plain text, any script", example = "Zoë")
        @NotBlank @Size(max = RosterRules.TAG_NAME_MAX) String tagName,
        @Schema(description = "single sign-on username, if the person signs in", example = "zoe.k")
        @Pattern(regexp = "^$|^[a-z][a-z0-9._-]{2,39}$",
                message = "{staffing.username.format}")
        String username,
        @Schema(description = "a position code of the library system's chain of command", example = "library-assistant")
        @NotBlank @Size(max = 40) String position,
        @Schema(description = "a branch code of the library system", example = "PINE-HOLLOW")
        @NotBlank @Size(max = 16) String branch,
        @Schema(enumeration = {"permanent", "substitute", "volunteer", "page", "student-assistant"})
        @NotBlank @Pattern(regexp = "permanent|substitute|volunteer|page|student-assistant",
                message = "{staffing.employment-type.one-of}") String employmentType,
        @Schema(example = "2025-09-01") @NotNull LocalDate startsOn,
        @Schema(description = "last day on the roster, if known") LocalDate endsOn,
        @Schema(description = "the version you read; required to replace an entry, ignored when adding one")
        Long version,
        @Schema(description = "work email address; incident reports are mailed to it when the position receives them",
                example = "zoe@riverbend-library.example")
        @Size(max = RosterRules.EMAIL_MAX) String email,
        @Schema(description = "has an account in the library system's realm (needs an email address, for the invitation); "
                + "absent: no when adding, unchanged when replacing")
        Boolean maySignIn) {

    StaffDetails toControl() {
        return new StaffDetails(tagName, username, position, branch, employmentType, startsOn, endsOn, email);
    }
}
