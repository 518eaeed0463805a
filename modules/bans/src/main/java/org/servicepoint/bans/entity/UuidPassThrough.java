package org.servicepoint.bans.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/** Hands UUIDs to the driver as they are, null included (EclipseLink's own UUID converter fails reading a null). */
@Converter
public class UuidPassThrough implements AttributeConverter<UUID, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UUID attribute) {
        return attribute;
    }

    @Override
    public UUID convertToEntityAttribute(UUID column) {
        return column;
    }
}
