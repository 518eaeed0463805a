package org.servicepoint.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicepoint.tenancy.control.TenantDocuments;
import org.servicepoint.tenancy.control.TenantSpec;

class BenchTenantsTest {

    @Test
    void slugsAreNumberedFromOne() {
        assertThat(BenchTenants.slug(1)).isEqualTo("bench-001");
        assertThat(BenchTenants.slug(42)).isEqualTo("bench-042");
        assertThat(BenchTenants.slugs(3)).containsExactly("bench-001", "bench-002", "bench-003");
    }

    @Test
    void fillsInSlugAndNumber() {
        String file = BenchTenants.file(BenchTenants.template(), 7);
        assertThat(file).contains("slug: bench-007\n").contains("name: Benchmark Library 007\n").doesNotContain("{{");
    }

    @Test
    void writesOneFolderPerTenantAsTheServerReadsThem(@TempDir Path dir) throws Exception {
        List<String> slugs = BenchTenants.write(dir, 3);
        assertThat(slugs).containsExactly("bench-001", "bench-002", "bench-003");
        for (String slug : slugs) {
            assertThat(dir.resolve(slug).resolve("tenant.yaml")).isRegularFile();
        }
        // the start-up banner's reader finds the one demo user
        assertThat(DemoLogins.read(dir)).isEqualTo(Map.of(
                "bench-001", List.of("reporter"), "bench-002", List.of("reporter"), "bench-003", List.of("reporter")));
        assertThatThrownBy(() -> BenchTenants.write(dir, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The server's own reader (schema and rules) accepts the file: one branch, a signing position, one demo user. */
    @Test
    void theServerAcceptsAGeneratedFile(@TempDir Path dir) throws Exception {
        BenchTenants.write(dir, 1);
        String text = Files.readString(dir.resolve("bench-001/tenant.yaml"));
        TenantSpec spec = TenantDocuments.readTenant("bench-001/tenant.yaml", text, InputFormat.YAML);
        assertThat(spec.slug()).isEqualTo("bench-001");
        assertThat(spec.branches()).hasSize(1);
        assertThat(spec.demoUsers()).singleElement().satisfies(u -> {
            assertThat(u.username()).isEqualTo(BenchTenants.USERNAME);
            assertThat(u.roles()).contains("staff");
            String position = u.position();
            assertThat(spec.positions()).filteredOn(p -> p.code().equals(position))
                    .singleElement().satisfies(p -> assertThat(p.may()).contains("sign-incident-reports"));
        });
        // someone receives the reports, so signing writes a delivery (the outbox) for every report
        assertThat(spec.positions()).anySatisfy(p -> assertThat(p.may()).contains("receive-incident-reports"));
    }
}
