package org.servicepoint.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;

/**
 * JSON-B (Yasson) reads a number into a text field and an array into a map without a word: {@code 42} became the
 * answer "42", {@code []} no answers at all. Before JSON-B sees a JSON body, this checks every value against the
 * Java type it will be read into, for the whole API: text, ids, codes, dates and times are JSON strings, numbers are
 * numbers, flags are {@code true}/{@code false}, lists are arrays, records and maps are objects, and {@code null} is
 * left to Bean Validation. A mismatch is refused with 400 problem+json naming each field, before anything is bound,
 * so nothing is stored. Fields the type does not know are left to {@link StrictJson}.
 */
@Provider
public class JsonTypes implements ReaderInterceptor {

    /** Fields named in one refusal at most; a hostile body may have thousands. */
    static final int MAX_VIOLATIONS = 20;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType()) || !checked(context.getType())) {
            return context.proceed();
        }
        // Bounded by the endpoint's body limit (BodyLimits wraps the stream before any reader runs).
        byte[] body = context.getInputStream().readAllBytes();
        JsonValue value = parsed(body);
        if (value != null) {
            List<Violation> problems = check(context.getGenericType(), value);
            if (!problems.isEmpty()) {
                throw Refusal.invalid(problems.size() + " field(s) have the wrong JSON type", problems);
            }
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /**
     * The body as JSON, or null when it is not JSON this reader takes: malformed, or nested deeper than the parser
     * allows (Parsson throws a plain RuntimeException for that). JSON-B then refuses it with its own 400 problem.
     */
    static JsonValue parsed(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readValue();
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    static boolean isJson(MediaType type) {
        return type != null && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json"));
    }

    /** Bodies read as raw text, bytes or JSON-P values are the endpoint's own to check. */
    static boolean checked(Class<?> type) {
        return !(type == String.class || type == byte[].class || InputStream.class.isAssignableFrom(type)
                || Reader.class.isAssignableFrom(type) || JsonValue.class.isAssignableFrom(type) || type == Object.class);
    }

    /** Where {@code value} does not have the JSON type that {@code type} is read from; empty when it does. */
    public static List<Violation> check(Type type, JsonValue value) {
        List<Violation> problems = new ArrayList<>();
        check(type, value, "body", problems);
        return problems;
    }

    private static void check(Type type, JsonValue value, String path, List<Violation> problems) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL || problems.size() >= MAX_VIOLATIONS) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw == null || raw == Object.class || JsonValue.class.isAssignableFrom(raw)) {
            return;
        }
        String expected = expected(raw);
        if (expected != null) {
            if (!matches(expected, value)) {
                problems.add(new Violation(path, "must be " + expected + ", not " + name(value)));
            }
            return;
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            if (!(value instanceof JsonArray array)) {
                problems.add(new Violation(path, "must be a list, not " + name(value)));
                return;
            }
            Type element = raw.isArray() ? (type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType())
                    : argument(type, 0);
            for (int i = 0; i < array.size(); i++) {
                check(element, array.get(i), path + "[" + i + "]", problems);
            }
            return;
        }
        if (!(value instanceof JsonObject object)) {
            problems.add(new Violation(path, "must be an object, not " + name(value)));
            return;
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type values = argument(type, 1);
            object.forEach((key, v) -> check(values, v, child(path, key), problems));
        } else if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                check(component.getGenericType(), object.get(component.getName()), child(path, component.getName()), problems);
            }
        } else if (!raw.getName().startsWith("java.")) {
            for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                        check(field.getGenericType(), object.get(field.getName()), child(path, field.getName()), problems);
                    }
                }
            }
        }
    }

    /** The JSON type a scalar Java type is read from, or null for lists, maps and objects. */
    private static String expected(Class<?> raw) {
        if (raw == String.class || raw == Character.class || raw == char.class || raw == UUID.class || raw.isEnum()
                || Temporal.class.isAssignableFrom(raw) || raw == java.time.ZoneId.class || raw == java.time.Duration.class
                || raw == java.time.Period.class || raw == java.net.URI.class) {
            return "text";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(raw) || raw == int.class || raw == long.class || raw == short.class || raw == byte.class
                || raw == double.class || raw == float.class || raw == BigDecimal.class || raw == BigInteger.class) {
            return "a number";
        }
        return null;
    }

    private static boolean matches(String expected, JsonValue value) {
        return switch (expected) {
            case "text" -> value.getValueType() == JsonValue.ValueType.STRING;
            case "true or false" -> value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE;
            default -> value.getValueType() == JsonValue.ValueType.NUMBER;
        };
    }

    private static String name(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "text";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "true or false";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NULL -> "null";
        };
    }

    private static String child(String path, String name) {
        return "body".equals(path) ? name : path + "." + name;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        if (type instanceof GenericArrayType) {
            return Object[].class;
        }
        return null; // type variables and wildcards: anything goes
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
