package org.servicepoint.policies.exceptions.control;

import java.util.UUID;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Someone on the roster today whose position may approve an exception to a policy: a choice for {@code approvedBy}. */
@Schema(name = "PolicyExceptionApproverChoice")
@JsonbPropertyOrder({"staffId", "tagName", "position", "positionName", "branch", "branchName"})
public record ApproverChoice(UUID staffId, String tagName, @Schema(example = "branch-manager") String position, String positionName,
                             @Schema(example = "PINE-HOLLOW") String branch, String branchName) {
}
