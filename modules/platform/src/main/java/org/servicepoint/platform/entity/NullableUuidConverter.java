package org.servicepoint.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Passes UUIDs through as they are, null included, in place of EclipseLink's own UUID converter, which fails
 * on a null read; the PostgreSQL driver reads and writes UUIDs natively. See {@link NullableUuids}.
 */
@Converter
public class NullableUuidConverter implements AttributeConverter<UUID, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UUID attribute) {
        return attribute;
    }

    @Override
    public UUID convertToEntityAttribute(UUID column) {
        return column;
    }
}
