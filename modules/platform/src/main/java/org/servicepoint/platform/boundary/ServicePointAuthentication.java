package org.servicepoint.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.servicepoint.platform.control.BearerTokens;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.OperatorKey;
import org.servicepoint.platform.control.OperatorKeyAttempts;

/**
 * Who is calling. A request that offers a credential either proves it or is answered 401 at once; a
 * request that offers none goes on anonymous and the role checks decide. Stateless: no session is made.
 */
@ApplicationScoped
public class ServicePointAuthentication implements HttpAuthenticationMechanism {

    public static final String OPERATOR_KEY_HEADER = "X-Operator-Key";
    private static final Logger LOG = Logger.getLogger(ServicePointAuthentication.class.getName());

    @Inject
    OperatorKey operatorKey;

    @Inject
    OperatorKeyAttempts operatorKeyAttempts;

    @Inject
    Instance<BearerTokens> bearerTokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        // Authentication runs before any filter: a refusal made here carries the headers too.
        SecurityHeaders.apply(response);
        String presented = request.getHeader(OPERATOR_KEY_HEADER);
        String authorization = request.getHeader("Authorization");
        if (presented != null && authorization != null) {
            return refuse(request, response, "send one credential, not two");
        }
        if (presented != null) {
            String address = request.getRemoteAddr();
            java.time.Duration wait = operatorKeyAttempts.waitFor(address);
            if (!wait.isZero()) {
                return answer(request, response, 429, "too-many-attempts", "Too many attempts",
                        "too many wrong operator keys from your address; try again in " + seconds(wait) + " s",
                        java.util.Map.of("Retry-After", Long.toString(seconds(wait))));
            }
            if (operatorKey.matches(presented)) {
                operatorKeyAttempts.succeeded(address);
                return login(request, context, Caller.operator("operator-key"));
            }
            operatorKeyAttempts.failed(address);
            LOG.warning(() -> "[request " + RequestIdFilter.idOf(request) + "] refused an operator key from " + address);
            return refuse(request, response, "the operator key is not valid");
        }
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() < 8) {
                return refuse(request, response, "use the Bearer scheme");
            }
            if (bearerTokens.isUnsatisfied()) {
                return refuse(request, response, "single sign-on is not configured on this server");
            }
            try {
                return login(request, context, bearerTokens.get().verify(authorization.substring(7).trim()));
            } catch (BearerTokens.TenantSuspended e) {
                return answer(request, response, 403, "tenant-suspended", "Library system suspended", e.getMessage(),
                        java.util.Map.of());
            } catch (BearerTokens.InvalidToken e) {
                LOG.info(() -> "[request " + RequestIdFilter.idOf(request) + "] refused a bearer token from "
                        + request.getRemoteAddr() + ": " + e.getMessage());
                return refuse(request, response, e.getMessage());
            } catch (BearerTokens.KeysUnavailable e) {
                LOG.warning(() -> "[request " + RequestIdFilter.idOf(request) + "] could not check a bearer token: " + e.getMessage());
                return unavailable(request, response);
            }
        }
        return context.doNothing();
    }

    private static AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context, Caller caller) {
        // The caller (with its tenant) travels with the request; nothing a client sends can set it.
        request.setAttribute(Callers.ATTRIBUTE, caller);
        return context.notifyContainerAboutLogin(new CallerPrincipal(caller.name()), caller.roles());
    }

    /** 503, not 401: the client's sign-in may be fine, and it should try again rather than sign in anew. */
    static AuthenticationStatus unavailable(HttpServletRequest request, HttpServletResponse response) {
        String requestId = RequestIdFilter.idOf(request);
        try (Jsonb jsonb = JsonbBuilder.create()) {
            response.setHeader(RequestIdFilter.HEADER, requestId);
            response.setStatus(503);
            response.setHeader("Retry-After", "30");
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(jsonb.toJson(new Problem("urn:servicepoint:problem:sign-in-unavailable",
                    "Sign-in service unavailable", 503, "The sign-in service cannot be reached to check your sign-in. "
                    + "Please try again in a moment.", requestId, null)));
            response.getWriter().flush();
        } catch (Exception e) {
            throw new IllegalStateException("could not answer 503", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, String detail) {
        return answer(request, response, 401, "unauthenticated", "Unauthenticated", detail, java.util.Map.of("WWW-Authenticate", "Bearer"));
    }

    private static long seconds(java.time.Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    static AuthenticationStatus answer(HttpServletRequest request, HttpServletResponse response, int status, String type,
                                       String title, String detail, java.util.Map<String, String> headers) {
        String requestId = RequestIdFilter.idOf(request);
        try (Jsonb jsonb = JsonbBuilder.create()) {
            response.setHeader(RequestIdFilter.HEADER, requestId);
            response.setStatus(status);
            headers.forEach(response::setHeader);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(jsonb.toJson(
                    new Problem("urn:servicepoint:problem:" + type, title, status, detail, requestId, null)));
            response.getWriter().flush();
        } catch (IOException e) {
            throw new IllegalStateException("could not answer " + status, e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
