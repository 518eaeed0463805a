package org.servicepoint.bans.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.bans.entity.BanStatus;
import org.servicepoint.bans.entity.ComputerUseBan;
import org.servicepoint.confidentiality.control.TextSeal;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * A ban as persons in charge, headquarters and tenant administrators see it. Times are in the library system's
 * time zone; the status is the one at the moment of asking. The reason is plain text exactly as typed (stored
 * sealed, opened here): show it as text, never as markup.
 */
@Schema(name = "ComputerUseBan")
public record BanView(
        UUID id,
        @Schema(enumeration = {"upcoming", "active", "ended", "lifted"}) String status,
        @Schema(description = "the patron, as a patron reference id (never a card number or a name)") UUID patronReferenceId,
        @Schema(description = "the incident report the ban follows from, if any") UUID incidentReportId,
        @Schema(enumeration = {"branch", "system"}) String scope,
        @Schema(description = "branch code, for a branch ban", example = "PINE-HOLLOW") String branch,
        String branchName,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        @Schema(description = "plain text as typed; show it as text") String reason,
        @Schema(description = "when a person in charge should look at the ban again") LocalDate reviewOn,
        @Schema(description = "the review date has come and the ban is in force") boolean reviewDue,
        OffsetDateTime createdAt,
        @Schema(description = "username of who imposed it") String createdBy,
        OffsetDateTime liftedAt,
        String liftedBy,
        String liftReason,
        @Schema(description = "send it back when lifting to be sure nobody changed the ban meanwhile") long version) {

    /** The ban with its reasons opened ({@code seal} opens them for this tenant). */
    static BanView of(ComputerUseBan ban, TenantOutline library, Instant now, TextSeal seal) {
        ZoneId zone = library.zone();
        BanStatus status = ban.statusAt(now);
        boolean reviewDue = status == BanStatus.ACTIVE && ban.reviewOn() != null
                && !ban.reviewOn().isAfter(LocalDate.ofInstant(now, zone));
        return new BanView(ban.id(), wire(status), ban.patronReferenceId(), ban.incidentReportId(), wire(ban.scope()),
                ban.branchCode(), ban.branchCode() == null ? null : library.branchName(ban.branchCode()),
                local(ban.startsAt(), zone), local(ban.endsAt(), zone), BanStore.reasonOf(seal, ban), ban.reviewOn(), reviewDue,
                local(ban.createdAt(), zone), ban.createdBy(), local(ban.liftedAt(), zone), ban.liftedBy(), BanStore.liftReasonOf(seal, ban),
                ban.version());
    }

    static OffsetDateTime local(OffsetDateTime time, ZoneId zone) {
        return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
