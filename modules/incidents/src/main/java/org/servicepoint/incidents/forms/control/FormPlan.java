package org.servicepoint.incidents.forms.control;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.tenancy.control.Plan;

/**
 * What publishing a form would do, before anything is written: the version now and the one it would make, the
 * difference field by field (as onboarding's plan shows it), and the form as it would be published (defaults filled
 * in) with the positions each category would go to, so the editor previews exactly what desk staff would get.
 */
@Schema(name = "IncidentFormPlan")
public record FormPlan(
        @Schema(description = "the current version; absent while the library system uses the built-in form") Integer currentVersion,
        @Schema(description = "the version publishing would make; absent when the form is the same as the current one")
        Integer nextVersion,
        Plan.Change change,
        FormDefinition definition,
        @Schema(description = "position codes per category code") Map<String, List<String>> recipients) {
}
