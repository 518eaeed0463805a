package org.servicepoint.confidentiality.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Enum constants as the API spells them: {@code COURT_ORDER} ↔ {@code court-order}. */
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
