package org.servicepoint.demo.control;

import com.networknt.schema.InputFormat;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.SchemaReady;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.TenantDocuments;
import org.servicepoint.tenancy.control.TenantFolder;
import org.servicepoint.tenancy.control.TenantSpec;

/**
 * Demo data for demonstrations, never for production: only when {@code servicepoint.demo.data} is true (the local run
 * sets it) are the {@code demo/} folders of {@code servicepoint.tenants.dir} applied at start-up, after the tenant
 * files and incident forms. One library system's bad file is logged with file, line and field and applies nothing of
 * that library system; the others still apply.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    // Off unless asked for: a server that has the tenant files never gets demo data by accident.
    @Inject @ConfigProperty(name = "servicepoint.demo.data", defaultValue = "false") boolean enabled;
    @Inject TenantFolder folder;
    @Inject DemoApplier applier;

    // After the tenant files (default priority) and the incident forms (APPLICATION + 600): both must be in place.
    void onSchemaReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 700) SchemaReady ready) {
        if (enabled) {
            folder.path().ifPresent(this::applyAll);
        }
    }

    /** Applies every {@code <dir>/<slug>/demo/} folder; refused ones are logged and reported, the rest still apply. */
    public List<DemoApplier.Outcome> applyAll(Path dir) {
        List<DemoApplier.Outcome> outcomes = new ArrayList<>();
        List<Path> tenants;
        try (Stream<Path> entries = Files.list(dir)) {
            tenants = entries.filter(d -> Files.isDirectory(d.resolve(DemoDocuments.FOLDER))).sorted().toList();
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot list " + dir + "; no demo data applied", e);
            return outcomes;
        }
        for (Path tenantDir : tenants) {
            String slug = tenantDir.getFileName().toString();
            try {
                DemoApplier.Outcome outcome = apply(tenantDir);
                LOG.info(() -> "demo data of " + slug + ": " + outcome.note() + (outcome.applied() ? " (" + outcome.items() + " item(s))" : ""));
                outcomes.add(outcome);
            } catch (Refusal refusal) {
                LOG.severe(() -> "demo data of " + slug + " refused: " + refusal.forLog());
                outcomes.add(new DemoApplier.Outcome(slug, false, 0, refusal.forLog()));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "demo data of " + slug + " could not be applied; nothing of it was", e);
                outcomes.add(new DemoApplier.Outcome(slug, false, 0, "could not be applied: " + e));
            }
        }
        return outcomes;
    }

    private DemoApplier.Outcome apply(Path tenantDir) {
        String slug = tenantDir.getFileName().toString();
        String source = "tenants/" + slug + "/" + TenantDocuments.FILE_NAME;
        String text;
        try {
            text = Files.readString(tenantDir.resolve(TenantDocuments.FILE_NAME), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Refusal.invalid(source, "cannot be read: " + e.getMessage());
        }
        TenantSpec spec = TenantDocuments.readTenant(source, text, InputFormat.YAML);
        TenantId tenant = TenantId.of(spec.slug());
        Map<String, Caller> actors = new LinkedHashMap<>();
        Caller admin = null;
        for (TenantSpec.DemoUserSpec user : spec.demoUsers()) {
            Caller caller = actor(tenant, user);
            actors.put(user.username(), caller);
            if (admin == null && caller.roles().contains(Roles.TENANT_ADMIN)) {
                admin = caller;
            }
        }
        if (admin == null) {
            throw Refusal.invalid(source, "names no demo user with the tenant-admin role, who would keep the demo roster");
        }
        DemoSet set = DemoDocuments.read(slug, DemoDocuments.folder(tenantDir), Set.copyOf(actors.keySet()));
        return applier.apply(tenant, set, actors, admin);
    }

    /** The caller a demo user's token would make: the roles of the tenant file, the position, and the claims. */
    static Caller actor(TenantId tenant, TenantSpec.DemoUserSpec user) {
        Set<String> roles = new HashSet<>(user.roles());
        roles.add(Roles.STAFF);
        roles.add(Roles.POSITION_PREFIX + user.position());
        Map<String, String> claims = new HashMap<>();
        claims.put("tag_name", user.tagName());
        claims.put("position", user.position());
        claims.put("branch", user.branch());
        return Caller.staff(user.username(), tenant, roles, claims);
    }
}
