package org.servicepoint.incidents.forms.control;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One published version of a form, without its definition. */
@Schema(name = "IncidentFormVersion")
public record FormVersionSummary(int version, String hash, String source, OffsetDateTime publishedAt, String publishedBy) {
}
