package org.servicepoint.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The folder of tenant files ({@code servicepoint.tenants.dir}) that start-up reads: the tenant files themselves,
 * the incident forms and the demo data each read their own files from it. One reader, so "none" means the same
 * to all three.
 */
@ApplicationScoped
public class TenantFolder {

    @Inject
    @ConfigProperty(name = "servicepoint.tenants.dir", defaultValue = "none")
    String dir;

    /** The folder, unless this deployment reads no tenant files (the setting is blank or {@code none}). */
    public Optional<Path> path() {
        return dir == null || dir.isBlank() || "none".equals(dir) ? Optional.empty() : Optional.of(Path.of(dir));
    }
}
