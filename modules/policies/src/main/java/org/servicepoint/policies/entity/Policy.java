package org.servicepoint.policies.entity;

import static org.servicepoint.platform.entity.StoredTime.stored;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/**
 * One policy of a library system, named by its key. It keeps what may change in place: category, strict or
 * flexible (with why, or with the limits of exceptions and who may grant them), owner position, the positions it
 * applies to, and which version of its words is current. The words live in {@link PolicyVersion}s. A policy is
 * never deleted. The Scale of Yes is kept here whatever code sets it: strict means a reason and no exceptions.
 */
@Entity
@Table(name = "policy")
public class Policy extends TenantRow {

    @Column(name = "policy_key", nullable = false, updatable = false)
    private String key;

    @Column(nullable = false)
    private String category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Strictness strictness;

    @Column(name = "strict_why")
    private String strictWhy;

    @Column(name = "exception_limits")
    private String exceptionLimits;

    @Column(name = "exceptions_by", nullable = false)
    private String exceptionsBy;

    @Column(name = "owner_position", nullable = false)
    private String ownerPosition;

    @Column(name = "applies_to", nullable = false)
    private String appliesTo;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Policy() {
    }

    /** A new policy whose first version is written beside it. */
    public Policy(UUID id, String key, Settings settings, Instant now) {
        super(Objects.requireNonNull(id, "id"));
        if (key == null || !key.matches("[a-z][a-z0-9-]{0,59}")) {
            throw new IllegalArgumentException("a policy key is lower-case letters, digits and dashes: " + key);
        }
        this.key = key;
        this.currentVersion = 1;
        this.createdAt = stored(now);
        settle(settings, now);
    }

    /**
     * What may change in place. Strict: {@code strictWhy} and no limits or approvers; flexible: {@code exceptionLimits},
     * and the positions that may approve (empty: any position with the permission).
     */
    public record Settings(PolicyCategory category, Strictness strictness, String strictWhy, String exceptionLimits,
                           List<String> exceptionsBy, String ownerPosition, List<String> appliesTo) {

        public Settings {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(strictness, "strictness");
            if (ownerPosition == null || ownerPosition.isBlank()) {
                throw new IllegalArgumentException("a policy has an owner position");
            }
            exceptionsBy = exceptionsBy == null ? List.of() : List.copyOf(exceptionsBy);
            appliesTo = appliesTo == null ? List.of() : List.copyOf(appliesTo);
            boolean strict = strictness == Strictness.STRICT;
            if (strict != (strictWhy != null && !strictWhy.isBlank())) {
                throw new IllegalArgumentException("a strict policy, and only a strict one, says why it allows no exceptions");
            }
            if (strict == (exceptionLimits != null && !exceptionLimits.isBlank()) || strict && !exceptionsBy.isEmpty()) {
                throw new IllegalArgumentException("a flexible policy, and only a flexible one, states the limits of exceptions");
            }
        }
    }

    /** Takes the settings as given; the caller audits the change. */
    public void settle(Settings settings, Instant now) {
        this.category = settings.category().wire();
        this.strictness = settings.strictness();
        this.strictWhy = settings.strictWhy();
        this.exceptionLimits = settings.exceptionLimits();
        this.exceptionsBy = String.join(",", settings.exceptionsBy());
        this.ownerPosition = settings.ownerPosition();
        this.appliesTo = String.join(",", settings.appliesTo());
        this.updatedAt = stored(now);
    }

    /** The number the next version gets, made current. */
    public int nextVersion(Instant now) {
        currentVersion++;
        updatedAt = stored(now);
        return currentVersion;
    }

    public Settings settings() {
        return new Settings(category(), strictness, strictWhy, exceptionLimits, exceptionsBy(), ownerPosition, appliesTo());
    }

    public String key() { return key; }
    public PolicyCategory category() { return PolicyCategory.ofWire(category); }
    public Strictness strictness() { return strictness; }
    public String strictWhy() { return strictWhy; }
    public String exceptionLimits() { return exceptionLimits; }
    public List<String> exceptionsBy() { return codes(exceptionsBy); }
    public String ownerPosition() { return ownerPosition; }
    public List<String> appliesTo() { return codes(appliesTo); }
    public int currentVersion() { return currentVersion; }
    public Instant createdAt() { return createdAt.toInstant(); }
    public Instant updatedAt() { return updatedAt.toInstant(); }

    /** Whether a holder of {@code position} is asked to acknowledge it: everyone when it names no positions. */
    public boolean appliesTo(String position) {
        List<String> positions = appliesTo();
        return positions.isEmpty() || positions.contains(position);
    }

    private static List<String> codes(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
