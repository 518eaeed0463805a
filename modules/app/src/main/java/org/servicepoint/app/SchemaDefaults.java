package org.servicepoint.app;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Removes the constraints Payara writes into every annotated schema whether or not anyone set them
 * ("maxProperties: 0" would even forbid every property), so the description says only what is meant.
 */
final class SchemaDefaults {

    private SchemaDefaults() {
    }

    static void clear(OpenAPI api) {
        Map<Schema, Boolean> seen = new IdentityHashMap<>();
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(schema -> clear(schema, seen));
        }
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> clear(parameter.getSchema(), seen));
            }
            if (operation.getRequestBody() != null) {
                clear(operation.getRequestBody().getContent(), seen);
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response -> clear(response.getContent(), seen));
            }
        }));
    }

    private static void clear(Content content, Map<Schema, Boolean> seen) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> clear(media.getSchema(), seen));
        }
    }

    private static void clear(Schema schema, Map<Schema, Boolean> seen) {
        if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Objects.equals(schema.getMinLength(), 0)) {
            schema.setMinLength(null);
        }
        if (Objects.equals(schema.getMaxProperties(), 0)) {
            schema.setMaxProperties(null);
        }
        if (Objects.equals(schema.getMinProperties(), 0)) {
            schema.setMinProperties(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> clear(property, seen));
        }
        clear(schema.getItems(), seen);
        clear(schema.getNot(), seen);
        clear(schema.getAdditionalPropertiesSchema(), seen);
        for (var group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(member -> clear(member, seen));
            }
        }
    }
}
