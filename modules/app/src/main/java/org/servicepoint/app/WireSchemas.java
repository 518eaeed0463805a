package org.servicepoint.app;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** The schema of a wire type a resource method returns, by reference to the scanned component of that type. */
final class WireSchemas {

    private WireSchemas() {
    }

    static Schema of(OpenAPI api, Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw) && generic.getActualTypeArguments().length == 1) {
            return OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(of(api, generic.getActualTypeArguments()[0]));
        }
        if (type instanceof Class<?> plain) {
            if (CharSequence.class.isAssignableFrom(plain)) {
                return OASFactory.createSchema().type(Schema.SchemaType.STRING);
            }
            var named = plain.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
            String name = named != null && !named.name().isEmpty() ? named.name() : plain.getSimpleName();
            if (api.getComponents() != null && api.getComponents().getSchemas() != null
                    && api.getComponents().getSchemas().containsKey(name)) {
                return OASFactory.createSchema().ref("#/components/schemas/" + name);
            }
        }
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    }
}
