package org.servicepoint.patronrequests.complaints.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.patronrequests.complaints.control.NewComplaint;
import org.servicepoint.patronrequests.control.PatronContact;

/**
 * A complaint as staff record it. The sizes here bound what is read; the exact limits (after line breaks are made
 * {@code \n}) are the control's: about 2000, asks 1000 characters.
 */
@Schema(name = "ComplaintForm")
public record ComplaintForm(
        @Schema(description = "where it was made; your own branch if left out", example = "PINE-HOLLOW")
        @Size(max = 16) @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{0,15}$") String branch,
        @Schema(enumeration = {"in-person", "phone", "email", "comment-card"}) @NotBlank @Size(max = 20) String channel,
        @Schema(description = "what the complaint is about, plain text (at most 2000 characters)") @NotBlank @Size(max = 4000) String about,
        @Schema(description = "the key of the policy it is about", example = "overdue-fines") @Size(max = 60) String policy,
        @Schema(description = "what the patron asks for, plain text (at most 1000 characters)") @Size(max = 2000) String asks,
        @Schema(description = "how to reach the patron, if they want an answer") @Valid Contact contact,
        @Schema(description = "the comment card it came from") UUID commentCard,
        @Schema(description = "sent again with the same key, the complaint already recorded is answered") @Size(max = 100) String key) {

    /** How the patron asked to be reached: an email address or a phone number at least. */
    @Schema(name = "ComplaintContact")
    public record Contact(@Size(max = 120) String name, @Size(max = 254) String email, @Size(max = 40) String phone,
                          @Schema(enumeration = {"en", "es"}) @Size(max = 5) String language) {
    }

    NewComplaint toControl() {
        PatronContact patron = contact == null ? null : new PatronContact(contact.name(), contact.email(), contact.phone(), contact.language());
        return new NewComplaint(branch, channel, about, policy, asks, patron, null, commentCard, key);
    }
}
