package org.servicepoint.patronrequests.reconsideration.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.servicepoint.patronrequests.control.PatronContact;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;

/** What a request to reconsider must hold, and who sees and reviews requests, without a database. */
class ReconsiderationRulesTest {

    static final NewReconsideration GOOD = new NewReconsideration("The Long Winter", null, "book",
            "Scenes I find too frightening for young readers.", "whole", null);
    static final List<String> COMMITTEE = List.of("executive-director", "branch-manager");

    static List<String> refusedFields(NewReconsideration request, PatronContact contact) {
        try {
            ReconsiderationRules.check(request, contact);
        } catch (Refusal refused) {
            assertThat(refused.status()).isEqualTo(400);
            return refused.violations().stream().map(Refusal.Violation::field).toList();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void a_request_with_the_item_an_objection_and_how_much_was_consumed_is_kept_stripped() {
        ReconsiderationRules.Checked checked = ReconsiderationRules.check(new NewReconsideration("  The Long Winter ", " ",
                "audio", " Too frightening.\r\nFor children. ", "part", ""), new PatronContact(null, "ana@example.org", null, "es"));
        assertThat(checked.item().title()).isEqualTo("The Long Winter");
        assertThat(checked.item().author()).isNull();
        assertThat(checked.objection()).isEqualTo("Too frightening.\nFor children.");
        assertThat(checked.asks()).isNull();
        assertThat(checked.consumed()).isEqualTo("part");
    }

    @Test
    void every_problem_is_named_by_its_field_at_once() {
        assertThat(refusedFields(new NewReconsideration("", "x".repeat(201), "scroll", "  ", "most", "y".repeat(1001)),
                new PatronContact("Ana", "not-an-address", null, "fr")))
                .containsExactlyInAnyOrder("title", "author", "format", "objection", "consumed", "asks", "contact.email",
                        "contact.language");
    }

    @Test
    void markup_is_refused_in_every_text_and_a_title_is_one_line() {
        assertThat(refusedFields(new NewReconsideration("<script>alert(1)</script>", "<b>Me</b>", "book",
                "Read <a href=x>this</a>", "whole", "<img src=x>"), null))
                .containsExactlyInAnyOrder("title", "author", "objection", "asks");
        assertThat(refusedFields(new NewReconsideration("Two\nlines", null, "book", "Fine", "whole", null), null))
                .containsExactly("title");
        assertThat(ReconsiderationRules.check(new NewReconsideration("5 < 6 & 7 > 3", null, "book", "I <3 books, not this one",
                "not", null), null).objection()).isEqualTo("I <3 books, not this one");
    }

    @Test
    void a_decision_is_one_of_four_outcomes_with_reasons() {
        assertThat(ReconsiderationRules.decision("withdraw", " Out of date. ").reasons()).isEqualTo("Out of date.");
        assertThatThrownBy(() -> ReconsiderationRules.decision("burn", "")).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.violations()).extracting(Refusal.Violation::field).containsExactlyInAnyOrder("outcome", "reasons"));
    }

    @Test
    void the_committee_headquarters_and_tenant_administrators_review_and_see_every_branch_persons_in_charge_only_read_their_own() {
        TenantId river = TenantId.of("riverbend");
        Caller desk = Caller.staff("sam", river, Set.of(Roles.STAFF), Map.of("branch", "PINE-HOLLOW"));
        Caller inCharge = Caller.staff("pat", river, Set.of(Roles.PERSON_IN_CHARGE), Map.of("branch", "PINE-HOLLOW"));
        Caller hq = Caller.staff("hana", river, Set.of(Roles.HEADQUARTERS), Map.of());
        Caller admin = Caller.staff("ada", river, Set.of(Roles.TENANT_ADMIN), Map.of());

        assertThat(ReconsiderationRules.mayReview(desk, Set.of("branch-manager"), COMMITTEE)).isTrue();
        assertThat(ReconsiderationRules.mayReview(desk, Set.of("library-assistant"), COMMITTEE)).isFalse();
        assertThat(ReconsiderationRules.mayReview(inCharge, Set.of(), COMMITTEE)).isFalse();
        assertThat(ReconsiderationRules.mayReview(hq, Set.of(), COMMITTEE)).isTrue();
        assertThat(ReconsiderationRules.mayReview(admin, Set.of(), List.of())).isTrue();
        assertThat(ReconsiderationRules.mayReview(Caller.SYSTEM, Set.of(), COMMITTEE)).isFalse();
        assertThat(ReconsiderationRules.mayReview(Reconsiderations.PUBLIC_FORM, Set.of(), COMMITTEE)).isFalse();

        assertThat(ReconsiderationRules.seesEveryBranch(desk, Set.of("executive-director"), COMMITTEE)).isTrue();
        assertThat(ReconsiderationRules.seesEveryBranch(inCharge, Set.of(), COMMITTEE)).isFalse();
        assertThatThrownBy(() -> ReconsiderationRules.seesEveryBranch(desk, Set.of(), COMMITTEE))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(403));
    }
}
