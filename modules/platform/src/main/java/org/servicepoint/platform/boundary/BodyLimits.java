package org.servicepoint.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import org.servicepoint.platform.control.BoundedInputStream;

/**
 * Bounds every request body of the API before it is read: a declared length above the endpoint's limit is
 * refused at once, and any other body is read through a counting stream that fails when it grows past the
 * limit (a chunked body declares no length). Either way the answer is 413 problem+json and nothing is used.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
public class BodyLimits implements ContainerRequestFilter {

    /** Enough for any JSON form of the API; endpoints that take documents or files say more. */
    public static final long DEFAULT_BYTES = 64 * BodyLimit.KIB;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = limitOf(resource == null ? null : resource.getResourceMethod());
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exceeds(declared.trim(), limit)) {
            request.abortWith(closing(tooLarge(limit).toResponse()));
            return;
        }
        request.setEntityStream(new BoundedInputStream(request.getEntityStream(), limit));
    }

    /** The limit of a resource method's body; the API description states the same number. */
    public static long limitOf(Method method) {
        if (method == null) {
            return DEFAULT_BYTES;
        }
        BodyLimit own = method.getAnnotation(BodyLimit.class);
        if (own != null) {
            return own.value();
        }
        BodyLimit ofClass = method.getDeclaringClass().getAnnotation(BodyLimit.class);
        return ofClass != null ? ofClass.value() : DEFAULT_BYTES;
    }

    /** Over the limit, or a length no client could mean (the container refuses what it cannot parse). */
    static boolean exceeds(String contentLength, long limit) {
        if (!contentLength.matches("[0-9]{1,19}")) {
            return false;
        }
        try {
            return Long.parseLong(contentLength) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** The rest of the body is never read: the connection cannot carry another request, so it is closed. */
    static jakarta.ws.rs.core.Response closing(jakarta.ws.rs.core.Response response) {
        return jakarta.ws.rs.core.Response.fromResponse(response).header("Connection", "close").build();
    }

    static Problem tooLarge(long limit) {
        return Problem.of("body-too-large", 413, "Request body too large",
                ProblemText.detail("body-too-large", String.valueOf(limit)), null);
    }
}
