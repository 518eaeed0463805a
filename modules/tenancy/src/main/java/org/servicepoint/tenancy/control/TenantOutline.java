package org.servicepoint.tenancy.control;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.servicepoint.platform.control.Messages;

/**
 * A library system without its hours, desks and closures: what callers need who only name branches and check
 * positions (incident reports read it on every request). See {@link TenantDirectory#outline}. It is the one view
 * every other context builds its own small picture of a library system from.
 */
public record TenantOutline(String slug, String name, String timeZone, String locale, String status, List<BranchName> branches,
                            List<TenantSpec.PositionSpec> positions, String fallbackLanguage) {

    public TenantOutline {
        branches = List.copyOf(branches);
        positions = List.copyOf(positions);
        fallbackLanguage = fallbackLanguage == null ? TenantSpec.DEFAULT_FALLBACK_LANGUAGE : fallbackLanguage;
    }

    public TenantOutline(String slug, String name, String timeZone, String locale, String status, List<BranchName> branches,
                         List<TenantSpec.PositionSpec> positions) {
        this(slug, name, timeZone, locale, status, branches, positions, null);
    }

    /** A branch by code, with its display name; ordered by code. */
    public record BranchName(String code, String name, boolean headquarters) {
    }

    /** The outline of a whole document (branches and positions in the document's order). */
    public static TenantOutline of(TenantSpec spec) {
        return new TenantOutline(spec.slug(), spec.name(), spec.timeZone(), spec.locale(), spec.status(),
                spec.branches().stream().map(b -> new BranchName(b.code(), b.name(), b.isHeadquarters())).toList(),
                spec.positions(), spec.effectiveFallbackLanguage());
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The locale texts for this library system are written in: its own, or its fallback language (see Messages.textLocale). */
    public Locale language() {
        return Messages.textLocale(Locale.forLanguageTag(locale), fallbackLanguage);
    }

    /** Branch names by code, in the outline's order. */
    public Map<String, String> branchNames() {
        Map<String, String> names = new LinkedHashMap<>();
        branches.forEach(b -> names.put(b.code(), b.name()));
        return Collections.unmodifiableMap(names);
    }

    /** Whether {@code code} names a branch of the library system. */
    public boolean hasBranch(String code) {
        return code != null && branches.stream().anyMatch(b -> b.code().equals(code));
    }

    /** The name of the branch {@code code}, or the code itself for a branch no longer in the outline. */
    public String branchName(String code) {
        return branches.stream().filter(b -> b.code().equals(code)).map(BranchName::name).findFirst().orElse(code);
    }

    /** Position names by code, lowest first. */
    public Map<String, String> positionNames() {
        Map<String, String> names = new LinkedHashMap<>();
        positions.forEach(p -> names.put(p.code(), p.name()));
        return Collections.unmodifiableMap(names);
    }

    /** The codes of the positions whose holders may do {@code permission}. */
    public Set<String> positionsThatMay(String permission) {
        return positions.stream().filter(p -> p.may().contains(permission)).map(TenantSpec.PositionSpec::code)
                .collect(Collectors.toUnmodifiableSet());
    }
}
