package org.servicepoint.policies.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.servicepoint.tenancy.control.TenantDocuments;
import org.servicepoint.tenancy.control.TenantSpec;

/** The demo library systems' policies.yaml files pass every rule against their own tenant.yaml. */
class DemoPoliciesTest {

    static final Path TENANTS = Path.of("../../tenants");

    static List<PolicySpec> read(String slug) throws IOException {
        Path dir = TENANTS.resolve(slug);
        TenantSpec tenant = TenantDocuments.readTenant(slug, Files.readString(dir.resolve("tenant.yaml")), InputFormat.YAML);
        PolicyDocuments.Positions positions = new PolicyDocuments.Positions(
                tenant.positions().stream().map(TenantSpec.PositionSpec::code).collect(Collectors.toSet()),
                tenant.positions().stream().filter(p -> p.may().contains(PolicyDocuments.GRANT))
                        .map(TenantSpec.PositionSpec::code).collect(Collectors.toSet()));
        return PolicyDocuments.readFile("tenants/" + slug + "/policies.yaml", Files.readString(dir.resolve("policies.yaml")),
                positions);
    }

    @Test
    void every_demo_library_systems_policies_file_is_accepted() throws IOException {
        assertThat(read("riverbend")).extracting(PolicySpec::key)
                .contains("complaint-handling", "computer-use", "patron-conduct", "overdue-fines", "patron-records");
        assertThat(read("lakeview-law")).extracting(PolicySpec::key).contains("patron-records", "clear-the-screen");
        assertThat(read("hollis-college")).isNotEmpty();
    }

    @Test
    void riverbend_has_a_flexible_policy_about_fines_for_the_desk_search() throws IOException {
        assertThat(read("riverbend")).anySatisfy(p -> {
            assertThat(p.strictness()).isEqualTo("flexible");
            assertThat(p.text() + p.reason() + p.title()).containsIgnoringCase("fine");
        });
    }
}
