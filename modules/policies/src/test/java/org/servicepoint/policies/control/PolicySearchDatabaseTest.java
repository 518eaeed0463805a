package org.servicepoint.policies.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.policies.control.PoliciesDatabase.POLICIES;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Full-text search in the library system's language, stemmed, ranked, with a plain snippet, on real PostgreSQL. */
class PolicySearchDatabaseTest {

    static final String EN = "search-en";
    static final String ES = "search-es";
    static final PolicyDocuments.Positions POSITIONS = new PolicyDocuments.Positions(Set.of("manager"), Set.of("manager"));

    static String policy(String key, String category, String title, String text, String reason) {
        return "  - key: " + key + "\n    category: " + category + "\n    strictness: flexible\n"
                + "    exceptionLimits: Once a year.\n    owner: manager\n    title: " + title + "\n    text: " + text
                + "\n    reason: " + reason + "\n    approval: { by: Board, on: 2025-01-10 }\n    effectiveOn: 2025-02-01\n";
    }

    static void apply(String tenant, String language, String yaml) {
        POLICIES.inTenant(tenant, em -> PolicyChanges.run(em, tenant,
                PolicyDocuments.readFile("tenants/" + tenant + "/policies.yaml", yaml, POSITIONS), true,
                new PolicyChanges.Writing(language, "operator:ops", Instant.now(), (a, t, d) -> { })));
    }

    static List<PolicySearch.Hit> search(String tenant, String language, String words, String category) {
        return POLICIES.inTenant(tenant, em -> PolicySearch.find(em, language, words, category, 10));
    }

    @BeforeAll
    static void policiesInEnglishAndInSpanish() {
        POLICIES.tenant(EN, ES);
        apply(EN, "english", "policies:\n"
                + policy("late-returns", "circulation", "Late returns",
                        "Items kept past their due date are charged by the day.",
                        "A small fine reminds borrowers that neighbours are waiting for the item.")
                + policy("fine-waivers", "circulation", "Waiving a fine",
                        "A person in charge may cancel charges for a patron in hardship.",
                        "Nobody should lose access to the library over money.")
                + policy("computers", "computer-use", "Computer sessions",
                        "Sessions last one hour when others are waiting.",
                        "Everyone gets a fair turn at the public computers."));
        apply(ES, "spanish", "policies:\n"
                + policy("devoluciones", "circulation", "Devoluciones tardías",
                        "Los materiales devueltos tarde pagan un cargo por día.",
                        "Una multa pequeña recuerda que otras personas esperan el material.")
                + policy("computadoras", "computer-use", "Uso de computadoras",
                        "Cada sesión dura una hora cuando hay gente esperando.",
                        "Todos merecen un turno justo en las computadoras públicas."));
    }

    @Test
    void fines_finds_the_policy_whose_reason_says_fine_in_english() {
        List<PolicySearch.Hit> hits = search(EN, "english", "fines", null);
        assertThat(hits).extracting(PolicySearch.Hit::key).contains("late-returns").doesNotContain("computers");
        PolicySearch.Hit lateReturns = hits.stream().filter(h -> h.key().equals("late-returns")).findFirst().orElseThrow();
        assertThat(lateReturns.snippet()).contains("small fine reminds").doesNotContain("<", ">");
        assertThat(lateReturns.rank()).isBetween(0.0, 1.0).isPositive();
    }

    @Test
    void multas_finds_the_policy_whose_reason_says_multa_in_spanish() {
        List<PolicySearch.Hit> hits = search(ES, "spanish", "multas", null);
        assertThat(hits).extracting(PolicySearch.Hit::key).containsExactly("devoluciones");
        assertThat(hits.get(0).snippet()).contains("multa pequeña");
    }

    @Test
    void a_match_in_the_title_ranks_above_a_match_in_the_reason() {
        assertThat(search(EN, "english", "fine", null)).extracting(PolicySearch.Hit::key)
                .containsExactly("fine-waivers", "late-returns");
    }

    @Test
    void web_search_syntax_and_the_category_narrow_the_answer() {
        assertThat(search(EN, "english", "fine -hardship", null)).extracting(PolicySearch.Hit::key).containsExactly("late-returns");
        assertThat(search(EN, "english", "waiting", "computer-use")).extracting(PolicySearch.Hit::key).containsExactly("computers");
        assertThat(search(EN, "english", "waiting", null)).extracting(PolicySearch.Hit::key)
                .containsExactlyInAnyOrder("computers", "late-returns");
    }

    @Test
    void another_library_systems_policies_are_not_found() {
        assertThat(search(ES, "english", "fine", null)).isEmpty();
        assertThat(search(EN, "spanish", "multa", null)).isEmpty();
    }

    @Test
    void the_desk_search_gets_policies_as_topics_with_their_current_title_best_first() {
        List<org.servicepoint.platform.control.DeskTopic> topics = POLICIES.inTenant(EN,
                em -> PolicyDeskTopics.topics(em, "english", "fine", 1));
        assertThat(topics).hasSize(1);
        assertThat(topics.get(0).kind()).isEqualTo("policy");
        assertThat(topics.get(0).id()).isEqualTo("fine-waivers");
        assertThat(topics.get(0).title()).isEqualTo("Waiving a fine");
        assertThat(topics.get(0).rank()).isBetween(0.0, 1.0);
    }
}
