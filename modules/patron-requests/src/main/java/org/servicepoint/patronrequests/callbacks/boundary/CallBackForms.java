package org.servicepoint.patronrequests.callbacks.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.patronrequests.callbacks.control.NewCallBack;
import org.servicepoint.patronrequests.control.PatronContact;

/** What the call-back API reads; sizes are bounded here, the rules are checked by the control. */
public final class CallBackForms {

    private CallBackForms() {
    }

    @Schema(name = "CallBackOffer")
    public record Offer(@Schema(example = "PINE-HOLLOW") @Size(max = 16) String branch,
                 @Schema(description = "what the patron asked, plain text, at most 1000 characters") @Size(max = 4000) String question,
                 @Valid ContactForm contact,
                 @Schema(description = "optional retry key: the same key again answers the call-back already offered") @Size(max = 64)
                 String key) {

        public NewCallBack toControl() {
            return new NewCallBack(branch, question, contact == null ? null : contact.toControl(), key);
        }
    }

    @Schema(name = "CallBackContactForm", description = "a phone number or an email address is needed")
    public record ContactForm(@Size(max = 200) String name, @Size(max = 300) String email, @Size(max = 60) String phone,
                       @Schema(enumeration = {"en", "es"}) @Size(max = 5) String language) {

        public PatronContact toControl() {
            return new PatronContact(name, email, phone, language == null ? "en" : language);
        }
    }

    @Schema(name = "CallBackAttempt")
    public record Attempt(@Schema(enumeration = {"no-answer", "left-message", "done"}) @Size(max = 20) String outcome) {
    }

    @Schema(name = "CallBackHandOver")
    public record HandOver(@Schema(description = "the roster id of the staff member taking it over") UUID to) {
    }
}
