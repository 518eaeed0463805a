package org.servicepoint.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.Set;
import java.util.logging.Logger;
import org.servicepoint.platform.control.OperatorKey;
import org.servicepoint.platform.control.RequestIds;
import org.servicepoint.platform.control.Roles;

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

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String presented = request.getHeader(OPERATOR_KEY_HEADER);
        if (presented == null) {
            return context.doNothing();
        }
        if (operatorKey.matches(presented)) {
            return context.notifyContainerAboutLogin(new CallerPrincipal("operator"), Set.of(Roles.OPERATOR));
        }
        LOG.warning(() -> "refused an operator key from " + request.getRemoteAddr());
        return refuse(response, "the operator key is not valid");
    }

    static AuthenticationStatus refuse(HttpServletResponse response, String detail) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            response.setStatus(401);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(jsonb.toJson(
                    Problem.of("unauthenticated", 401, "Unauthenticated", detail, null)));
            response.getWriter().flush();
        } catch (IOException e) {
            throw new IllegalStateException("could not answer 401", e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    static String requestId() {
        return RequestIds.current();
    }
}
