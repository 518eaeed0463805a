package org.servicepoint.platform.entity;

import java.util.regex.Pattern;

/**
 * The id of a library system. It is the tenant's slug: immutable, the name of its identity realm and of
 * its web path, and the value of {@code tenant_id} on every row it owns.
 */
public record TenantId(String value) {

    /** Same rule as the tenant file schema; three to forty characters, lowercase, digits, inner hyphens. */
    public static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{1,38}[a-z0-9]$");

    /** Rows that belong to no library system (platform-wide audit events); never a valid slug. */
    public static final TenantId PLATFORM = new TenantId("_platform");

    public TenantId {
        if (value == null || !(SLUG.matcher(value).matches() || "_platform".equals(value))) {
            throw new IllegalArgumentException("not a tenant id: " + value);
        }
    }

    /** A library system's id from untrusted text: only real slugs, never the reserved platform id. */
    public static TenantId of(String slug) {
        if (!isValidSlug(slug)) {
            throw new IllegalArgumentException("not a tenant slug: " + slug);
        }
        return new TenantId(slug);
    }

    public static boolean isValidSlug(String candidate) {
        return candidate != null && SLUG.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
