// Over 400 lines on purpose: thirty-odd short cases, one per rule of the tenant file, each with its YAML inline so a
// failure shows the document next to the message.
package org.servicepoint.tenancy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.platform.testing.Refusals.refusalOf;

import com.networknt.schema.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.tenancy.control.TenantDocuments.Source;

/** Reading tenant files and branch bodies: every problem names the file, the line and the field. */
class TenantDocumentsTest {

    static final String FILE = "tenants/millbrook/tenant.yaml";

    static final String MILLBROOK = """
            # yaml-language-server: $schema=../../modules/tenancy/src/main/resources/org/servicepoint/tenancy/tenant.schema.json
            slug: millbrook
            name: Millbrook Public Library
            timeZone: America/Chicago
            locale: en-US
            branches:
              - code: MAIN
                name: Millbrook Main Library
                headquarters: true
                phone: "+1 601-555-0110"
                servicePoints:
                  - code: circulation
                    name: Circulation Desk
                  - code: childrens
                    name: Children's Desk
                    openingHours:
                      saturday: ["10:00-13:00"]
                openingHours:
                  monday: ["09:00-12:00", "13:00-18:00"]
                  friday: ["09:00-17:00"]
                  saturday: ["09:00-13:00"]
                closures:
                  - date: "2026-12-24"
                    reason: Christmas Eve
                    hours: ["09:00-12:00"]
                  - date: "2026-12-25"
                    reason: Christmas Day
              - code: EAST
                name: East Side Branch
                servicePoints:
                  - code: circulation
                    name: Circulation Desk
                openingHours:
                  tuesday: ["10:00-18:00"]
            """;

    /** Millbrook with one fragment, which must occur exactly once, replaced. */
    static String millbrookWith(String fragment, String replacement) {
        assertThat(MILLBROOK.split(Pattern.quote(fragment), -1)).as("pieces around %s", fragment).hasSize(2);
        return MILLBROOK.replace(fragment, replacement);
    }

    /** The numbers (from 1) of the lines that hold the fragment. */
    static List<Integer> linesWith(String text, String fragment) {
        List<String> lines = text.lines().toList();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                found.add(i + 1);
            }
        }
        return found;
    }

    static int lineWith(String text, String fragment) {
        List<Integer> found = linesWith(text, fragment);
        assertThat(found).as("lines with %s", fragment).hasSize(1);
        return found.get(0);
    }

    static Violation onlyViolationOf(String yaml) {
        Refusal refusal = refusalOf(() -> TenantDocuments.readTenant(FILE, yaml, InputFormat.YAML));
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.violations()).hasSize(1);
        return refusal.violations().get(0);
    }

    /** The document's one problem, which must be about {@code field} and placed at the one line holding {@code lineHolding}. */
    static Violation onlyViolationAt(String yaml, String field, String lineHolding) {
        Violation v = onlyViolationOf(yaml);
        assertThat(v.field()).isEqualTo(field);
        assertThat(v.at()).isEqualTo(FILE + ":" + lineWith(yaml, lineHolding));
        return v;
    }

    static Refusal refusalOfAll(Source... sources) {
        return refusalOf(() -> TenantDocuments.readAll(List.of(sources)));
    }

    /** A tenants folder below {@code root} with {@code text} as {@code <folder>/tenant.yaml}. */
    static Path tenantsWith(Path root, String folder, String text) throws IOException {
        Path tenants = Files.createDirectories(root.resolve("tenants"));
        Files.writeString(Files.createDirectories(tenants.resolve(folder)).resolve("tenant.yaml"), text);
        return tenants;
    }

    // --- the demo tenants

    @Test
    void every_demo_tenant_reads_cleanly_with_one_headquarters() {
        List<TenantSpec> demo = DemoTenants.read();

        assertThat(demo).extracting(TenantSpec::slug).containsExactlyInAnyOrder("riverbend", "lakeview-law", "hollis-college");
        assertThat(demo).allSatisfy(t -> assertThat(t.branches()).filteredOn(BranchSpec::isHeadquarters).hasSize(1));
        assertThat(demo).filteredOn(t -> t.slug().equals("riverbend")).singleElement()
                .satisfies(t -> assertThat(t.branches()).filteredOn(BranchSpec::isHeadquarters)
                        .extracting(BranchSpec::code).containsExactly("HQ"));
    }

    @Test
    void demo_files_are_named_from_the_repository_root_so_errors_point_at_them() {
        assertThat(TenantDocuments.folder(DemoTenants.folder())).extracting(Source::path)
                .contains("tenants/riverbend/tenant.yaml", "tenants/lakeview-law/tenant.yaml",
                        "tenants/hollis-college/tenant.yaml");
    }

    @Test
    void the_example_reads_with_desk_hours_and_shortened_closures() {
        TenantSpec millbrook = TenantDocuments.readTenant(FILE, MILLBROOK, InputFormat.YAML);

        assertThat(millbrook.slug()).isEqualTo("millbrook");
        assertThat(millbrook.branches()).extracting(BranchSpec::code).containsExactly("MAIN", "EAST");
        BranchSpec main = millbrook.branches().get(0);
        assertThat(main.servicePoints().get(1).openingHours().saturday()).containsExactly("10:00-13:00");
        assertThat(main.closures().get(0).hours()).containsExactly("09:00-12:00");
        assertThat(main.closures().get(1).hours()).isNull();
    }

    @Test
    void the_same_document_as_json_reads_to_the_same_spec() {
        String json = """
                {"slug": "millbrook", "name": "Millbrook Public Library", "timeZone": "America/Chicago", "locale": "en-US",
                 "branches": [{"code": "MAIN", "name": "Millbrook Main Library", "headquarters": true,
                               "servicePoints": [{"code": "circulation", "name": "Circulation Desk"}],
                               "openingHours": {"monday": ["09:00-17:00"]}}]}
                """;
        String yaml = """
                slug: millbrook
                name: Millbrook Public Library
                timeZone: America/Chicago
                locale: en-US
                branches:
                  - code: MAIN
                    name: Millbrook Main Library
                    headquarters: true
                    servicePoints: [{code: circulation, name: Circulation Desk}]
                    openingHours: {monday: ["09:00-17:00"]}
                """;

        assertThat(TenantDocuments.readTenant("body", json, InputFormat.JSON))
                .isEqualTo(TenantDocuments.readTenant(FILE, yaml, InputFormat.YAML));
    }

    // --- YAML that is not well-formed

    @Test
    void a_line_indented_wrongly_is_named_by_file_and_line() {
        String yaml = millbrookWith("    name: Millbrook Main Library", "  name: Millbrook Main Library");

        assertThat(onlyViolationAt(yaml, "(document)", "  name: Millbrook Main Library").message()).startsWith("is not well-formed YAML");
    }

    @Test
    void an_unclosed_bracket_is_named_by_file_and_line() {
        String yaml = millbrookWith("friday: [\"09:00-17:00\"]", "friday: [\"09:00-17:00\"");

        assertThat(onlyViolationAt(yaml, "(document)", "friday:").message()).startsWith("is not well-formed YAML");
    }

    @Test
    void an_empty_file_is_refused_at_its_first_line() {
        assertThat(onlyViolationOf("  \n")).isEqualTo(new Violation("(document)", "is empty", FILE + ":1"));
    }

    // --- one problem of a document, named by field and line (schema and rules alike)

    /** A change to Millbrook that leaves one problem, and a part of its message where the case checks one. */
    record OneProblem(String sentence, String fragment, String replacement, String field, String lineHolding, String message) {
        @Override
        public String toString() {
            return sentence;
        }
    }

    static Stream<OneProblem> oneProblemNamedByFieldAndLine() {
        return Stream.of(
                new OneProblem("a lowercase branch code is named by line and field", "code: EAST", "code: east", "branches[1].code",
                        "code: east", "^[A-Z0-9][A-Z0-9-]{0,15}$"),
                // The line of the unknown property itself, where the reader has to look.
                new OneProblem("an unknown property is refused with its path", "    name: East Side Branch\n",
                        "    name: East Side Branch\n    colour: green\n", "branches[1].colour", "colour: green", "colour"),
                new OneProblem("a missing required field is named with its path", "    name: East Side Branch\n", "", "branches[1].name",
                        "- code: EAST", null),
                new OneProblem("overlapping desk hours are reported at their line", "saturday: [\"10:00-13:00\"]",
                        "saturday: [\"10:00-13:00\", \"12:00-14:00\"]", "branches[0].servicePoints[1].openingHours.saturday",
                        "\"12:00-14:00\"", null),
                new OneProblem("an impossible date is reported at its line", "date: \"2026-12-25\"", "date: \"2026-02-30\"",
                        "branches[0].closures[1].date", "2026-02-30", null),
                new OneProblem("an unknown time zone is reported at its line", "America/Chicago", "Mars/Olympus", "timeZone", "timeZone:",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void oneProblemNamedByFieldAndLine(OneProblem change) {
        Violation v = onlyViolationAt(millbrookWith(change.fragment(), change.replacement()), change.field(), change.lineHolding());

        if (change.message() != null) {
            assertThat(v.message()).contains(change.message());
        }
    }

    // --- documents against the schema

    @Test
    void a_time_range_that_is_no_time_range_is_named_down_to_its_place_in_the_list() {
        String yaml = millbrookWith("tuesday: [\"10:00-18:00\"]", "tuesday: [\"10:00-18:00\", \"9-5\"]");

        Violation v = onlyViolationOf(yaml);

        // the form docs/tenant-config.md shows: file:line: field: message
        assertThat(v.toString()).startsWith(FILE + ":" + lineWith(yaml, "tuesday:") + ": branches[1].openingHours.tuesday[1]: ");
    }

    @Test
    void every_schema_problem_of_a_file_is_reported_at_once() {
        String yaml = millbrookWith("code: EAST", "code: east").replace("locale: en-US", "locale: english");

        Refusal refusal = refusalOf(() -> TenantDocuments.readTenant(FILE, yaml, InputFormat.YAML));

        assertThat(refusal.violations()).extracting(Violation::field).containsExactlyInAnyOrder("locale", "branches[1].code");
        assertThat(refusal.getMessage()).isEqualTo(FILE + ": 2 problem(s); nothing was changed");
    }

    // --- documents against the rules

    @Test
    void overlapping_hours_are_reported_at_their_line() {
        String yaml = millbrookWith("[\"09:00-12:00\", \"13:00-18:00\"]", "[\"09:00-12:00\", \"11:00-18:00\"]");

        Violation v = onlyViolationOf(yaml);

        assertThat(v).isEqualTo(new Violation("branches[0].openingHours.monday", "09:00-12:00 and 11:00-18:00 overlap",
                FILE + ":" + lineWith(yaml, "monday:")));
    }

    @Test
    void a_closure_date_listed_twice_is_reported_at_the_second() {
        String yaml = millbrookWith("date: \"2026-12-25\"", "date: \"2026-12-24\"");

        Violation v = onlyViolationOf(yaml);

        assertThat(v.field()).isEqualTo("branches[0].closures[1].date");
        assertThat(v.at()).isEqualTo(FILE + ":" + linesWith(yaml, "2026-12-24").get(1));
    }

    @Test
    void two_headquarters_are_reported_at_the_list_of_branches() {
        String yaml = millbrookWith("    name: East Side Branch\n", "    name: East Side Branch\n    headquarters: true\n");

        Violation v = onlyViolationOf(yaml);

        assertThat(v.field()).isEqualTo("branches");
        assertThat(v.message()).contains("found 2");
    }

    // --- a headquarters with no public desk, a bookmobile, a fallback language, as files

    @Test
    void a_headquarters_file_without_desks_reads() {
        String yaml = millbrookWith("""
                    servicePoints:
                      - code: circulation
                        name: Circulation Desk
                      - code: childrens
                        name: Children's Desk
                        openingHours:
                          saturday: ["10:00-13:00"]
                """, "");

        TenantSpec spec = TenantDocuments.readTenant(FILE, yaml, InputFormat.YAML);

        assertThat(spec.branches().get(0).servicePoints()).isEmpty();
    }

    @Test
    void a_member_branch_file_without_desks_is_refused_at_the_branch() {
        String yaml = millbrookWith("""
                    servicePoints:
                      - code: circulation
                        name: Circulation Desk
                    openingHours:
                      tuesday: ["10:00-18:00"]
                """, """
                    openingHours:
                      tuesday: ["10:00-18:00"]
                """);

        Refusal refusal = refusalOf(() -> TenantDocuments.readTenant(FILE, yaml, InputFormat.YAML));

        assertThat(refusal.violations()).extracting(Violation::field).containsExactly("branches[1].servicePoints");
    }

    @Test
    void a_bookmobile_with_its_stops_and_a_fallback_language_read_from_a_file() {
        String yaml = millbrookWith("locale: en-US\n", "locale: fr-CA\nfallbackLanguage: es\n").replace("""
                  - code: EAST
                    name: East Side Branch
                    servicePoints:
                      - code: circulation
                        name: Circulation Desk
                """, """
                  - code: EAST
                    name: East Side Branch
                    servicePoints:
                      - code: circulation
                        name: Circulation Desk
                      - code: bookmobile
                        name: Bookmobile
                        mobile: true
                        stops:
                          - { name: Oak Street School, day: tuesday, hours: "09:30-11:30" }
                          - { name: Mill Road Senior Center, day: tuesday, hours: "12:00-13:30" }
                """);

        TenantSpec spec = TenantDocuments.readTenant(FILE, yaml, InputFormat.YAML);

        assertThat(spec.fallbackLanguage()).isEqualTo("es");
        assertThat(spec.branches().get(1).servicePoints().get(1).stops()).extracting(BranchSpec.StopSpec::name)
                .containsExactly("Oak Street School", "Mill Road Senior Center");
    }

    @Test
    void a_stop_on_no_day_of_the_week_is_refused_by_the_schema_at_its_line() {
        String yaml = MILLBROOK.replace("""
                      - code: circulation
                        name: Circulation Desk
                    openingHours:
                      tuesday: ["10:00-18:00"]
                """, """
                      - code: circulation
                        name: Circulation Desk
                      - code: bookmobile
                        name: Bookmobile
                        mobile: true
                        stops:
                          - { name: Oak Street School, day: someday, hours: "09:30-11:30" }
                    openingHours:
                      tuesday: ["10:00-18:00"]
                """);

        Violation v = onlyViolationOf(yaml);

        assertThat(v.field()).isEqualTo("branches[1].servicePoints[1].stops[0].day");
    }

    // --- folders and sets of files

    @Test
    void a_slug_that_differs_from_its_folder_is_refused(@TempDir Path root) throws IOException {
        Path tenants = tenantsWith(root, "oakdale", MILLBROOK);

        Refusal refusal = refusalOf(() -> TenantDocuments.readAll(TenantDocuments.folder(tenants)));

        assertThat(refusal.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("slug");
            assertThat(v.message()).contains("\"millbrook\"", "\"oakdale\"");
            assertThat(v.at()).isEqualTo("tenants/oakdale/tenant.yaml:" + lineWith(MILLBROOK, "slug:"));
        });
    }

    @Test
    void a_folder_reads_only_tenant_yaml_files_one_level_down(@TempDir Path root) throws IOException {
        Path tenants = tenantsWith(root, "millbrook", MILLBROOK);
        Files.writeString(Files.createDirectories(tenants.resolve("notes")).resolve("README.md"), "not a tenant");
        Files.writeString(tenants.resolve("tenant.yaml"), "not in a tenant folder");

        assertThat(TenantDocuments.folder(tenants)).containsExactly(new Source(FILE, MILLBROOK));
    }

    @Test
    void a_folder_that_is_not_there_is_refused(@TempDir Path root) {
        Refusal refusal = refusalOf(() -> TenantDocuments.folder(root.resolve("nowhere")));

        assertThat(refusal.violations()).extracting(Violation::field).containsExactly("tenants");
    }

    @Test
    void one_bad_file_refuses_the_lot_and_names_only_the_bad_file() {
        String oakdale = MILLBROOK.replace("slug: millbrook", "slug: oakdale")
                .replace("[\"09:00-12:00\", \"13:00-18:00\"]", "[\"09:00-12:00\", \"11:00-18:00\"]");

        Refusal refusal = refusalOfAll(new Source(FILE, MILLBROOK), new Source("tenants/oakdale/tenant.yaml", oakdale));

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.getMessage()).isEqualTo("1 problem(s) in the tenant files; nothing was changed");
        assertThat(refusal.violations()).extracting(Violation::at)
                .containsExactly("tenants/oakdale/tenant.yaml:" + lineWith(oakdale, "monday:"));
    }

    @Test
    void the_problems_of_every_file_are_reported_together() {
        String oakdale = MILLBROOK.replace("slug: millbrook", "slug: oakdale").replace("code: EAST", "code: east");
        String brokenMillbrook = MILLBROOK.replace("America/Chicago", "Mars/Olympus");

        Refusal refusal = refusalOfAll(new Source(FILE, brokenMillbrook), new Source("tenants/oakdale/tenant.yaml", oakdale));

        assertThat(refusal.violations()).extracting(Violation::field).containsExactly("timeZone", "branches[1].code");
        assertThat(refusal.violations()).extracting(Violation::at).allSatisfy(at -> assertThat(at).startsWith("tenants/"))
                .anySatisfy(at -> assertThat(at).startsWith(FILE)).anySatisfy(at -> assertThat(at).startsWith("tenants/oakdale/"));
    }

    @Test
    void good_files_read_in_the_order_given() {
        String oakdale = MILLBROOK.replace("slug: millbrook", "slug: oakdale");

        assertThat(TenantDocuments.readAll(List.of(new Source("tenants/oakdale/tenant.yaml", oakdale), new Source(FILE, MILLBROOK))))
                .extracting(TenantSpec::slug).containsExactly("oakdale", "millbrook");
    }

    @Test
    void the_same_tenant_twice_is_refused() {
        // sources not named <slug>/tenant.yaml, so the folder check does not catch it first
        Refusal refusal = refusalOfAll(new Source("first.yaml", MILLBROOK), new Source("second.yaml", MILLBROOK));

        assertThat(refusal.violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("millbrook", "twice"))
                .satisfies(v -> assertThat(v.at()).startsWith("second.yaml"));
    }

    @Test
    void no_files_at_all_is_refused() {
        assertThat(refusalOfAll().violations())
                .extracting(Violation::field).containsExactly("files");
    }

    // --- branch bodies sent to the admin API

    static final String EAST_BODY = """
            {"code": "EAST", "name": "East Side Branch",
             "servicePoints": [{"code": "circulation", "name": "Circulation Desk"}],
             "openingHours": {"tuesday": ["10:00-18:00"]}}
            """;

    @Test
    void a_branch_body_reads() {
        BranchSpec east = TenantDocuments.readBranch("body", EAST_BODY);

        assertThat(east.code()).isEqualTo("EAST");
        assertThat(east.isHeadquarters()).isFalse();
        assertThat(east.openingHours().tuesday()).containsExactly("10:00-18:00");
    }

    @Test
    void a_branch_body_with_an_unknown_field_is_refused() {
        Refusal refusal = refusalOf(() -> TenantDocuments.readBranch("body", EAST_BODY.replace("\"code\": \"EAST\",",
                "\"code\": \"EAST\", \"colour\": \"green\",")));

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.type()).isEqualTo("invalid-input");
        assertThat(refusal.violations()).extracting(Violation::field).containsExactly("colour");
    }

    @Test
    void a_branch_body_that_is_not_json_is_refused() {
        Refusal refusal = refusalOf(() -> TenantDocuments.readBranch("body", "code: EAST"));

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("(document)");
            assertThat(v.message()).startsWith("is not well-formed JSON");
        });
    }

    @Test
    void a_branch_body_breaking_a_rule_names_the_field_within_the_branch_and_its_line() {
        String body = EAST_BODY.replace("\"tuesday\": [\"10:00-18:00\"]", "\"tuesday\": [\"18:00-10:00\"]");

        Refusal refusal = refusalOf(() -> TenantDocuments.readBranch("body", body));

        assertThat(refusal.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("openingHours.tuesday");
            assertThat(v.at()).isEqualTo("body:" + lineWith(body, "tuesday"));
        });
    }

    @Test
    void an_empty_branch_body_is_refused() {
        assertThatThrownBy(() -> TenantDocuments.readBranch("body", ""))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.violations()).extracting(Violation::message)
                        .containsExactly("is empty"));
    }
}
