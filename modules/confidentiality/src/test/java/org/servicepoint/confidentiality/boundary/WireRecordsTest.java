package org.servicepoint.confidentiality.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.platform.testing.Refusals.refusalOf;
import static org.servicepoint.platform.testing.WireChecks.invalid;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Ids;

/** The wire records refuse what the controls would refuse, before anything else happens. */
class WireRecordsTest {

    @Test
    void a_disclosure_request_needs_who_what_and_a_known_authority() {
        assertThat(invalid(new DisclosureRequestForm("Officer Reyes", "County Police", "warrant", null, "loans", UUID.randomUUID())))
                .isEmpty();
        assertThat(invalid(new DisclosureRequestForm(" ", null, "badge", null, "", null)))
                .containsExactly("authority", "requestText", "requesterName", "requesterOrganisation");
        assertThat(invalid(new DisclosureRequestForm("x".repeat(201), "p", "other", "y".repeat(1001), "z".repeat(4001), null)))
                .containsExactly("authorityText", "requestText", "requesterName");
    }

    @Test
    void a_decision_is_one_of_three_with_a_reason() {
        assertThat(invalid(new DecisionForm("refer-to-legal-counsel", "scope unclear"))).isEmpty();
        assertThat(invalid(new DecisionForm("maybe", " "))).containsExactly("decision", "reason");
    }

    @Test
    void card_numbers_are_required_and_bounded() {
        assertThat(invalid(new PatronReferenceForm("2 1234 00567 8901", null))).isEmpty();
        assertThat(invalid(new PatronReferenceForm("", "n".repeat(201)))).containsExactly("cardNumber", "displayName");
        assertThat(invalid(new CardLookupForm("9".repeat(101)))).containsExactly("cardNumber");
    }

    @Test
    void retention_periods_are_bounded() {
        assertThat(invalid(new RetentionForm(List.of(new RetentionForm.Item("patron-reference", 30))))).isEmpty();
        assertThat(invalid(new RetentionForm(List.of(new RetentionForm.Item("", 0), new RetentionForm.Item("x", 36_501)))))
                .containsExactly("periods[0].days", "periods[0].recordType", "periods[1].days");
        assertThat(invalid(new KeyRotationForm("master"))).containsExactly("purpose");
    }

    @Test
    void malformed_ids_in_paths_are_ids_that_do_not_exist() {
        UUID id = UUID.randomUUID();
        assertThat(Ids.inPath(id.toString(), "x")).isEqualTo(id);
        for (String bad : new String[] {"1-1-1-1-1", "not-a-uuid", "", null, id + "0"}) {
            assertThat(refusalOf(() -> Ids.inPath(bad, "patron reference")).status()).as(bad).isEqualTo(404);
        }
    }
}
