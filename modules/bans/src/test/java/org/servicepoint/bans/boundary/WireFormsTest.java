package org.servicepoint.bans.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.WireChecks;

/** The first, cheap checks on what clients send; the rules in the control check the rest. */
class WireFormsTest {

    static Set<String> invalid(Object form) {
        return Set.copyOf(WireChecks.invalid(form));
    }

    @Test
    void a_ban_says_its_scope_end_and_reason() {
        assertThat(invalid(new BanForm("2900 1234 5678", null, null, null, "branch", "PINE-HOLLOW", null, "2026-08-01T09:00",
                "Threatened staff", null))).isEmpty();
        assertThat(invalid(new BanForm(null, null, UUID.randomUUID(), null, null, null, null, " ", null, null)))
                .containsExactlyInAnyOrder("scope", "endsAt", "reason");
    }

    @Test
    void oversized_or_malformed_fields_are_refused_before_anything_else() {
        assertThat(invalid(new BanForm("1".repeat(101), "n".repeat(201), null, null, "branch", "pine hollow", "x".repeat(41),
                "2026-08-01T09:00", "r".repeat(4001), "2026-06-15T00:00")))
                .containsExactlyInAnyOrder("cardNumber", "displayName", "branch", "startsAt", "reason", "reviewOn");
    }

    @Test
    void a_lookup_needs_a_card_and_at_most_a_branch_code() {
        assertThat(invalid(new LookupForm("2900 1234 5678", null))).isEmpty();
        assertThat(invalid(new LookupForm("", "<script>"))).containsExactlyInAnyOrder("cardNumber", "branch");
    }

    @Test
    void lifting_says_why() {
        assertThat(invalid(new LiftForm("Apologised", 0L))).isEmpty();
        assertThat(invalid(new LiftForm("Apologised", null))).isEmpty();
        assertThat(invalid(new LiftForm(" ", null))).containsExactly("reason");
    }
}
