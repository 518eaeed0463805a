package org.servicepoint.confidentiality.boundary;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The id by which features point at a patron without holding the patron's data. */
@Schema(name = "PatronReferenceId")
public record PatronReferenceId(UUID id) {
}
