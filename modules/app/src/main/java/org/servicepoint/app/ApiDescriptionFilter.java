package org.servicepoint.app;

import jakarta.ws.rs.ApplicationPath;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.servicepoint.platform.boundary.BodyLimits;
import org.servicepoint.platform.boundary.Problem;
import org.servicepoint.platform.boundary.RoleChecks;
import org.servicepoint.platform.control.Roles;

/**
 * Completes the scanned API description from what the code enforces, so the two cannot drift apart: each
 * operation gets the roles {@link RoleChecks} admits (its security requirement, {@code x-roles} and a sentence
 * in its description) and the problem+json answers the platform gives every endpoint of its kind: 401 and 403
 * when it needs a role, 404 when its path names something, 400 and 413 when it takes input, 503 while the
 * database is away. Answers a resource method documents itself keep their descriptions; an error answer always
 * carries the Problem body, so resources do not repeat it.
 */
public class ApiDescriptionFilter implements OASFilter {

    /** The extension naming the roles an operation admits; absent roles (public) are an empty list. */
    public static final String ROLES_EXTENSION = "x-roles";
    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private static final Logger LOG = Logger.getLogger(ApiDescriptionFilter.class.getName());

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        String application = ServicePointApplication.class.getAnnotation(ApplicationPath.class).value();
        Map<String, Method> methods = ResourceMethods.in(ApiDescriptionFilter.class.getClassLoader(), application);
        problemSchema(api);
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((verb, operation) -> {
            Method method = methods.get(ResourceMethods.key(verb.name(), path));
            if (method == null) {
                // Not ours (nothing else is served under /api); say so rather than describe it wrongly.
                LOG.warning(() -> "API description: no resource method for " + verb + " " + path);
                return;
            }
            describeAccess(operation, RoleChecks.rolesFor(method, method.getDeclaringClass()));
            describeSuccess(api, operation, method);
            describeProblems(operation, path, method);
        }));
        SchemaDefaults.clear(api);
    }

    private static void describeAccess(Operation operation, List<String> roles) {
        if (roles == null) {
            operation.setSecurity(new ArrayList<>());
            operation.addExtension(ROLES_EXTENSION, List.of());
            appendDescription(operation, "Public: no credentials needed.");
            return;
        }
        List<SecurityRequirement> security = new ArrayList<>();
        if (roles.contains(Roles.OPERATOR)) {
            security.add(OASFactory.createSecurityRequirement().addScheme("operatorKey"));
        }
        security.add(OASFactory.createSecurityRequirement().addScheme("bearer"));
        operation.setSecurity(security);
        operation.addExtension(ROLES_EXTENSION, List.copyOf(roles));
        appendDescription(operation, roles.isEmpty() ? "Closed to every role."
                : "Needs one of the roles: " + String.join(", ", roles) + ".");
    }

    /**
     * The success answer: Payara files a method's return type under "default"; it is the 200 that JAX-RS sends
     * (204 for void). A method returning a Response documents its own. Files (CSV, PDF) are binary strings.
     */
    private static void describeSuccess(OpenAPI api, Operation operation, Method method) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean documented = responses.getAPIResponses() != null
                && responses.getAPIResponses().keySet().stream().anyMatch(status -> status.startsWith("2"));
        APIResponse fallback = responses.getDefaultValue();
        if (!documented && !jakarta.ws.rs.core.Response.class.equals(method.getReturnType())) {
            if (void.class.equals(method.getReturnType())) {
                responses.addAPIResponse("204", OASFactory.createAPIResponse().description("done; no body"));
            } else {
                APIResponse ok = fallback != null && fallback.getContent() != null && !fallback.getContent().getMediaTypes().isEmpty()
                        ? fallback : OASFactory.createAPIResponse().content(OASFactory.createContent()
                                .addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
                                        OASFactory.createMediaType().schema(WireSchemas.of(api, method.getGenericReturnType()))));
                responses.addAPIResponse("200", ok.description(ok.getDescription() == null
                        || "Default Response.".equals(ok.getDescription()) ? "OK" : ok.getDescription()));
            }
            if (fallback != null) {
                responses.removeAPIResponse("default");
            }
        } else if (fallback != null && "Default Response.".equals(fallback.getDescription())) {
            // Documented answers say what the method returns; Payara's guess beside them says nothing more.
            responses.removeAPIResponse("default");
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.getContent() != null) {
                response.getContent().getMediaTypes().forEach((type, media) -> {
                    if (media.getSchema() == null && !type.endsWith("json")) {
                        media.setSchema(OASFactory.createSchema().type(Schema.SchemaType.STRING).format("binary"));
                    }
                });
            }
        });
    }

    private static void describeProblems(Operation operation, String path, Method method) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean secured = RoleChecks.rolesFor(method, method.getDeclaringClass()) != null;
        boolean takesBody = operation.getRequestBody() != null;
        boolean takesParameters = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() != Parameter.In.PATH);
        if (takesBody || takesParameters) {
            addProblem(responses, "400", "invalid input: a field, parameter or body this operation refuses "
                    + "(errors names each); nothing is changed");
        }
        if (secured) {
            addProblem(responses, "401", "no valid credentials");
            addProblem(responses, "403", "the caller's roles do not allow this");
        }
        if (path.contains("{")) {
            addProblem(responses, "404", "not the caller's library system, or nothing by that id the caller may see");
        }
        if (takesBody) {
            addProblem(responses, "413", "a request body over " + BodyLimits.limitOf(method) + " bytes");
        }
        addProblem(responses, "503", "the database is unavailable for now; try again");
        // Every error is a Problem: a method documents only when and why it answers one, and the body is said here.
        responses.getAPIResponses().forEach((status, response) -> {
            if (!status.startsWith("4") && !status.startsWith("5")) {
                return;
            }
            if (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty()) {
                response.setContent(problemContent());
                return;
            }
            MediaType media = response.getContent().getMediaType(Problem.MEDIA_TYPE);
            if (media != null) {
                media.setSchema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
            }
        });
    }

    private static void addProblem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    private static Content problemContent() {
        Schema problem = OASFactory.createSchema().ref(PROBLEM_SCHEMA);
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(problem));
    }

    private static void appendDescription(Operation operation, String sentence) {
        String own = operation.getDescription();
        operation.setDescription(own == null || own.isBlank() ? sentence : own + "\n\n" + sentence);
    }

    /**
     * The Problem schema, written here: Payara's scan of the record merges other types' enums into it, and a
     * client generator must see exactly the fields {@link Problem} sends.
     */
    private static void problemSchema(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        // Written here as well: resources leave error bodies to this filter, so the scan may never meet Problem's fields.
        api.getComponents().addSchema("Violation", OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text).addProperty("at", text));
        Schema violation = OASFactory.createSchema().ref("#/components/schemas/Violation");
        api.getComponents().addSchema("Problem", OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; `type` is stable per kind of error.")
                .addProperty("type", text).addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("detail", text).addProperty("requestId", text)
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(violation)));
    }
}
