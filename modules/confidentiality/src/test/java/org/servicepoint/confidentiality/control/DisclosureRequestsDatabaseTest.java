package org.servicepoint.confidentiality.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.confidentiality.control.ConfidentialityDatabase.CONFIDENTIALITY;
import static org.servicepoint.platform.testing.AtRest.assertNoPlainText;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Status;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.testing.TestClock;
import org.servicepoint.platform.testing.TestDatabase;

/** Disclosure requests on real PostgreSQL as the application role: sealed at rest, seen by role, decided once. */
class DisclosureRequestsDatabaseTest {

    static final String TENANT = "dr-main";
    static final Caller DANA = staff("dana", Roles.STAFF);
    static final Caller OMAR = staff("omar", Roles.STAFF);
    static final Caller PAT = staff("pat", Roles.STAFF, Roles.PERSON_IN_CHARGE);
    static final String ASKED = "All loans of the patron with card ending 8901 since March";

    static TestDatabase db;
    static TestClock clock = new TestClock("2026-05-04T10:15:00Z");
    static TenantKeys keys;
    static DisclosureRequestStore store;
    static PatronReferenceStore references;

    static Caller staff(String name, String... roles) {
        return Caller.staff(name, TenantId.of(TENANT), Set.of(roles), Map.of());
    }

    @BeforeAll
    static void start() {
        db = CONFIDENTIALITY.db();
        keys = new TenantKeys(MasterKeys.of("k1", MasterKeysTest.newMasterKey(), Optional.empty()), clock, new SecureRandom());
        store = new DisclosureRequestStore(clock);
        references = new PatronReferenceStore(clock);
    }

    static DisclosureRecord log(String tenant, Caller caller, NewDisclosure form) {
        return CONFIDENTIALITY.inTenant(tenant, em -> store.log(em, keys.ring(em, TenantId.of(tenant), true), caller, form, "EAST",
                List.of(new DisclosureDeciders.Decider(UUID.randomUUID(), "pat", "Pat"),
                        new DisclosureDeciders.Decider(UUID.randomUUID(), "dana", "Dana"))));
    }

    static NewDisclosure form(UUID patron) {
        return new NewDisclosure("Officer Ximena Reyes", "County Police", "warrant", "Warrant 2026-117", ASKED, patron);
    }

    @Test
    void what_was_asked_and_who_asked_are_sealed_at_rest() throws SQLException {
        UUID id = log(TENANT, DANA, form(null)).id();
        Map<String, String> row = assertNoPlainText(db, "disclosure_request", id, "Ximena", "8901", "loans", "2026-117");
        assertThat(row.get("requester_organisation")).isEqualTo("County Police");
        assertThat(row.get("routed_to")).as("whoever logged it is never routed it").isEqualTo("Pat");
        assertThat(row.get("branch_code")).isEqualTo("EAST");
        assertThat(row.get("status")).isEqualTo("RECEIVED");
    }

    @Test
    void desk_staff_list_what_they_logged_and_deciders_what_was_routed_to_them_in_the_query() {
        UUID danas = log("dr-lists", DANA, form(null)).id();
        UUID omars = log("dr-lists", OMAR, form(null)).id();
        UUID notRouted = CONFIDENTIALITY.inTenant("dr-lists", em -> store.log(em, keys.ring(em, TenantId.of("dr-lists"), true), OMAR, form(null), "WEST",
                List.of(new DisclosureDeciders.Decider(UUID.randomUUID(), "wes", "Wes")))).id();
        // More requests than the list shows, none of them Dana's or routed to Pat: the rule runs before the limit.
        for (int i = 0; i < 3; i++) {
            CONFIDENTIALITY.inTenant("dr-lists", em -> store.log(em, keys.ring(em, TenantId.of("dr-lists"), true), OMAR, form(null), "WEST", List.of()));
        }
        List<UUID> dana = CONFIDENTIALITY.inTenant("dr-lists", em -> store.list(em, keys.ring(em, TenantId.of("dr-lists"), false), "dana", 2))
                .stream().map(DisclosureRecord::id).toList();
        List<DisclosureRecord> pat = CONFIDENTIALITY.inTenant("dr-lists", em -> store.list(em, keys.ring(em, TenantId.of("dr-lists"), false), "pat", 2));
        // Omar's was routed to Dana as well (log() routes to Pat and Dana); her own was not routed to her.
        assertThat(dana).containsExactlyInAnyOrder(danas, omars);
        assertThat(pat).extracting(DisclosureRecord::id).containsExactlyInAnyOrder(danas, omars).doesNotContain(notRouted);
        assertThat(pat).allSatisfy(r -> assertThat(r.requestText()).isEqualTo(ASKED));
        assertThat(pat).allSatisfy(r -> assertThat(r.routedTo("pat")).isTrue());
        DisclosureRecord danasOwn = pat.stream().filter(r -> r.id().equals(danas)).findFirst().orElseThrow();
        assertThat(danasOwn.routedTo("dana")).as("the logger is not among the deciders").isFalse();
    }

    @Test
    void a_person_in_charge_it_was_not_routed_to_neither_finds_nor_decides_it() {
        UUID id = log(TENANT, DANA, form(null)).id();
        Caller rosa = staff("rosa", Roles.STAFF, Roles.PERSON_IN_CHARGE);
        assertThatThrownBy(() -> CONFIDENTIALITY.inTenant(TENANT, em -> store.decide(em, keys.ring(em, TenantId.of(TENANT), true), rosa, id,
                "refuse", "not routed to me")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(404));
        List<DisclosureRecord> rosas = CONFIDENTIALITY.inTenant(TENANT, em -> store.list(em, keys.ring(em, TenantId.of(TENANT), false), "rosa", 100));
        assertThat(rosas).isEmpty();
    }

    @Test
    void a_request_is_decided_once() {
        UUID id = log(TENANT, DANA, form(null)).id();
        clock.at("2026-05-04T12:00:00Z");
        DisclosureRecord decided = CONFIDENTIALITY.inTenant(TENANT, em -> store.decide(em, keys.ring(em, TenantId.of(TENANT), true), PAT, id,
                "refer-to-legal-counsel", "Counsel to check the warrant's scope"));
        assertThat(decided.status()).isEqualTo(Status.DECIDED);
        assertThat(decided.decidedBy()).isEqualTo("pat");
        assertThat(decided.decisionReason()).isEqualTo("Counsel to check the warrant's scope");

        assertThatThrownBy(() -> CONFIDENTIALITY.inTenant(TENANT, em -> store.decide(em, keys.ring(em, TenantId.of(TENANT), true), PAT, id,
                "disclose", "changed my mind")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(409));
        assertThatThrownBy(() -> CONFIDENTIALITY.inTenant(TENANT, em -> store.decide(em, keys.ring(em, TenantId.of(TENANT), true), DANA,
                log(TENANT, DANA, form(null)).id(), "refuse", "not mine to decide")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(403));
        DisclosureRecord after = CONFIDENTIALITY.inTenant(TENANT, em -> store.find(em, keys.ring(em, TenantId.of(TENANT), false), id)).orElseThrow();
        assertThat(after.decision()).isEqualTo(decided.decision());
        assertThat(after.decisionReason()).isEqualTo("Counsel to check the warrant's scope");
    }

    @Test
    void a_patron_reference_must_be_the_library_systems_own() {
        UUID elsewhere = CONFIDENTIALITY.inTenant("dr-elsewhere", em -> references.reference(em, keys.ring(em, TenantId.of("dr-elsewhere"), true),
                "21234005678901", null)).id();
        assertThatThrownBy(() -> log(TENANT, DANA, form(elsewhere)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.violations().get(0).field()).isEqualTo("patronReferenceId"));

        UUID own = CONFIDENTIALITY.inTenant(TENANT, em -> references.reference(em, keys.ring(em, TenantId.of(TENANT), true),
                "21234005678901", null)).id();
        clock.at("2026-07-01T08:00:00Z");
        DisclosureRecord logged = log(TENANT, DANA, form(own));
        assertThat(logged.patronReferenceId()).isEqualTo(own);
        // Naming the patron is a use: the reference's retention starts again.
        assertThat(CONFIDENTIALITY.inTenant(TENANT, em -> references.reveal(em, keys.ring(em, TenantId.of(TENANT), false), own)).orElseThrow().lastUsedAt())
                .isEqualTo("2026-07-01T08:00:00Z");
    }

    @Test
    void another_library_system_does_not_find_the_request() {
        UUID id = log(TENANT, DANA, form(null)).id();
        Optional<DisclosureRecord> fromElsewhere = CONFIDENTIALITY.inTenant("dr-other", em -> store.find(em, keys.ring(em, TenantId.of("dr-other"), false), id));
        assertThat(fromElsewhere).isEmpty();
        assertThatThrownBy(() -> CONFIDENTIALITY.inTenant("dr-other", em -> store.decide(em, keys.ring(em, TenantId.of("dr-other"), true),
                staff("pat", Roles.PERSON_IN_CHARGE), id, "refuse", "x")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(404));
    }
}
