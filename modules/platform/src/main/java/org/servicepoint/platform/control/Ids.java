package org.servicepoint.platform.control;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.servicepoint.platform.entity.TenantId;

/**
 * Ids as clients write them: only the canonical form (8-4-4-4-12 hexadecimal digits, either case) names a record.
 * {@link UUID#fromString} also takes shortened forms such as {@code 1-1-1-1-1}, which would let two texts name one
 * record. Also the tenant slug an operator names in a path.
 */
public final class Ids {

    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    /** The id that {@code text} writes canonically, or empty when it writes none. */
    public static Optional<UUID> parse(String text) {
        return text != null && CANONICAL.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }

    /** An id in a path: one that is not a canonical UUID names no {@code what}, so the answer is 404, not 400. */
    public static UUID inPath(String text, String what) {
        return parse(text).orElseThrow(() -> Refusal.notFound(what + " " + text));
    }

    /** A library system an operator names in a path: a malformed slug names none, so the answer is 404, not 400. */
    public static TenantId tenantInPath(String slug) {
        if (!TenantId.isValidSlug(slug)) {
            throw Refusal.notFound(Text.of("platform.not-found.library-system", slug));
        }
        return TenantId.of(slug);
    }
}
