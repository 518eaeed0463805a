package org.servicepoint.incidents.forms.control;

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
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.SchemaReady;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.TenantFolder;

/**
 * Publishes every {@code <servicepoint.tenants.dir>/<slug>/incident-form.yaml} at start-up, after the tenant files
 * themselves (the library system must exist). A file whose content is already the current version changes
 * nothing, so a restart publishes only what was edited. A bad file is logged with its lines and fields, and that
 * library system keeps the form it had.
 */
@ApplicationScoped
public class IncidentFormFiles {

    private static final Logger LOG = Logger.getLogger(IncidentFormFiles.class.getName());

    @Inject
    TenantFolder folder;

    @Inject
    IncidentForms forms;

    // Later than the tenant files' own start-up observer (default priority), so the library systems exist.
    void onSchemaReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) SchemaReady ready) {
        folder.path().ifPresent(this::publishAll);
    }

    private void publishAll(Path tenantsDir) {
        for (Path file : files(tenantsDir)) {
            String slug = file.getParent().getFileName().toString();
            String source = "tenants/" + slug + "/" + FormDocuments.FILE_NAME;
            try {
                if (!TenantId.isValidSlug(slug)) {
                    LOG.warning(() -> source + " is not in a library system's folder; skipped");
                    continue;
                }
                Publication outcome = forms.publish(TenantId.of(slug), Caller.SYSTEM, source,
                        Files.readString(file, StandardCharsets.UTF_8), InputFormat.YAML);
                LOG.info(() -> source + (outcome.changed() ? " published as version " : " unchanged, version ")
                        + outcome.current().version());
            } catch (Refusal refusal) {
                LOG.severe(() -> source + " refused, the form stays as it was: " + refusal.forLog());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, source + " could not be published; the form stays as it was", e);
            }
        }
    }

    static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).map(d -> d.resolve(FormDocuments.FILE_NAME)).filter(Files::isRegularFile)
                    .sorted().toList();
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot list " + dir, e);
            return List.of();
        }
    }
}
