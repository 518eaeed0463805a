package org.servicepoint.policies.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.policies.control.PoliciesDatabase.POLICIES;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.policies.entity.Policy;
import org.servicepoint.policies.entity.PolicyAcknowledgement;

/** Acknowledging the current version of a policy, and a new version asking again, on real PostgreSQL. */
class AcknowledgementsDatabaseTest {

    static final String LIBRARY = "acks";
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final PolicyDocuments.Positions POSITIONS = new PolicyDocuments.Positions(
            Set.of("page", "library-assistant", "manager"), Set.of("manager"));

    static String file(String key, String reason) {
        return "policies:\n  - key: " + key + "\n    category: conduct\n    strictness: strict\n"
                + "    strictWhy: Safety first.\n    owner: manager\n    appliesTo: [library-assistant]\n"
                + "    title: Conduct at the desk\n    text: Greet every patron.\n    reason: " + reason + "\n"
                + "    approval: { by: Board, on: 2025-01-10 }\n    effectiveOn: 2025-02-01\n";
    }

    static void apply(String yaml) {
        POLICIES.inTenant(LIBRARY, em -> PolicyChanges.run(em, LIBRARY,
                PolicyDocuments.readFile("tenants/acks/policies.yaml", yaml, POSITIONS), false,
                new PolicyChanges.Writing("english", "operator:ops", NOW, (a, t, d) -> { })));
    }

    static String status(String key, String username, String position) {
        return POLICIES.inTenant(LIBRARY, em -> {
            Policy policy = PolicyStore.byKey(em, key).orElseThrow();
            return Policies.status(policy, Optional.ofNullable(Acknowledgements.latestOf(em, username).get(policy.id())), position);
        });
    }

    static PolicyAcknowledgement acknowledge(String key, String username) {
        return POLICIES.inTenant(LIBRARY, em -> Acknowledgements.acknowledge(em, PolicyStore.byKey(em, key).orElseThrow(),
                username, Instant.now()));
    }

    static long acknowledgements(String username) throws SQLException {
        return POLICIES.db().firstColumn("select count(*) from policy_acknowledgement where tenant_id = '" + LIBRARY
                + "' and username = '" + username + "'", Long.class).get(0);
    }

    @BeforeAll
    static void library() {
        POLICIES.tenant(LIBRARY);
    }

    @Test
    void acknowledging_twice_is_the_same_acknowledgement_of_the_current_version() throws SQLException {
        apply(file("greeting", "Patrons come back where they feel welcome."));
        assertThat(status("greeting", "sam", "library-assistant")).isEqualTo("needed");
        PolicyAcknowledgement first = acknowledge("greeting", "sam");
        PolicyAcknowledgement again = acknowledge("greeting", "sam");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.version()).isEqualTo(1);
        assertThat(acknowledgements("sam")).isEqualTo(1);
        assertThat(status("greeting", "sam", "library-assistant")).isEqualTo("current");
    }

    @Test
    void a_new_version_asks_for_the_acknowledgement_again() throws SQLException {
        apply(file("conduct", "Everyone deserves the same courtesy."));
        acknowledge("conduct", "rosa");
        assertThat(status("conduct", "rosa", "library-assistant")).isEqualTo("current");

        apply(file("conduct", "Everyone deserves the same courtesy, whoever they are."));
        assertThat(status("conduct", "rosa", "library-assistant")).isEqualTo("needed");
        assertThat(acknowledge("conduct", "rosa").version()).isEqualTo(2);
        assertThat(status("conduct", "rosa", "library-assistant")).isEqualTo("current");
        assertThat(acknowledgements("rosa")).isEqualTo(2);
    }

    @Test
    void a_policy_for_other_positions_is_not_asked_of_a_page() {
        apply(file("desk-only", "Only desk staff handle money."));
        assertThat(status("desk-only", "pat", "page")).isEqualTo("not-applicable");
        assertThat(status("desk-only", "pat", null)).isEqualTo("not-applicable");
    }
}
