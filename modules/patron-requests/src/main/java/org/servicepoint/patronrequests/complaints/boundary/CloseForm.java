package org.servicepoint.patronrequests.complaints.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Closing a complaint, with an optional note (kept sealed). */
@Schema(name = "ComplaintCloseForm")
public record CloseForm(@Schema(description = "plain text (at most 500 characters)") @Size(max = 1000) String note) {
}
