package org.servicepoint.tenancy.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TenantOutlineTest {

    @Test
    void the_outline_of_a_document_names_its_branches_and_positions_and_who_may_do_what() throws Exception {
        Path file = Path.of("../../tenants/riverbend/tenant.yaml");
        TenantSpec spec = TenantDocuments.readTenant(file.toString(), Files.readString(file, StandardCharsets.UTF_8), InputFormat.YAML);
        TenantOutline outline = TenantOutline.of(spec);
        assertThat(outline.zone()).isEqualTo(ZoneId.of(spec.timeZone()));
        assertThat(outline.language()).isEqualTo(Locale.forLanguageTag(spec.locale()));
        assertThat(outline.branchNames().keySet()).containsExactlyElementsOf(spec.branches().stream().map(BranchSpec::code).toList());
        assertThat(outline.branchNames()).containsEntry("PINE-HOLLOW", "Pine Hollow Public Library");
        assertThat(outline.positionNames().keySet()).containsExactlyElementsOf(spec.positions().stream().map(TenantSpec.PositionSpec::code)
                .toList());
        assertThat(outline.positionsThatMay("receive-incident-reports")).contains("branch-manager")
                .allSatisfy(code -> assertThat(spec.positions().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow().may())
                        .contains("receive-incident-reports"));
    }

    @Test
    void a_branch_is_known_by_its_exact_code_and_a_vanished_one_is_named_by_its_code() {
        TenantOutline outline = new TenantOutline("outline-test", "Outline Test", "America/Chicago", "en-US", "ACTIVE",
                List.of(new TenantOutline.BranchName("NORTH", "North Branch", false)), List.of());
        assertThat(outline.hasBranch("NORTH")).isTrue();
        assertThat(outline.hasBranch("north")).isFalse();
        assertThat(outline.hasBranch(null)).isFalse();
        assertThat(outline.branchName("NORTH")).isEqualTo("North Branch");
        assertThat(outline.branchName("GONE")).isEqualTo("GONE");
    }

    @Test
    void the_outlines_language_is_the_fallback_where_servicepoint_has_no_texts_in_the_locales_own() {
        List<BranchSpec> none = List.of();
        TenantSpec quebec = new TenantSpec("riviere", "Bibliothèque", "America/Toronto", "fr-CA", "active", none, null, null, null, null, "es");
        TenantSpec mexico = new TenantSpec("norte", "Biblioteca", "America/Monterrey", "es-MX", "active", none);
        TenantSpec plain = new TenantSpec("riviere", "Bibliothèque", "America/Toronto", "fr-CA", "active", none);

        assertThat(TenantOutline.of(quebec).language()).isEqualTo(Locale.forLanguageTag("es-CA"));
        assertThat(TenantOutline.of(mexico).language()).isEqualTo(Locale.forLanguageTag("es-MX"));
        assertThat(TenantOutline.of(plain).language()).as("no fallback named: English").isEqualTo(Locale.forLanguageTag("en-CA"));
    }
}
