package org.servicepoint.tenancy.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.networknt.schema.InputFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.entity.Tenant;

/**
 * A tenant administrator's configuration of their own library system: the {@code tenant.yaml} document without the
 * operator's status and the demonstration logins, read, planned and applied through onboarding's own run (the same
 * difference and audit as files), with a revision for optimistic concurrency, and exported as a {@code tenant.yaml}.
 */
@ApplicationScoped
public class TenantConfigurations {

    /** The operator's or the files' only: never part of a tenant administrator's configuration. */
    static final List<String> NOT_THE_ADMINS = List.of("status", "demoUsers");
    /** Keys of an exported file in the order a person expects them; anything else follows as read. */
    private static final List<String> FILE_ORDER = List.of("slug", "code", "name", "timeZone", "locale", "fallbackLanguage",
            "status", "headquarters", "address", "phone", "mobile", "settings", "chainOfCommand", "positions", "may",
            "servicePoints", "openingHours", "stops", "closures", "branches", "date", "day", "reason", "hours",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    @PersistenceContext(unitName = "tenancy")
    EntityManager em;

    @Inject
    TenantDirectory directory;

    @Inject
    Onboarding onboarding;

    @Inject
    Event<ConfigurationEdited> edited;

    /** The configuration with its {@code revision}, as a JSON object. */
    @Transactional
    public String read(TenantId tenant, Caller caller) {
        admin(tenant, caller);
        TenantSpec stored = directory.document(tenant);
        ObjectNode configuration = tree(stored);
        NOT_THE_ADMINS.forEach(configuration::remove);
        ObjectNode answer = JSON.createObjectNode().put("revision", revision(stored));
        answer.setAll(configuration);
        return answer.toString();
    }

    /** What applying {@code body} ({@code {revision, configuration}}) would change; nothing is written. */
    @Transactional
    public Plan plan(TenantId tenant, Caller caller, String body) {
        admin(tenant, caller);
        Change change = change(tenant, body);
        return onboarding.plan(List.of(change.spec()));
    }

    /**
     * Applies {@code body} if its revision is still the stored one (409 otherwise), audited per change; the same
     * configuration again changes nothing. An applied change is an edit in the app of what tenant.yaml declares.
     */
    @Transactional
    public Plan apply(TenantId tenant, Caller caller, String body) {
        admin(tenant, caller);
        Change change = change(tenant, body);
        // One writer at a time per library system: the revision compared is the one the write replaces.
        em.find(Tenant.class, tenant.value(), LockModeType.PESSIMISTIC_WRITE);
        if (!revision(directory.document(tenant)).equals(change.revision())) {
            throw Refusal.conflict(Text.of("tenancy.configuration.changed", tenant, change.revision()));
        }
        Plan plan = onboarding.apply(List.of(change.spec()), caller);
        if (plan.changesAnything()) {
            edited.fire(new ConfigurationEdited(tenant, TenantDocuments.FILE_NAME, caller));
        }
        return plan;
    }

    /** The live configuration as a tenant.yaml file (status included, demonstration logins not), for git. */
    @Transactional
    public String export(TenantId tenant, Caller caller) {
        admin(tenant, caller);
        ObjectNode file = tree(directory.document(tenant));
        file.remove("demoUsers");
        try {
            return "# tenants/" + tenant + "/tenant.yaml, exported from the app by " + caller.name() + ".\n"
                    + "# Planning it as the operator shows no change (docs/decisions/0014-files-and-screens-agree.md).\n"
                    + YAML.writeValueAsString(ordered(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored configuration's fingerprint: it changes whenever what the configuration says changes. */
    static String revision(TenantSpec stored) {
        return TenantFiles.sha256(JsonB.INSTANCE.toJson(stored)).substring(0, 32);
    }

    private record Change(String revision, TenantSpec spec) {
    }

    private Change change(TenantId tenant, String body) {
        JsonNode request;
        try {
            request = JSON.readTree(body == null ? "" : body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw invalid(List.of(new Violation("body", Text.of("tenancy.request.not-json", e.getOriginalMessage()))));
        }
        List<Violation> problems = new ArrayList<>();
        if (request == null || !request.isObject()) {
            throw invalid(List.of(new Violation("body",
                    Text.of("tenancy.request.shape", "{\"revision\": …, \"configuration\": {…}}"))));
        }
        request.fieldNames().forEachRemaining(name -> {
            if (!name.equals("revision") && !name.equals("configuration")) {
                problems.add(new Violation(name, Text.of("tenancy.request.unknown-field")));
            }
        });
        JsonNode revision = request.get("revision");
        if (revision == null || !revision.isTextual() || revision.asText().isBlank() || revision.asText().length() > 100) {
            problems.add(new Violation("revision", Text.of("tenancy.request.revision")));
        }
        JsonNode configuration = request.get("configuration");
        if (configuration == null || !configuration.isObject()) {
            problems.add(new Violation("configuration", Text.of("tenancy.configuration.required")));
            throw invalid(problems);
        }
        ObjectNode wanted = (ObjectNode) configuration.deepCopy();
        for (String field : NOT_THE_ADMINS) {
            if (wanted.has(field)) {
                problems.add(new Violation(field, Text.of("tenancy.configuration.not-the-admins")));
            }
        }
        JsonNode slug = wanted.get("slug");
        if (slug != null && !slug.asText().equals(tenant.value())) {
            problems.add(new Violation("slug", Text.of("tenancy.configuration.slug-fixed", slug.asText(), tenant)));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        wanted.put("slug", tenant.value());
        // The operator's status is kept as stored: an administrator's change never suspends or resumes.
        wanted.put("status", directory.tenant(tenant).status().name().toLowerCase(java.util.Locale.ROOT));
        try {
            return new Change(revision.asText(), TenantDocuments.readTenant("configuration", wanted.toString(), InputFormat.JSON));
        } catch (Refusal refusal) {
            throw invalid(refusal.violations().isEmpty() ? List.of(new Violation("configuration", refusal.getMessage()))
                    : refusal.violations());
        }
    }

    /**
     * A configuration the rules refuse: 422, naming every field; nothing is written. The title is translated by its
     * problem type; the detail lists every problem in the reply's language.
     */
    static Refusal invalid(List<Violation> violations) {
        Object listed = violations.isEmpty() ? "" : listed(violations.stream().map(Violation::said).toList());
        return new Refusal("invalid-configuration", 422, "The configuration breaks a rule",
                Text.of("tenancy.configuration.invalid", violations.size(), listed), violations);
    }

    /** {@code a; b; c}, split in halves so that a long list nests only as deep as its logarithm. */
    private static Text listed(List<Text> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        int half = problems.size() / 2;
        return Text.of("tenancy.configuration.problems", listed(problems.subList(0, half)),
                listed(problems.subList(half, problems.size())));
    }

    /** Only the library system's own tenant administrators; the resource's role check is repeated here. */
    private static void admin(TenantId tenant, Caller caller) {
        if (!caller.isStaffOf(tenant) || !caller.roles().contains(Roles.TENANT_ADMIN)) {
            throw Refusal.forbidden(Text.of("platform.forbidden.role"));
        }
    }

    /** Made on first use, so that the refusal above is built (and unit-tested) without a JSON-B provider. */
    private static final class JsonB {
        static final Jsonb INSTANCE = JsonbBuilder.create();
    }

    private static ObjectNode tree(TenantSpec spec) {
        try {
            return (ObjectNode) JSON.readTree(JsonB.INSTANCE.toJson(spec));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode ordered(JsonNode node) {
        if (node.isArray()) {
            var array = JSON.createArrayNode();
            node.forEach(item -> array.add(ordered(item)));
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), ordered(field.getValue()));
        }
        ObjectNode sorted = JSON.createObjectNode();
        FILE_ORDER.stream().filter(fields::containsKey).forEach(key -> sorted.set(key, fields.remove(key)));
        fields.forEach(sorted::set);
        return sorted;
    }
}
