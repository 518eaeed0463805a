package org.servicepoint.identity.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;

/**
 * Compares what Keycloak holds with what a blueprint wants. Keycloak answers with many more fields than we
 * set (defaults, ids, timestamps), so "the same" means: every field we want has the value we want.
 */
final class Representations {

    private Representations() {
    }

    /** Whether {@code current} already has every field of {@code desired}, with the same value. */
    static boolean covers(JsonValue current, JsonValue desired) {
        if (desired.getValueType() == JsonValue.ValueType.OBJECT) {
            if (current == null || current.getValueType() != JsonValue.ValueType.OBJECT) {
                return false;
            }
            JsonObject have = current.asJsonObject();
            for (var field : desired.asJsonObject().entrySet()) {
                JsonValue wanted = field.getValue();
                JsonValue present = have.get(field.getKey());
                if (present == null) {
                    // Keycloak drops empty attributes instead of storing "" or [].
                    if (!isEmpty(wanted)) {
                        return false;
                    }
                } else if (!covers(present, wanted)) {
                    return false;
                }
            }
            return true;
        }
        if (current == null) {
            return false;
        }
        if (desired.getValueType() == JsonValue.ValueType.ARRAY) {
            // Order of redirect URIs, roles and attribute values carries no meaning.
            return current.getValueType() == JsonValue.ValueType.ARRAY
                    && new HashSet<>(current.asJsonArray()).equals(new HashSet<>(desired.asJsonArray()));
        }
        // Client attributes come back as strings ("true", "300") whatever type they were sent as.
        return text(current).equals(text(desired));
    }

    /** {@code current} with the fields of {@code desired} laid over it; nested objects (attributes, config) merge too. */
    static JsonObject merge(JsonObject current, JsonObject desired) {
        JsonObjectBuilder merged = Json.createObjectBuilder(current);
        desired.forEach((key, value) -> {
            JsonValue present = current.get(key);
            if (value.getValueType() == JsonValue.ValueType.OBJECT && present != null
                    && present.getValueType() == JsonValue.ValueType.OBJECT) {
                merged.add(key, merge(present.asJsonObject(), value.asJsonObject()));
            } else {
                merged.add(key, value);
            }
        });
        return merged.build();
    }

    static JsonArray strings(Iterable<String> values) {
        var array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array.build();
    }

    private static boolean isEmpty(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString().isEmpty();
            case ARRAY -> value.asJsonArray().isEmpty();
            default -> false;
        };
    }

    private static String text(JsonValue value) {
        return value.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) value).getString() : value.toString();
    }
}
