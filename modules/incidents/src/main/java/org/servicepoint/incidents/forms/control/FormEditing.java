package org.servicepoint.incidents.forms.control;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a tenant administrator's editing starts: the current form, and the positions a category may be sent to. */
@Schema(name = "IncidentFormEditing")
public record FormEditing(FormView current, List<Recipient> positions) {

    /** A position of the chain of command; {@code receivesReports}: it is among the default recipients. */
    @Schema(name = "IncidentFormRecipient")
    public record Recipient(String code, String name, boolean receivesReports) {
    }
}
