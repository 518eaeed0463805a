package org.servicepoint.confidentiality.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.entity.DisclosureRequest;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Authority;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Decision;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Status;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;

class DisclosureRulesTest {

    static final TenantId TENANT = TenantId.of("riverbend");
    static final Caller DESK = staff("dana", Roles.STAFF);
    static final Caller OTHER_DESK = staff("omar", Roles.STAFF);
    static final Caller IN_CHARGE = staff("pat", Roles.STAFF, Roles.PERSON_IN_CHARGE);
    static final Caller ADMIN = staff("ada", Roles.TENANT_ADMIN);
    static final Caller HEADQUARTERS = staff("hal", Roles.STAFF, Roles.HEADQUARTERS);
    static final UUID PATRON = UUID.randomUUID();

    static Caller staff(String name, String... roles) {
        return Caller.staff(name, TENANT, Set.of(roles), Map.of());
    }

    static DisclosureRecord received(String by, Authority authority) {
        return new DisclosureRecord(UUID.randomUUID(), Status.RECEIVED, Instant.parse("2026-05-04T10:15:00Z"), by, "Officer Reyes",
                "County Police", authority, "warrant no. 17", "circulation records of the patron", PATRON, "Pat",
                null, null, null, null, List.of("pat"));
    }

    static DisclosureRecord decided(String by) {
        return new DisclosureRecord(UUID.randomUUID(), Status.DECIDED, Instant.parse("2026-05-04T10:15:00Z"), by, "Officer Reyes",
                "County Police", Authority.SUBPOENA, null, "circulation records of the patron", PATRON, "Pat",
                Decision.REFER_TO_LEGAL_COUNSEL, "needs counsel's review", "pat", Instant.parse("2026-05-04T12:00:00Z"), List.of("pat"));
    }

    @Test
    void the_person_it_was_routed_to_sees_everything() {
        DisclosureView view = DisclosureRules.view(IN_CHARGE, decided("dana")).orElseThrow();
        assertThat(view.view()).isEqualTo("full");
        assertThat(view.patronReferenceId()).isEqualTo(PATRON);
        assertThat(view.requestText()).isEqualTo("circulation records of the patron");
        assertThat(view.decisionReason()).isEqualTo("needs counsel's review");
        assertThat(view.decision()).isEqualTo("refer-to-legal-counsel");
        assertThat(view.authority()).isEqualTo("subpoena");
    }

    @Test
    void another_person_in_charge_or_a_tenant_administrator_it_was_not_routed_to_sees_nothing() {
        DisclosureRecord request = decided("dana");
        assertThat(DisclosureRules.view(staff("rosa", Roles.STAFF, Roles.PERSON_IN_CHARGE), request)).isEmpty();
        assertThat(DisclosureRules.view(ADMIN, request)).isEmpty();
    }

    @Test
    void whoever_logged_it_never_decides_it_even_if_their_position_could() {
        DisclosureRecord loggedByPat = new DisclosureRecord(UUID.randomUUID(), Status.RECEIVED, Instant.parse("2026-05-04T10:15:00Z"),
                "pat", "Officer Reyes", "County Police", Authority.WARRANT, null, "records", PATRON, "Pat", null, null, null, null,
                List.of("pat"));
        assertThat(DisclosureRules.view(IN_CHARGE, loggedByPat).orElseThrow().view()).isEqualTo("summary");
        assertThatThrownBy(() -> DisclosureRules.checkDecision(IN_CHARGE, loggedByPat, Decision.REFUSE))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(403));
    }

    @Test
    void the_desk_sees_its_own_requests_without_patron_data_and_only_the_outcome() {
        DisclosureView view = DisclosureRules.view(DESK, decided("dana")).orElseThrow();
        assertThat(view.view()).isEqualTo("summary");
        assertThat(view.patronReferenceId()).isNull();
        assertThat(view.requestText()).isNull();
        assertThat(view.authorityText()).isNull();
        assertThat(view.decisionReason()).isNull();
        assertThat(view.decision()).isEqualTo("refer-to-legal-counsel");
        assertThat(view.status()).isEqualTo("decided");
        assertThat(view.requesterOrganisation()).isEqualTo("County Police");
        assertThat(view.routedTo()).isEqualTo("Pat");
    }

    @Test
    void nobody_else_sees_a_request_at_all() {
        DisclosureRecord request = received("dana", Authority.WARRANT);
        assertThat(DisclosureRules.view(OTHER_DESK, request)).isEmpty();
        assertThat(DisclosureRules.view(HEADQUARTERS, request)).isEmpty();
        assertThat(DisclosureRules.view(Caller.operator("operator-key"), request)).isEmpty();
        assertThat(DisclosureRules.view(Caller.SYSTEM, request)).isEmpty();
        assertThat(DisclosureRules.view(Caller.ANONYMOUS, request)).isEmpty();
        // Roles from another library system's token do not count here: a caller is staff of one tenant.
        assertThat(DisclosureRules.view(Caller.staff("dana", TenantId.of("lakeview"), Set.of(), Map.of()), request)).isEmpty();
    }

    @Test
    void only_the_people_it_was_routed_to_decide() {
        DisclosureRecord request = received("dana", Authority.WARRANT);
        for (Caller notDecider : new Caller[] {DESK, HEADQUARTERS, ADMIN, Caller.SYSTEM, Caller.operator("key")}) {
            assertThatThrownBy(() -> DisclosureRules.checkDecision(notDecider, request, Decision.REFUSE))
                    .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(403));
        }
        DisclosureRules.checkDecision(IN_CHARGE, request, Decision.DISCLOSE);
    }

    @Test
    void a_decided_request_is_not_decided_again() {
        assertThatThrownBy(() -> DisclosureRules.checkDecision(IN_CHARGE, decided("dana"), Decision.DISCLOSE))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.type()).isEqualTo("conflict");
                    assertThat(r.getMessage()).contains("already decided (refer-to-legal-counsel)");
                });
    }

    @Test
    void nothing_is_disclosed_without_a_stated_authority() {
        DisclosureRecord request = received("dana", Authority.NONE_STATED);
        assertThatThrownBy(() -> DisclosureRules.checkDecision(IN_CHARGE, request, Decision.DISCLOSE))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(400));
        DisclosureRules.checkDecision(IN_CHARGE, request, Decision.REFUSE);
        DisclosureRules.checkDecision(IN_CHARGE, request, Decision.REFER_TO_LEGAL_COUNSEL);
    }

    @Test
    void the_entity_itself_keeps_a_decision_final() {
        DisclosureRequest request = new DisclosureRequest(UUID.randomUUID(), new byte[] {1}, "County Police", Authority.WARRANT,
                null, new byte[] {2}, null, "dana", "Pat", Instant.parse("2026-05-04T10:15:00Z"));
        assertThat(request.status()).isEqualTo(Status.RECEIVED);
        request.decide(Decision.REFUSE, new byte[] {3}, "pat", Instant.parse("2026-05-04T11:00:00Z"));
        assertThat(request.status()).isEqualTo(Status.DECIDED);
        assertThatThrownBy(() -> request.decide(Decision.DISCLOSE, new byte[] {4}, "ada", Instant.parse("2026-05-05T11:00:00Z")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already decided");
        assertThat(request.decision()).isEqualTo(Decision.REFUSE);
        assertThat(request.decidedBy()).isEqualTo("pat");

        assertThatThrownBy(() -> new DisclosureRequest(UUID.randomUUID(), new byte[] {1}, "County Police", Authority.OTHER,
                null, new byte[] {2}, null, "dana", "Pat", Instant.now())).hasMessageContaining("'other'");
    }

    @Test
    void what_the_desk_writes_down_is_checked_field_by_field() {
        NewDisclosure ok = DisclosureRequestStore.checked(new NewDisclosure(" Officer Reyes ", "County Police", "court-order",
                null, "loans of\r\nthe patron", null));
        assertThat(ok.requesterName()).isEqualTo("Officer Reyes");
        assertThat(ok.requestText()).isEqualTo("loans of\nthe patron");
        assertThat(ok.authority()).isEqualTo("court-order");

        assertThatThrownBy(() -> DisclosureRequestStore.checked(new NewDisclosure("Reyes", "Police", "badge", null, "x", null)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.violations().get(0).field()).isEqualTo("authority"));
        assertThatThrownBy(() -> DisclosureRequestStore.checked(new NewDisclosure("Reyes", "Police", "other", " ", "x", null)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.violations().get(0).field()).isEqualTo("authorityText"));
        assertThatThrownBy(() -> DisclosureRequestStore.checked(new NewDisclosure("Reyes\u0007", "Police", "warrant", null, "x", null)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.violations().get(0).field()).isEqualTo("requesterName"));
        assertThatThrownBy(() -> DisclosureRequestStore.checked(new NewDisclosure("Reyes", "Police", "warrant", null,
                "y".repeat(NewDisclosure.REQUEST_TEXT_MAX + 1), null)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.violations().get(0).field()).isEqualTo("requestText"));
    }
}
