package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicepoint.staffing.control.ChainOfCommand.Decision;
import org.servicepoint.staffing.control.ChainOfCommand.Person;
import org.servicepoint.staffing.control.ChainOfCommand.Rules;
import org.servicepoint.staffing.entity.EmploymentType;
import org.servicepoint.tenancy.control.TenantDocuments;
import org.servicepoint.tenancy.control.TenantSpec;

/**
 * The seeds' situations, decided with the chains of command the demo library systems declare in their
 * tenant files: the regional system (with headquarters and a branch manager to tell) and the law library
 * (where only a supervisor on duty or the director may answer police about patron records).
 */
class ChainOfCommandTest {

    static List<TenantSpec> tenants;

    @BeforeAll
    static void demoTenants() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("tenants"))) {
            dir = dir.getParent();
        }
        tenants = TenantDocuments.readAll(TenantDocuments.folder(dir.resolve("tenants")));
    }

    static TenantSpec tenant(String slug) {
        return tenants.stream().filter(t -> t.slug().equals(slug)).findFirst().orElseThrow();
    }

    /** "Rosa:branch-manager:permanent@PINE-HOLLOW" → a person of that library system. */
    static Person person(String slug, String text) {
        String[] nameRest = text.split(":");
        String[] typeBranch = nameRest[2].split("@");
        TenantSpec t = tenant(slug);
        int rank = 0;
        TenantSpec.PositionSpec position = null;
        for (int i = 0; i < t.positions().size(); i++) {
            if (t.positions().get(i).code().equals(nameRest[1])) {
                position = t.positions().get(i);
                rank = i + 1;
            }
        }
        if (position == null) {
            throw new IllegalArgumentException(nameRest[1] + " is no position of " + slug);
        }
        UUID id = UUID.nameUUIDFromBytes((slug + nameRest[0]).getBytes());
        return new Person(id, nameRest[0], nameRest[0].toLowerCase(), position.code(), position.name(), rank,
                Set.copyOf(position.may()), EmploymentType.ofCode(typeBranch[0]), typeBranch[1]);
    }

    static List<Person> people(String slug, String... texts) {
        List<Person> list = new ArrayList<>();
        for (String text : texts) {
            list.add(person(slug, text));
        }
        return list;
    }

    static Rules rules(String slug) {
        TenantSpec t = tenant(slug);
        String hq = t.branches().stream().filter(b -> b.isHeadquarters()).findFirst().orElseThrow().code();
        var chain = t.effectiveChainOfCommand();
        return new Rules(chain.substitutesOnlyWithoutPermanentStaff(), chain.notifyWhenAbsent(), hq);
    }

    static final String RB_ROSTER = "Rosa:branch-manager:permanent@PINE-HOLLOW,Ann:assistant-librarian:permanent@PINE-HOLLOW,"
            + "Val:volunteer:volunteer@PINE-HOLLOW,Sid:substitute:substitute@PINE-HOLLOW,Lou:library-assistant:permanent@PINE-HOLLOW,"
            + "Pip:page:page@PINE-HOLLOW,Cora:branch-services-coordinator:permanent@HQ,Bo:business-manager:permanent@HQ,"
            + "Dee:executive-director:permanent@HQ";
    static final String LAW_ROSTER = "Sam:student-assistant:student-assistant@LAW,Lin:librarian:permanent@LAW,"
            + "Sue:supervisor-on-duty:permanent@LAW,Morgan:director:permanent@LAW,Ali:library-assistant:permanent@LAW";

    static Stream<Arguments> scenarios() {
        return Stream.of(
                // slug, situation, on duty at the branch, on duty at headquarters, who decides, headquarters?, who is told
                Arguments.of("riverbend", Situation.DIFFICULT_SITUATION,
                        "Val:volunteer:volunteer@PINE-HOLLOW,Ann:assistant-librarian:permanent@PINE-HOLLOW", "",
                        "Ann", false, List.of("Rosa")),
                Arguments.of("riverbend", Situation.DIFFICULT_SITUATION,
                        "Sid:substitute:substitute@PINE-HOLLOW,Val:volunteer:volunteer@PINE-HOLLOW", "",
                        "Sid", false, List.of("Cora", "Dee", "Bo", "Rosa")),
                Arguments.of("riverbend", Situation.DIFFICULT_SITUATION,
                        "Sid:substitute:substitute@PINE-HOLLOW,Lou:library-assistant:permanent@PINE-HOLLOW", "",
                        "Lou", false, List.of("Rosa")),
                Arguments.of("riverbend", Situation.COMPLAINT,
                        "Val:volunteer:volunteer@PINE-HOLLOW,Pip:page:page@PINE-HOLLOW", "Cora:branch-services-coordinator:permanent@HQ",
                        "Cora", true, List.of("Rosa")),
                Arguments.of("riverbend", Situation.INJURY,
                        "Rosa:branch-manager:permanent@PINE-HOLLOW,Lou:library-assistant:permanent@PINE-HOLLOW", "",
                        "Rosa", false, List.of("Dee", "Bo")),
                Arguments.of("lakeview-law", Situation.PATRON_DATA_REQUEST,
                        "Sam:student-assistant:student-assistant@LAW,Sue:supervisor-on-duty:permanent@LAW", "",
                        "Sue", false, List.of()),
                Arguments.of("lakeview-law", Situation.PATRON_DATA_REQUEST,
                        "Sam:student-assistant:student-assistant@LAW,Lin:librarian:permanent@LAW", "",
                        "Morgan", true, List.of()),
                Arguments.of("lakeview-law", Situation.DIFFICULT_SITUATION,
                        "Sam:student-assistant:student-assistant@LAW,Ali:library-assistant:permanent@LAW", "",
                        "Morgan", true, List.of()));
    }

    @ParameterizedTest(name = "{0}: {1} with {2} on duty → {4}")
    @MethodSource("scenarios")
    void the_situation_goes_to_the_right_person(String slug, Situation situation, String onDuty, String atHeadquarters,
                                                 String decides, boolean headquarters, List<String> told) {
        List<Person> roster = people(slug, (slug.equals("riverbend") ? RB_ROSTER : LAW_ROSTER).split(","));
        List<Person> branch = people(slug, onDuty.split(","));
        List<Person> hq = atHeadquarters.isEmpty() ? List.of() : people(slug, atHeadquarters.split(","));
        String branchCode = branch.get(0).branchCode();

        Decision decision = ChainOfCommand.escalate(situation, branchCode, branch, hq, roster, rules(slug));

        assertThat(decision.decides()).map(Person::tagName).contains(decides);
        assertThat(decision.atHeadquarters()).isEqualTo(headquarters);
        assertThat(decision.notices()).extracting(n -> n.person().tagName()).containsExactlyInAnyOrderElementsOf(told);
        assertThat(decision.reason()).contains(decides);
    }

    static Stream<Arguments> inCharge() {
        return Stream.of(
                Arguments.of("riverbend", "Val:volunteer:volunteer@PINE-HOLLOW,Pip:page:page@PINE-HOLLOW", null),
                Arguments.of("riverbend", "Sid:substitute:substitute@PINE-HOLLOW,Val:volunteer:volunteer@PINE-HOLLOW", "Sid"),
                Arguments.of("riverbend", "Sid:substitute:substitute@PINE-HOLLOW,Lou:library-assistant:permanent@PINE-HOLLOW", "Lou"),
                Arguments.of("riverbend", "Lou:library-assistant:permanent@PINE-HOLLOW,Rosa:branch-manager:permanent@PINE-HOLLOW", "Rosa"),
                Arguments.of("lakeview-law", "Lin:librarian:permanent@LAW,Sue:supervisor-on-duty:permanent@LAW", "Sue"),
                Arguments.of("lakeview-law", "Sam:student-assistant:student-assistant@LAW,Ali:library-assistant:permanent@LAW", null));
    }

    @ParameterizedTest(name = "{0}: {1} on duty → in charge: {2}")
    @MethodSource("inCharge")
    void the_person_in_charge_is_the_most_senior_who_may_be(String slug, String onDuty, String expected) {
        var inCharge = ChainOfCommand.inCharge(people(slug, onDuty.split(",")), rules(slug));
        assertThat(inCharge.map(Person::tagName).orElse(null)).isEqualTo(expected);
    }
}
