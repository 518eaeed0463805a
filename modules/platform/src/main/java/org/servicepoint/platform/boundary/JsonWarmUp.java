package org.servicepoint.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * Payara Micro makes the JSON-B context resolver on the first JSON request, and several first requests at once can
 * fail there with a ConcurrentModificationException (a 500; seen when a new instance gets traffic the moment it is
 * ready, docs/decisions/0015). The first requests therefore resolve it one at a time, before any body is read; after
 * that this filter costs one volatile read.
 */
@Provider
@PreMatching
@Priority(1)
public class JsonWarmUp implements ContainerRequestFilter {

    private static final Object LOCK = new Object();
    private static volatile boolean warm;

    @Context
    Providers providers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (warm) {
            return;
        }
        synchronized (LOCK) {
            if (!warm) {
                ContextResolver<Jsonb> resolver = providers.getContextResolver(Jsonb.class, MediaType.APPLICATION_JSON_TYPE);
                if (resolver != null) {
                    resolver.getContext(Object.class);
                }
                warm = true;
            }
        }
    }
}
