package org.servicepoint.platform.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.platform.control.RequestIds;
import org.servicepoint.platform.control.Refusal.Violation;

/** RFC 9457 problem details, the body of every error this API answers. */
@Schema(name = "Problem", description = "RFC 9457 problem details; `type` is stable per kind of error.")
@JsonbPropertyOrder({"type", "title", "status", "detail", "requestId", "errors"})
public record Problem(String type, String title, int status, String detail, String requestId, List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);
    private static final String PREFIX = "urn:servicepoint:problem:";

    /** A problem in the request's language: see {@link ProblemText}. */
    public static Problem of(String type, int status, String title, String detail, List<Violation> errors) {
        return new Problem(PREFIX + type, ProblemText.title(type, title), status, detail, RequestIds.current(),
                errors == null || errors.isEmpty() ? null : errors);
    }

    public Response toResponse() {
        return Response.status(status).type(TYPE).entity(this).build();
    }
}
