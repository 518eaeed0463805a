package org.servicepoint.platform.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Enum constants as the API and the database spell them: {@code COURT_ORDER} ↔ {@code court-order}. Always in
 * {@link Locale#ROOT}: with the default locale a Turkish JVM would write {@code DISTRIBUTED} as {@code dıstrıbuted}.
 */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wire) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> of(e).equals(wire)).findFirst();
    }

    /** The API's spellings of an enum, e.g. for an error message. */
    public static String all(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(WireNames::of).toList());
    }
}
