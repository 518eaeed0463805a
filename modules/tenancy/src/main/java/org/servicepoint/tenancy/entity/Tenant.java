package org.servicepoint.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.servicepoint.platform.entity.RowTimes;
import org.servicepoint.platform.entity.TenantId;

/**
 * A library system. The registry of tenants is platform data (it has no owner tenant); every row a
 * library system owns carries its slug as {@code tenant_id}.
 */
@Entity
@Table(name = "tenant")
public class Tenant {

    public enum Status { ACTIVE, SUSPENDED }

    @Id
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(nullable = false)
    private String locale;

    @Column(nullable = false)
    private String status;

    @Column(name = "fallback_language", nullable = false)
    private String fallbackLanguage = "en";

    @Column(name = "idle_lock_minutes", nullable = false)
    private int idleLockMinutes = 5;

    @Column(name = "substitutes_only_without_permanent", nullable = false)
    private boolean substitutesOnlyWithoutPermanentStaff = true;

    @Column(name = "notify_when_absent")
    private String notifyWhenAbsent;

    @Embedded
    private RowTimes times;

    @Version
    private long version;

    protected Tenant() {
    }

    public Tenant(TenantId id, String name, ZoneId timeZone, Locale locale, Status status) {
        this.slug = id.value();
        this.times = RowTimes.now();
        change(name, timeZone, locale, status);
    }

    public void change(String name, ZoneId timeZone, Locale locale, Status status) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a library system needs a name");
        }
        this.name = name.strip();
        this.timeZone = timeZone.getId();
        this.locale = locale.toLanguageTag();
        this.status = status.name();
        this.times = times.touched();
    }

    /** Suspends or resumes the library system; nothing else about it changes. */
    public void changeStatus(Status status) {
        this.status = status.name();
        this.times = times.touched();
    }

    public void lockIdleScreensAfter(int minutes) {
        if (minutes < 1 || minutes > 240) {
            throw new IllegalArgumentException("idle lock must be between 1 and 240 minutes");
        }
        this.idleLockMinutes = minutes;
    }

    /** The language whose texts are used when the locale's own language has none (a locale such as fr-CA). */
    public void fallBackTo(String language) {
        if (language == null || !language.matches("^[a-z]{2,3}$")) {
            throw new IllegalArgumentException("not a language code: " + language);
        }
        this.fallbackLanguage = language;
    }

    /** The chain-of-command rules of this library system (positions are checked by the caller). */
    public void ruleChainOfCommand(boolean substitutesOnlyWithoutPermanent, String positionToNotifyWhenAbsent) {
        this.substitutesOnlyWithoutPermanentStaff = substitutesOnlyWithoutPermanent;
        this.notifyWhenAbsent = positionToNotifyWhenAbsent;
    }

    public boolean substitutesOnlyWithoutPermanentStaff() { return substitutesOnlyWithoutPermanentStaff; }
    public String notifyWhenAbsent() { return notifyWhenAbsent; }
    public int idleLockMinutes() { return idleLockMinutes; }
    public TenantId id() { return TenantId.of(slug); }
    public String slug() { return slug; }
    public String name() { return name; }
    public ZoneId timeZone() { return ZoneId.of(timeZone); }
    public Locale locale() { return Locale.forLanguageTag(locale); }
    public String fallbackLanguage() { return fallbackLanguage; }
    public Status status() { return Status.valueOf(status); }
    public Instant createdAt() { return times.createdAt(); }
    public Instant updatedAt() { return times.updatedAt(); }
    public long version() { return version; }
}
