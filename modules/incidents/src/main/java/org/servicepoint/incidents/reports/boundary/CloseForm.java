package org.servicepoint.incidents.reports.boundary;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Closing a report: the version read, so a report that changed meanwhile is looked at again first. */
@Schema(name = "IncidentCloseForm")
public record CloseForm(@Schema(description = "the report's version as you read it") @NotNull Long version) {
}
