package org.servicepoint.standards.entity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an entry of the catalogue is. The kind decides which parts its text has, and which prefixes its id may
 * start with ({@code guide.grumpy-or-abusive}), so an id says what it names.
 */
public enum StandardKind {
    PRINCIPLE("principle", List.of("points"), List.of("avoid"), "principle"),
    METHOD("method", List.of("steps"), List.of(), "method"),
    RESPONSE_GUIDE("response-guide", List.of("points"), List.of("avoid"), "guide"),
    PHONE_AND_EMAIL("phone-and-email", List.of("points"), List.of("avoid"), "phone", "email"),
    CHECKLIST("checklist", List.of("points"), List.of(), "checklist"),
    SCENARIO("scenario", List.of("scenario"), List.of(), "scenario");

    /** Every kind has these. */
    public static final List<String> COMMON_PARTS = List.of("title", "summary");

    private final String code;
    private final List<String> requiredParts;
    private final List<String> optionalParts;
    private final List<String> idPrefixes;

    StandardKind(String code, List<String> requiredParts, List<String> optionalParts, String... idPrefixes) {
        this.code = code;
        this.requiredParts = requiredParts;
        this.optionalParts = optionalParts;
        this.idPrefixes = List.of(idPrefixes);
    }

    /** The parts of {@link StandardText} a complete text of this kind must have, besides title and summary. */
    public List<String> requiredParts() {
        return requiredParts;
    }

    /** Whether a text of this kind may have {@code part} at all. */
    public boolean uses(String part) {
        return COMMON_PARTS.contains(part) || requiredParts.contains(part) || optionalParts.contains(part);
    }

    @JsonValue
    public String code() {
        return code;
    }

    public List<String> idPrefixes() {
        return idPrefixes;
    }

    public static Optional<StandardKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
