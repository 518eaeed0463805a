package org.servicepoint.bans.entity;

import static org.servicepoint.platform.entity.StoredTime.stored;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.persistence.annotations.Customizer;
import org.servicepoint.platform.entity.NullableUuidConverter;
import org.servicepoint.platform.entity.NullableUuids;
import org.servicepoint.platform.entity.TenantRow;

/**
 * A patron's ban from the library's public computers, at one branch or at all of them, from a start to an end.
 * The patron is named only by a patron reference id. Once imposed, a ban never changes; a person in charge may
 * lift it early, once. Its status is worked out from the clock, so it ends by itself. The reasons for the ban and
 * for lifting it say things about the patron: they are kept sealed with the tenant's data key (confidentiality's
 * {@code SealedText}), bound to this row, and this entity only carries the sealed bytes.
 */
@Entity
@Table(name = "computer_use_ban")
@Customizer(NullableUuids.class)
public class ComputerUseBan extends TenantRow {

    @Column(name = "patron_reference_id", nullable = false)
    private UUID patronReferenceId;

    @Column(name = "incident_report_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID incidentReportId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BanScope scope;

    @Column(name = "branch_code")
    private String branchCode;

    @Column(name = "starts_at", nullable = false)
    private OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private OffsetDateTime endsAt;

    @Column(name = "reason", nullable = false)
    private byte[] sealedReason;

    @Column(name = "review_on")
    private LocalDate reviewOn;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "lifted_at")
    private OffsetDateTime liftedAt;

    @Column(name = "lifted_by")
    private String liftedBy;

    @Column(name = "lift_reason")
    private byte[] sealedLiftReason;

    @Version
    private long version;

    protected ComputerUseBan() {
    }

    /**
     * A new ban. The rules of what a person in charge may ask for (how long, which branch, what reason) are checked
     * before; these are the ones no ban may ever break.
     */
    public ComputerUseBan(UUID id, UUID patronReferenceId, UUID incidentReportId, BanScope scope, String branchCode, Instant startsAt,
                          Instant endsAt, byte[] sealedReason, LocalDate reviewOn, String createdBy, Instant createdAt) {
        super(Objects.requireNonNull(id, "id"));
        this.patronReferenceId = Objects.requireNonNull(patronReferenceId, "patron reference");
        this.incidentReportId = incidentReportId;
        this.scope = Objects.requireNonNull(scope, "scope");
        if ((scope == BanScope.BRANCH) != (branchCode != null && !branchCode.isBlank())) {
            throw new IllegalArgumentException("a branch ban names its branch, a library-system ban none");
        }
        this.branchCode = scope == BanScope.BRANCH ? branchCode : null;
        this.startsAt = stored(Objects.requireNonNull(startsAt, "start"));
        this.endsAt = stored(Objects.requireNonNull(endsAt, "end"));
        if (!this.endsAt.isAfter(this.startsAt)) {
            throw new IllegalArgumentException("a ban ends after it starts");
        }
        if (sealedReason == null || sealedReason.length == 0) {
            throw new IllegalArgumentException("a ban has a reason");
        }
        this.sealedReason = sealedReason.clone();
        this.reviewOn = reviewOn;
        this.createdBy = Objects.requireNonNull(createdBy, "created by");
        this.createdAt = stored(Objects.requireNonNull(createdAt, "created at"));
    }

    /** Where the ban stands at {@code now}. */
    public BanStatus statusAt(Instant now) {
        if (liftedAt != null) {
            return BanStatus.LIFTED;
        }
        if (now.isBefore(startsAt.toInstant())) {
            return BanStatus.UPCOMING;
        }
        return now.isBefore(endsAt.toInstant()) ? BanStatus.ACTIVE : BanStatus.ENDED;
    }

    /** Whether the desk at {@code branch} must refuse the patron a computer at {@code now}. */
    public boolean appliesAt(String branch, Instant now) {
        return statusAt(now) == BanStatus.ACTIVE && (scope == BanScope.SYSTEM || branchCode.equals(branch));
    }

    /** Ends the ban early. Only an upcoming or active ban can be lifted, and only once. */
    public void lift(Instant at, String by, byte[] sealedWhy) {
        BanStatus status = statusAt(at);
        if (status == BanStatus.LIFTED || status == BanStatus.ENDED) {
            throw new IllegalStateException("ban " + id() + " is " + status.name().toLowerCase(Locale.ROOT) + " already");
        }
        if (by == null || by.isBlank() || sealedWhy == null || sealedWhy.length == 0) {
            throw new IllegalArgumentException("lifting says who and why");
        }
        this.liftedAt = stored(at);
        this.liftedBy = by;
        this.sealedLiftReason = sealedWhy.clone();
    }

    public UUID patronReferenceId() { return patronReferenceId; }
    public UUID incidentReportId() { return incidentReportId; }
    public BanScope scope() { return scope; }
    public String branchCode() { return branchCode; }
    public OffsetDateTime startsAt() { return startsAt; }
    public OffsetDateTime endsAt() { return endsAt; }
    public byte[] sealedReason() { return sealedReason.clone(); }
    public LocalDate reviewOn() { return reviewOn; }
    public OffsetDateTime createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public OffsetDateTime liftedAt() { return liftedAt; }
    public String liftedBy() { return liftedBy; }
    public byte[] sealedLiftReason() { return sealedLiftReason == null ? null : sealedLiftReason.clone(); }
    public long version() { return version; }
}
