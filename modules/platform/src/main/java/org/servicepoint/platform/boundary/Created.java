package org.servicepoint.platform.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * The answer to a request that made something: 201, a Location naming the new thing below the path the request
 * was sent to, and the thing itself as the body.
 */
public final class Created {

    private Created() {
    }

    /** 201 with {@code body}; Location is the request's path followed by {@code path} (an id, or {@code versions/3}). */
    public static Response at(UriInfo uri, Object path, Object body) {
        return Response.created(location(uri, path)).entity(body).build();
    }

    /** The address of {@code path} below the request's path. */
    public static URI location(UriInfo uri, Object path) {
        return uri.getAbsolutePathBuilder().path(path.toString()).build();
    }
}
