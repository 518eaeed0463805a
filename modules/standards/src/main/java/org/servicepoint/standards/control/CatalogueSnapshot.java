package org.servicepoint.standards.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.servicepoint.standards.entity.Catalogue;

/**
 * The catalogue as a library system last reviewed it, kept as JSON beside its adoption: only the newest catalogue
 * ships in the code, and "what changed since you reviewed" needs the words it reviewed, not just their version.
 */
public final class CatalogueSnapshot {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CatalogueSnapshot() {
    }

    public static String of(Catalogue catalogue) {
        try {
            return JSON.writeValueAsString(catalogue);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the catalogue cannot be written as JSON", e);
        }
    }

    public static Catalogue read(String json) {
        try {
            return JSON.readValue(json, Catalogue.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored catalogue snapshot cannot be read", e);
        }
    }
}
