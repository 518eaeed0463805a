package org.servicepoint.incidents.forms.control;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of publishing a form: the version now current, and whether publishing made it. */
@Schema(name = "IncidentFormPublication")
public record Publication(@Schema(description = "false: the form was the same as the current version, nothing changed")
                          boolean changed, FormVersionSummary current) {
}
