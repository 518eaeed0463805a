package org.servicepoint.tenancy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.platform.testing.Refusals.refusalOf;
import static org.servicepoint.tenancy.control.TenantDocumentsTest.FILE;
import static org.servicepoint.tenancy.control.TenantDocumentsTest.MILLBROOK;
import static org.servicepoint.tenancy.control.TenantDocumentsTest.lineWith;
import static org.servicepoint.tenancy.control.TenantDocumentsTest.millbrookWith;

import com.networknt.schema.InputFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;

/** What the reader refuses beyond the schema, so that nothing in a file is silently lost or misread. */
class TenantDocumentsStrictnessTest {

    static List<Violation> violationsOf(String yaml) {
        return refusalOf(() -> TenantDocuments.readTenant(FILE, yaml, InputFormat.YAML)).violations();
    }

    /** Millbrook with a chain of command (volunteer below branch manager) and the given list of demo users. */
    static String millbrookWithDemoUsers(String demoUsers) {
        return MILLBROOK + """
                settings:
                  idleLockMinutes: 3
                positions:
                  - code: volunteer
                    name: Volunteer
                  - code: branch-manager
                    name: Branch manager
                demoUsers:
                """ + demoUsers;
    }

    @Test
    void a_key_written_twice_is_refused_not_overwritten() {
        String yaml = millbrookWith("  friday: [\"09:00-17:00\"]\n", "  friday: [\"09:00-17:00\"]\n      friday: []\n");
        assertThat(violationsOf(yaml)).singleElement().satisfies(v -> {
            assertThat(v.message()).containsIgnoringCase("duplicate");
            assertThat(v.at()).isEqualTo(FILE + ":" + lineWith(yaml, "friday: []"));
        });
    }

    @Test
    void a_file_of_only_comments_is_refused_as_empty() {
        assertThat(violationsOf("# nothing here yet\n")).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("has no content"));
    }

    @Test
    void a_list_instead_of_a_mapping_is_refused() {
        assertThat(violationsOf("- slug: x\n")).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("must be a mapping"));
    }

    @Test
    void an_old_language_code_must_be_written_as_java_stores_it() {
        String yaml = MILLBROOK.replace("locale: en-US", "locale: iw");
        assertThat(violationsOf(yaml)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("locale");
            assertThat(v.message()).contains("\"he\"");
        });
    }

    @Test
    void a_desk_with_its_own_hours_that_is_never_open_is_refused() {
        String yaml = MILLBROOK.replace("saturday: [\"10:00-13:00\"]", "saturday: []");
        assertThat(violationsOf(yaml)).singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("branches[0].servicePoints[1].openingHours"));
    }

    @Test
    void violations_come_in_line_order() {
        String yaml = MILLBROOK.replace("code: MAIN", "code: main").replace("code: EAST", "code: east")
                .replace("name: Millbrook Public Library", "name: Millbrook Public Library\ncolour: red");
        List<Integer> lines = violationsOf(yaml).stream()
                .map(v -> Integer.parseInt(v.at().substring(v.at().lastIndexOf(':') + 1))).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3).isSorted();
    }

    @Test
    void the_chain_of_command_and_demo_users_are_checked_against_each_other() {
        String yaml = millbrookWithDemoUsers("""
                  - username: ada
                    tagName: Ada
                    position: director
                    branch: WEST
                    roles: [staff]
                  - username: ada
                    tagName: Ada again
                    position: volunteer
                    branch: MAIN
                    roles: [staff]
                """);
        assertThat(violationsOf(yaml)).extracting(Violation::field)
                .containsExactlyInAnyOrder("demoUsers[0].position", "demoUsers[0].branch", "demoUsers[1].username");
    }

    @Test
    void a_valid_chain_of_command_is_read_with_its_settings() {
        String yaml = millbrookWithDemoUsers("""
                  - username: ada
                    tagName: Ada
                    position: branch-manager
                    branch: MAIN
                    roles: [staff, person-in-charge]
                """);
        TenantSpec spec = TenantDocuments.readTenant(FILE, yaml, InputFormat.YAML);
        assertThat(spec.idleLockMinutes()).isEqualTo(3);
        assertThat(spec.positions()).extracting(TenantSpec.PositionSpec::code).containsExactly("volunteer", "branch-manager");
        assertThat(spec.demoUsers()).singleElement().satisfies(u -> assertThat(u.roles()).contains("person-in-charge"));
        assertThat(Flat.tenant(spec)).containsEntry("positions", "volunteer (Volunteer) < branch-manager (Branch manager)")
                .containsEntry("settings.idleLockMinutes", "3");
    }

    @Test
    void a_username_shorter_than_the_identity_provider_allows_is_refused() {
        String yaml = millbrookWithDemoUsers("""
                  - username: jo
                    tagName: Jo
                    position: volunteer
                    branch: MAIN
                    roles: [staff]
                """);
        assertThat(violationsOf(yaml)).singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("demoUsers[0].username"));
    }

    @Test
    void trailing_content_after_a_json_body_is_refused() {
        assertThatThrownBy(() -> TenantDocuments.readBranch("body", "{\"code\":\"X\"} {\"more\":1}"))
                .isInstanceOf(Refusal.class);
    }
}
