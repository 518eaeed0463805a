package org.servicepoint.patronrequests.cards.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What staff send when they handle a comment card. */
public final class CardForms {

    private CardForms() {
    }

    @Schema(name = "CommentCardReply")
    public record Reply(@Schema(description = "the answer to the patron, plain text (at most 4000 characters)")
                        @NotBlank @Size(max = 4000) String text) {
    }

    @Schema(name = "CommentCardForward")
    public record Forward(@Schema(description = "the key of the policy whose owner should see the card", example = "food-and-drink")
                          @NotBlank @Size(max = 80) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$") String policy) {
    }

    @Schema(name = "CommentCardToComplaint")
    public record ToComplaint(@Schema(description = "the key of the policy the complaint is about (optional)")
                              @Size(max = 80) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$") String policy,
                              @Schema(description = "what the patron asks for, plain text (optional, at most 1000 characters)")
                              @Size(max = 1000) String asks) {
    }

    /** For the steps that need nothing more than the card ({@code {}}). */
    @Schema(name = "CommentCardStepForm")
    public record Nothing() {
    }
}
