package org.servicepoint.tenancy.control;

import jakarta.json.bind.annotation.JsonbTransient;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A library system as declared in a tenant file or sent to the admin API (see docs/tenant-config.md). */
@Schema(name = "Tenant", description = "A library system: settings, chain of command and branches, the shape of tenants/<slug>/tenant.yaml")
public record TenantSpec(
        @Schema(example = "riverbend", pattern = "^[a-z][a-z0-9-]{1,38}[a-z0-9]$") String slug,
        @Schema(example = "Riverbend Regional Library System") String name,
        @Schema(example = "America/Chicago") String timeZone,
        @Schema(example = "en-US") String locale,
        @Schema(enumeration = {"active", "suspended"}) String status,
        List<BranchSpec> branches,
        SettingsSpec settings,
        @Schema(description = "chain of command, lowest first") List<PositionSpec> positions,
        @Schema(description = "demonstration logins (files only; never read back)") List<DemoUserSpec> demoUsers,
        ChainOfCommandSpec chainOfCommand,
        @Schema(description = "the language of the texts when the locale's own has none (e.g. fr-CA); default en", example = "en")
        String fallbackLanguage) {

    public static final int DEFAULT_IDLE_LOCK_MINUTES = 5;

    /** The language whose texts a locale without its own catalogue gets when the document names none. */
    public static final String DEFAULT_FALLBACK_LANGUAGE = "en";

    public TenantSpec {
        branches = branches == null ? List.of() : List.copyOf(branches);
        positions = positions == null ? List.of() : List.copyOf(positions);
        demoUsers = demoUsers == null ? List.of() : List.copyOf(demoUsers);
    }

    public TenantSpec(String slug, String name, String timeZone, String locale, String status, List<BranchSpec> branches) {
        this(slug, name, timeZone, locale, status, branches, null, null, null, null, null);
    }

    public TenantSpec(String slug, String name, String timeZone, String locale, String status, List<BranchSpec> branches,
                      SettingsSpec settings, List<PositionSpec> positions, List<DemoUserSpec> demoUsers,
                      ChainOfCommandSpec chainOfCommand) {
        this(slug, name, timeZone, locale, status, branches, settings, positions, demoUsers, chainOfCommand, null);
    }

    public TenantSpec(String slug, String name, String timeZone, String locale, String status, List<BranchSpec> branches,
                      SettingsSpec settings, List<PositionSpec> positions, List<DemoUserSpec> demoUsers) {
        this(slug, name, timeZone, locale, status, branches, settings, positions, demoUsers, null, null);
    }

    /** The chain-of-command rules, with their defaults filled in. */
    @JsonbTransient
    public ChainOfCommandSpec effectiveChainOfCommand() {
        return new ChainOfCommandSpec(
                chainOfCommand == null || chainOfCommand.substitutesOnlyWithoutPermanentStaff() == null
                        || chainOfCommand.substitutesOnlyWithoutPermanentStaff(),
                chainOfCommand == null ? null : chainOfCommand.notifyWhenAbsent());
    }

    @JsonbTransient
    public String effectiveFallbackLanguage() {
        return fallbackLanguage == null ? DEFAULT_FALLBACK_LANGUAGE : fallbackLanguage;
    }

    @JsonbTransient
    public String effectiveStatus() {
        return status == null ? "active" : status;
    }

    @JsonbTransient
    public int idleLockMinutes() {
        return settings == null || settings.idleLockMinutes() == null ? DEFAULT_IDLE_LOCK_MINUTES : settings.idleLockMinutes();
    }

    /** Tenant-wide settings. */
    @Schema(name = "TenantSettings")
    public record SettingsSpec(
            @Schema(description = "minutes without input before the staff screen is cleared", example = "5") Integer idleLockMinutes) {
    }

    /** A rung of the chain of command, e.g. volunteer, library assistant, branch manager, and what it may do. */
    @Schema(name = "Position")
    public record PositionSpec(@Schema(example = "branch-manager") String code, @Schema(example = "Branch manager") String name,
                               @Schema(description = "permissions, e.g. be-in-charge, handle-difficult-situations") List<String> may) {
        public PositionSpec {
            may = may == null ? List.of() : may.stream().distinct().sorted().toList();
        }

        public PositionSpec(String code, String name) {
            this(code, name, List.of());
        }
    }

    /** Tenant-wide chain-of-command rules. */
    @Schema(name = "ChainOfCommand")
    public record ChainOfCommandSpec(Boolean substitutesOnlyWithoutPermanentStaff, String notifyWhenAbsent) {
    }

    /** A login for demonstrations and tests; its password is configuration, never a file. */
    @Schema(name = "DemoUser")
    public record DemoUserSpec(String username, String tagName, String position, String branch, List<String> roles) {
        public DemoUserSpec {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
