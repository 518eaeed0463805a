package org.servicepoint.bans.entity;

import java.sql.Types;
import java.util.UUID;
import org.eclipse.persistence.config.DescriptorCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.mappings.DatabaseMapping;

/**
 * EclipseLink 4.0 binds a null {@link UUID} as a null varchar, which PostgreSQL refuses for a {@code uuid}
 * column. Typing every UUID column as "other" lets the driver bind null and values alike; with
 * {@link UuidPassThrough} on the nullable attributes, a null also reads back.
 */
public class UuidColumns implements DescriptorCustomizer {

    @Override
    public void customize(ClassDescriptor descriptor) {
        for (DatabaseMapping mapping : descriptor.getMappings()) {
            if (mapping.isDirectToFieldMapping() && declaredType(descriptor.getJavaClass(), mapping.getAttributeName()) == UUID.class) {
                mapping.getField().setSqlType(Types.OTHER);
            }
        }
    }

    private static Class<?> declaredType(Class<?> type, String attribute) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(attribute).getType();
            } catch (NoSuchFieldException e) {
                // declared in a superclass
            }
        }
        return null;
    }
}
