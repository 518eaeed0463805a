package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.servicepoint.tenancy.control.TenantDocuments;
import org.servicepoint.tenancy.control.TenantOutline;
import org.servicepoint.tenancy.control.TenantSpec;

class LibrarySystemTest {

    /** The roster reads the outline; it must give the same library system as the whole document. */
    @Test
    void the_outline_gives_the_same_library_system_as_the_document() throws Exception {
        Path file = Path.of("../../tenants/riverbend/tenant.yaml");
        TenantSpec spec = TenantDocuments.readTenant(file.toString(), Files.readString(file, StandardCharsets.UTF_8), InputFormat.YAML);
        TenantOutline outline = new TenantOutline(spec.slug(), spec.name(), spec.timeZone(), spec.locale(), spec.status(),
                spec.branches().stream().map(b -> new TenantOutline.BranchName(b.code(), b.name(), b.isHeadquarters())).toList(),
                spec.positions());
        assertThat(LibrarySystem.of(outline)).isEqualTo(LibrarySystem.of(spec));
    }
}
