package org.servicepoint.bans.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The desk's question. The card number travels in the body: a URL ends up in logs and browser histories. */
@Schema(name = "ComputerUseBanLookupForm")
public record LookupForm(
        @Schema(description = "library card number as typed or scanned", example = "2 1234 00567 8901") @NotBlank @Size(max = 100)
        String cardNumber,
        @Schema(description = "branch asked about; your own branch if left out", example = "PINE-HOLLOW")
        @Size(max = 16) @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{0,15}$", message = "{bans.branch.code}") String branch) {
}
