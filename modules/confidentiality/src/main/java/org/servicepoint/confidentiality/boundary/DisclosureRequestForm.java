package org.servicepoint.confidentiality.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.confidentiality.control.NewDisclosure;

/** What the desk writes down when police or an administrator asks for patron information. */
@Schema(name = "DisclosureRequestForm")
public record DisclosureRequestForm(
        @Schema(description = "who asked") @NotBlank @Size(max = NewDisclosure.NAME_MAX) String requesterName,
        @Schema(description = "for whom they asked", example = "County Sheriff's Office")
        @NotBlank @Size(max = NewDisclosure.ORGANISATION_MAX) String requesterOrganisation,
        @Schema(enumeration = {"none-stated", "warrant", "subpoena", "court-order", "other"})
        @NotBlank @Pattern(regexp = "none-stated|warrant|subpoena|court-order|other") String authority,
        @Schema(description = "the authority as shown or described; required for 'other'")
        @Size(max = NewDisclosure.AUTHORITY_TEXT_MAX) String authorityText,
        @Schema(description = "what was asked for") @NotBlank @Size(max = NewDisclosure.REQUEST_TEXT_MAX) String requestText,
        @Schema(description = "the patron concerned, if known (from a patron reference lookup)") UUID patronReferenceId) {

    NewDisclosure toControl() {
        return new NewDisclosure(requesterName, requesterOrganisation, authority, authorityText, requestText, patronReferenceId);
    }
}
