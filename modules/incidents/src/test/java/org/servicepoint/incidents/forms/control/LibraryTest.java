package org.servicepoint.incidents.forms.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.servicepoint.tenancy.control.TenantDocuments;
import org.servicepoint.tenancy.control.TenantOutline;
import org.servicepoint.tenancy.control.TenantSpec;

class LibraryTest {

    /** Reports read the outline on every request; it must give the same library as the whole document. */
    @Test
    void the_outline_gives_the_same_library_as_the_document() throws Exception {
        Path file = Path.of("../../tenants/riverbend/tenant.yaml");
        TenantSpec spec = TenantDocuments.readTenant(file.toString(), Files.readString(file, StandardCharsets.UTF_8), InputFormat.YAML);
        TenantOutline outline = new TenantOutline(spec.slug(), spec.name(), spec.timeZone(), spec.locale(), spec.status(),
                spec.branches().stream().map(b -> new TenantOutline.BranchName(b.code(), b.name(), b.isHeadquarters())).toList(),
                spec.positions());
        assertThat(Library.of(outline)).isEqualTo(Library.of(spec));
        assertThat(Library.of(outline).positionMay("branch-manager", Library.RECEIVE)).isTrue();
        assertThat(Library.of(outline).branchName("PINE-HOLLOW")).isEqualTo("Pine Hollow Public Library");
    }
}
