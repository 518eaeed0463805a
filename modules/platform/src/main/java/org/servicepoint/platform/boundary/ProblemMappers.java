package org.servicepoint.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.json.bind.JsonbException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicepoint.platform.control.BoundedInputStream;
import org.servicepoint.platform.control.DatabaseOutage;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.RequestLanguage;
import org.servicepoint.platform.control.Refusal.Violation;

/** Every error becomes problem+json with a stable type; stack traces stay in the log. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    @Provider
    public static class Refused implements ExceptionMapper<Refusal> {
        @Override
        public Response toResponse(Refusal e) {
            Locale language = RequestLanguage.current();
            return Problem.of(e.type(), e.status(), e.title(), e.detail(language), e.violations(language)).toResponse();
        }
    }

    @Provider
    public static class InvalidInput implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Violation> errors = e.getConstraintViolations().stream()
                    .map(v -> new Violation(field(v), ProblemText.message(v)))
                    .sorted(Comparator.comparing(Violation::field))
                    .toList();
            return Problem.of("invalid-input", 400, "Invalid input",
                    ProblemText.detail("fields-not-acceptable", String.valueOf(errors.size())), errors).toResponse();
        }

        /** "create.arg0.branches[0].code" → "branches[0].code": the client's names, not Java's. */
        private static String field(ConstraintViolation<?> v) {
            String path = v.getPropertyPath().toString();
            String[] parts = path.split("\\.", 3);
            if (parts.length == 3 && parts[1].startsWith("arg")) {
                return parts[2];
            }
            if (parts.length == 2 && parts[1].startsWith("arg")) {
                return "body";
            }
            return parts.length > 1 ? path.substring(path.indexOf('.') + 1) : path;
        }
    }

    @Provider
    public static class Unreadable implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            if (BoundedInputStream.TooLarge.in(e) != null) {
                return tooLarge(e);
            }
            return Problem.of("unreadable-body", 400, "Unreadable request body",
                    ProblemText.detail("unreadable-body"), null).toResponse();
        }
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (BoundedInputStream.TooLarge.in(e) != null) {
                return tooLarge(e);
            }
            int status = e.getResponse().getStatus();
            String type;
            if (e instanceof NotFoundException) {
                type = "not-found";
            } else if (e instanceof NotAllowedException) {
                type = "method-not-allowed";
            } else if (e instanceof NotSupportedException) {
                type = "unsupported-media-type";
            } else if (e instanceof NotAuthorizedException) {
                type = "unauthenticated";
            } else if (e instanceof jakarta.ws.rs.ForbiddenException) {
                type = "forbidden";
            } else {
                type = status == 400 ? "unreadable-body" : "http-" + status;
            }
            String detail = e instanceof NotFoundException ? ProblemText.detail("no-such-resource")
                    : e instanceof jakarta.ws.rs.ForbiddenException ? ProblemText.detail("role-does-not-allow") : reason(status);
            Response.ResponseBuilder builder = Response.status(status);
            // Keep what the framework said beyond the body, e.g. the Allow header of a 405.
            e.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(v -> builder.header(name, v));
                }
            });
            return builder.type(Problem.TYPE).entity(Problem.of(type, status, reason(status), detail, null)).build();
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            if (BoundedInputStream.TooLarge.in(e) != null) {
                return tooLarge(e);
            }
            if (e instanceof ProcessingException && e.getCause() instanceof JsonbException) {
                return new Unreadable().toResponse((JsonbException) e.getCause());
            }
            if (DatabaseOutage.isCause(e)) {
                // Not a fault of this request: the database is restarting or out of reach; the pool reconnects by itself.
                LOG.log(Level.WARNING, "database unavailable: " + e);
                return databaseUnavailable();
            }
            LOG.log(Level.SEVERE, "unexpected failure", e);
            return Problem.of("internal-error", 500, "Internal error",
                    ProblemText.detail("internal-error"), null).toResponse();
        }
    }

    /**
     * A transaction that could not be completed ({@code @Transactional} wraps what fails at its commit). Jersey brings a
     * mapper of its own for this type that rethrows anything but a {@code WebApplicationException}, and the container then
     * answers with an HTML page; this one, ranked ahead of it, keeps every such answer a problem.
     *
     * <p>A {@link SystemException} means the transaction manager could not finish the commit with its resource, and the
     * database is the only one: seen when the database goes away between the request's last statement and its commit
     * (PostgresRestartIT met it). Its outcome is unknown to the server, it is not the request's fault, and the answer is
     * the outage's: 503, try again.
     */
    @Provider
    @Priority(Priorities.USER - 1000)
    public static class TransactionNotCompleted implements ExceptionMapper<TransactionalException> {
        @Override
        public Response toResponse(TransactionalException e) {
            return switch (causeOf(e)) {
                case WEB_APPLICATION -> new Web().toResponse((WebApplicationException) e.getCause());
                case REFUSAL -> new Refused().toResponse((Refusal) e.getCause());
                case COMMIT_WITH_THE_DATABASE -> {
                    LOG.log(Level.WARNING, "a commit could not be completed with the database: " + e);
                    yield databaseUnavailable();
                }
                case OTHER -> new Unexpected().toResponse(e);
            };
        }

        enum Cause { WEB_APPLICATION, REFUSAL, COMMIT_WITH_THE_DATABASE, OTHER }

        static Cause causeOf(TransactionalException e) {
            if (e.getCause() instanceof WebApplicationException) {
                return Cause.WEB_APPLICATION;
            }
            if (e.getCause() instanceof Refusal) {
                return Cause.REFUSAL;
            }
            return causedBy(e, SystemException.class) || DatabaseOutage.isCause(e) ? Cause.COMMIT_WITH_THE_DATABASE : Cause.OTHER;
        }
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static Response databaseUnavailable() {
        return Response.fromResponse(Problem.of("database-unavailable", 503, "Service Unavailable",
                "the database is not reachable right now; try again in a few seconds", null).toResponse())
                .header("Retry-After", "5").build();
    }

    /** A body that grew past its limit while a reader read it, however the reader wrapped the failure. */
    static Response tooLarge(Throwable e) {
        return BodyLimits.closing(BodyLimits.tooLarge(BoundedInputStream.TooLarge.in(e).limit()).toResponse());
    }

    static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}
