package org.servicepoint.tenancy.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The demo tenant files in the repository's tenants/ folder, found from wherever the tests run. */
final class DemoTenants {

    private DemoTenants() {
    }

    /** The tenants/ folder: surefire runs in the module folder, an IDE may run in the repository root. */
    static Path folder() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path tenants = dir.resolve("tenants");
            if (Files.isDirectory(tenants) && Files.isRegularFile(tenants.resolve("riverbend").resolve(TenantDocuments.FILE_NAME))) {
                return tenants;
            }
        }
        throw new IllegalStateException("no tenants/ folder with the demo tenants above " + start);
    }

    static List<TenantSpec> read() {
        return TenantDocuments.readAll(TenantDocuments.folder(folder()));
    }
}
