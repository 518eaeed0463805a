package org.servicepoint.incidents.forms.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.servicepoint.platform.control.JsonStrings;

/**
 * One way to write a JSON value, so that the same content always gives the same text and the same hash: object
 * keys sorted (by UTF-16 code units), no blanks, numbers in plain decimal without trailing zeros, strings with
 * only the escapes JSON requires. Reads give plain Java values (maps, lists, strings, booleans, BigDecimal).
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private CanonicalJson() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, plain(value));
        return out.toString();
    }

    /** A stored canonical text back as plain values. */
    public static Object read(String json) {
        try {
            return plain(MAPPER.readValue(json, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable: " + e.getOriginalMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(String json) {
        Object value = read(json);
        if (!(value instanceof Map)) {
            throw new IllegalStateException("stored JSON is not an object");
        }
        return (Map<String, Object>) value;
    }

    /** A record (or any bean) as plain values, nulls left out. */
    public static Object ofRecord(Object record) {
        return plain(MAPPER.convertValue(record, Object.class));
    }

    public static <T> T toRecord(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not fit " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Numbers become BigDecimal, maps keep string keys; anything else JSON cannot say is refused. */
    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof BigDecimal d) {
            return normalise(d);
        }
        if (value instanceof BigInteger i) {
            return normalise(new BigDecimal(i));
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return normalise(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            return normalise(BigDecimal.valueOf(d));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof Iterable<?> items) {
            List<Object> copy = new ArrayList<>();
            items.forEach(v -> copy.add(plain(v)));
            return copy;
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
    }

    public static BigDecimal normalise(BigDecimal d) {
        return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            JsonStrings.quote(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                JsonStrings.quote(out, (String) e.getKey());
                out.append(':');
                append(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a plain JSON value: " + value.getClass().getSimpleName());
        }
    }
}
