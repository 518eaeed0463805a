package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.staffing.control.ChainOfCommandTest.LAW_ROSTER;
import static org.servicepoint.staffing.control.ChainOfCommandTest.RB_ROSTER;
import static org.servicepoint.staffing.control.ChainOfCommandTest.people;
import static org.servicepoint.staffing.control.ChainOfCommandTest.person;
import static org.servicepoint.staffing.control.ChainOfCommandTest.rules;
import static org.servicepoint.staffing.control.ChainOfCommandTest.tenant;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.ChainOfCommand.Person;

/** Who records an escalation's outcome, who sees it, and who decides a request for patron information. */
class EscalationRulesTest {

    @BeforeAll
    static void demoTenants() {
        ChainOfCommandTest.demoTenants();
    }

    static Map<String, Integer> rank(String slug) {
        Map<String, Integer> rank = new HashMap<>();
        var positions = tenant(slug).positions();
        for (int i = 0; i < positions.size(); i++) {
            rank.put(positions.get(i).code(), i + 1);
        }
        return rank;
    }

    static EscalationRules.Routed routedTo(Person p) {
        return new EscalationRules.Routed(p.id(), p.username(), p.positionCode(), p.branchCode());
    }

    static Caller staff(String username, String branch, String... roles) {
        return Caller.staff(username, TenantId.of("riverbend"), Set.of(roles), Map.of("branch", branch));
    }

    @Test
    void a_patron_data_request_routed_to_the_director_is_not_decided_by_the_branch_manager_in_charge() {
        Person rosa = person("riverbend", "Rosa:branch-manager:permanent@PINE-HOLLOW");
        Person dee = person("riverbend", "Dee:executive-director:permanent@HQ");
        var routed = routedTo(dee);

        assertThat(EscalationRules.mayDecide(rosa, Situation.PATRON_DATA_REQUEST, "PINE-HOLLOW", "HQ", routed, rank("riverbend")))
                .isFalse();
        assertThat(EscalationRules.mayDecide(dee, Situation.PATRON_DATA_REQUEST, "PINE-HOLLOW", "HQ", routed, rank("riverbend")))
                .isTrue();
    }

    @Test
    void the_same_or_a_higher_position_who_may_handle_it_decides_but_a_lower_one_does_not() {
        Person ann = person("riverbend", "Ann:assistant-librarian:permanent@PINE-HOLLOW");
        Person rosa = person("riverbend", "Rosa:branch-manager:permanent@PINE-HOLLOW");
        Person lou = person("riverbend", "Lou:library-assistant:permanent@PINE-HOLLOW");
        Person val = person("riverbend", "Val:volunteer:volunteer@PINE-HOLLOW");
        Person other = person("riverbend", "Amy:assistant-librarian:permanent@MOSSY-CREEK");
        var routed = routedTo(ann);
        var rank = rank("riverbend");

        assertThat(EscalationRules.mayDecide(ann, Situation.DIFFICULT_SITUATION, "PINE-HOLLOW", "HQ", routed, rank)).isTrue();
        assertThat(EscalationRules.mayDecide(rosa, Situation.DIFFICULT_SITUATION, "PINE-HOLLOW", "HQ", routed, rank)).isTrue();
        assertThat(EscalationRules.mayDecide(lou, Situation.DIFFICULT_SITUATION, "PINE-HOLLOW", "HQ", routed, rank)).isFalse();
        assertThat(EscalationRules.mayDecide(val, Situation.DIFFICULT_SITUATION, "PINE-HOLLOW", "HQ", routed, rank)).isFalse();
        assertThat(EscalationRules.mayDecide(other, Situation.DIFFICULT_SITUATION, "PINE-HOLLOW", "HQ", routed, rank))
                .as("the same position at another branch").isFalse();
        assertThat(EscalationRules.mayDecide(null, Situation.DIFFICULT_SITUATION, "PINE-HOLLOW", "HQ", routed, rank))
                .as("not on the roster").isFalse();
    }

    @Test
    void a_person_in_charge_sees_their_branchs_escalations_others_only_their_own_or_those_routed_to_them() {
        var routedToDee = new EscalationRules.Routed(null, "dee", "executive-director", "HQ");
        Caller rosa = staff("rosa", "PINE-HOLLOW", Roles.STAFF, Roles.PERSON_IN_CHARGE);
        Caller moss = staff("moss", "MOSSY-CREEK", Roles.STAFF, Roles.PERSON_IN_CHARGE);
        Caller sam = staff("sam", "PINE-HOLLOW", Roles.STAFF);
        Caller dee = staff("dee", "HQ", Roles.STAFF);
        Caller hq = staff("bea", "HQ", Roles.STAFF, Roles.HEADQUARTERS);

        assertThat(EscalationRules.sees(rosa, "PINE-HOLLOW", "staff:kit", routedToDee)).isTrue();
        assertThat(EscalationRules.sees(moss, "PINE-HOLLOW", "staff:kit", routedToDee)).isFalse();
        assertThat(EscalationRules.sees(sam, "PINE-HOLLOW", "staff:kit", routedToDee)).isFalse();
        assertThat(EscalationRules.sees(sam, "PINE-HOLLOW", "staff:sam", routedToDee)).isTrue();
        assertThat(EscalationRules.sees(dee, "PINE-HOLLOW", "staff:kit", routedToDee)).as("routed to them").isTrue();
        assertThat(EscalationRules.sees(hq, "PINE-HOLLOW", "staff:kit", null)).isTrue();
        assertThat(EscalationRules.sees(Caller.SYSTEM, "PINE-HOLLOW", "staff:kit", null)).isFalse();
    }

    @Test
    void a_disclosure_request_at_a_branch_goes_to_the_director_and_not_to_the_branch_manager() {
        List<Person> roster = people("riverbend", RB_ROSTER.split(","));
        List<Person> onDuty = people("riverbend", "Rosa:branch-manager:permanent@PINE-HOLLOW", "Lou:library-assistant:permanent@PINE-HOLLOW");

        List<Person> deciders = ChainOfCommand.disclosureDeciders("PINE-HOLLOW", onDuty, List.of(), roster, rules("riverbend"));

        assertThat(deciders).extracting(Person::tagName).containsExactly("Dee");
    }

    @Test
    void at_the_law_library_the_supervisor_on_duty_and_the_director_decide_and_nobody_else() {
        List<Person> roster = people("lakeview-law", LAW_ROSTER.split(","));
        List<Person> onDuty = people("lakeview-law", "Sam:student-assistant:student-assistant@LAW", "Sue:supervisor-on-duty:permanent@LAW",
                "Lin:librarian:permanent@LAW");

        List<Person> deciders = ChainOfCommand.disclosureDeciders("LAW", onDuty, List.of(), roster, rules("lakeview-law"));

        assertThat(deciders).extracting(Person::tagName).containsExactlyInAnyOrder("Sue", "Morgan");
    }
}
