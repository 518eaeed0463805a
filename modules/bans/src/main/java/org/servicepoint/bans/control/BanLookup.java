package org.servicepoint.bans.control;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The desk's answer: banned from computers here and now, and if so until when. Nothing else about the patron. */
@Schema(name = "ComputerUseBanLookup")
public record BanLookup(
        @Schema(description = "true when a ban is in force at the branch now") boolean banned,
        @Schema(description = "when the ban ends (library system's time); absent when not banned") OffsetDateTime endsAt,
        @Schema(enumeration = {"branch", "system"}, description = "absent when not banned") String scope,
        @Schema(description = "the branch asked about", example = "PINE-HOLLOW") String branch) {

    static BanLookup notBanned(String branch) {
        return new BanLookup(false, null, null, branch);
    }
}
