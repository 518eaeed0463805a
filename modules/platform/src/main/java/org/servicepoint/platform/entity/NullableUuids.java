package org.servicepoint.platform.entity;

import java.sql.Types;
import java.util.UUID;
import org.eclipse.persistence.config.DescriptorCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.mappings.DatabaseMapping;

/**
 * Nullable {@code uuid} columns with EclipseLink 4.0 on PostgreSQL. EclipseLink binds a null UUID as a null
 * varchar, which PostgreSQL refuses for a uuid column (typed "other", the null takes the column's type), and
 * its built-in UUID converter fails on a null read. Attributes that may be null use {@link NullableUuidConverter}
 * and the entity names this class as its customizer.
 */
public class NullableUuids implements DescriptorCustomizer {

    @Override
    public void customize(ClassDescriptor descriptor) {
        // Runs before the descriptor is initialised, when mappings do not know their Java types yet.
        for (DatabaseMapping mapping : descriptor.getMappings()) {
            if (mapping.isDirectToFieldMapping() && isUuid(descriptor.getJavaClass(), mapping.getAttributeName())) {
                mapping.getField().setSqlType(Types.OTHER);
            }
        }
    }

    private static boolean isUuid(Class<?> type, String attribute) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(attribute).getType() == UUID.class;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        return false;
    }
}
