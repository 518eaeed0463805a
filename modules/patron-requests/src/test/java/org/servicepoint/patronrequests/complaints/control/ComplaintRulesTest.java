package org.servicepoint.patronrequests.complaints.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.platform.testing.Refusals.refusalOf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.patronrequests.control.PatronContact;
import org.servicepoint.patronrequests.control.PatronRequestRules;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.StaffRecord;
import org.servicepoint.tenancy.control.TenantOutline;
import org.servicepoint.tenancy.control.TenantOutline.BranchName;
import org.servicepoint.tenancy.control.TenantSpec.PositionSpec;

/** What a complaint must hold, and who hears of it first, without a database. */
class ComplaintRulesTest {

    static final TenantId RIVER = TenantId.of("river");
    static final TenantOutline LIBRARY = new TenantOutline("river", "River Library System", "America/Chicago", "en-US", "ACTIVE",
            List.of(new BranchName("HQ", "Headquarters", true), new BranchName("NORTH", "North Branch", false)),
            List.of(new PositionSpec("library-assistant", "Library assistant", List.of("be-in-charge")),
                    new PositionSpec("branch-manager", "Branch manager", List.of("be-in-charge")),
                    new PositionSpec("business-manager", "Business manager", List.of()),
                    new PositionSpec("executive-director", "Executive director", List.of("be-in-charge"))));

    static Caller sam() {
        return Caller.staff("sam", RIVER, Set.of("staff"), Map.of("branch", "NORTH"));
    }

    static StaffRecord member(String tag, String username, String position, String branch, boolean active) {
        return new StaffRecord(UUID.randomUUID(), tag, username, position, position, branch, branch, "permanent",
                LocalDate.parse("2020-01-01"), active ? null : LocalDate.parse("2025-01-01"), active, 0, tag.toLowerCase() + "@river.example");
    }

    @Test
    void a_desk_complaint_without_a_branch_is_the_callers_own_branchs() {
        ComplaintRules.Checked checked = ComplaintRules.check(new NewComplaint(null, "phone", "  Loud music \r\n in the study room  ",
                "patron-conduct", "", null, null), LIBRARY, sam());
        assertThat(checked.branch()).isEqualTo("NORTH");
        assertThat(checked.about()).isEqualTo("Loud music \n in the study room");
        assertThat(checked.asks()).isNull();
        assertThat(checked.policy()).isEqualTo("patron-conduct");
    }

    @Test
    void every_problem_of_a_draft_is_named_at_once() {
        Refusal refused = refusalOf(() -> ComplaintRules.check(new NewComplaint("NOWHERE", "fax", "<b>bold</b>", "Not A Key",
                "x".repeat(ComplaintRules.ASKS_MAX + 1), new PatronContact("Pat", "not-an-address", null, "fr"), "a key with spaces"),
                LIBRARY, sam()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.violations()).extracting(Refusal.Violation::field)
                .contains("branch", "channel", "about", "asks", "policy", "contact.email", "contact.language", "key");
    }

    @Test
    void an_empty_about_is_refused() {
        Refusal refused = refusalOf(() -> ComplaintRules.check(new NewComplaint("NORTH", "email", " \n ", null, null, null, null),
                LIBRARY, sam()));
        assertThat(refused.violations()).extracting(Refusal.Violation::field).containsExactly("about");
    }

    @Test
    void desk_staff_record_no_complaint_at_another_branch() {
        Refusal refused = refusalOf(() -> ComplaintRules.check(new NewComplaint("HQ", "email", "About", null, null, null, null),
                LIBRARY, sam()));
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void a_contact_left_empty_is_no_contact_and_a_contact_with_a_contact_id_is_refused() {
        ComplaintRules.Checked empty = ComplaintRules.check(new NewComplaint("NORTH", "email", "About", null, null,
                new PatronContact(" ", "", null, "en"), null), LIBRARY, sam());
        assertThat(empty.contact()).isNull();
        Refusal both = refusalOf(() -> ComplaintRules.check(new NewComplaint("NORTH", "comment-card", "About", null, null,
                new PatronContact("Pat", "pat@example.org", null, "en"), UUID.randomUUID(), null, null), LIBRARY, sam()));
        assertThat(both.violations()).extracting(Refusal.Violation::field).containsExactly("contact");
    }

    @Test
    void a_response_needs_text_and_a_channel_and_a_note_is_bounded() {
        Refusal refused = refusalOf(() -> ComplaintRules.response("x".repeat(ComplaintRules.RESPONSE_MAX + 1), "letter"));
        assertThat(refused.violations()).extracting(Refusal.Violation::field).containsExactly("text", "channel");
        assertThat(ComplaintRules.response(" We are sorry. ", "in-person")).isEqualTo(new ComplaintRules.Response("We are sorry.", "in-person"));
        assertThat(refusalOf(() -> ComplaintRules.note("n".repeat(ComplaintRules.NOTE_MAX + 1))).status()).isEqualTo(400);
    }

    @Test
    void due_counts_days_in_the_library_systems_time_across_a_daylight_saving_change() {
        Instant received = Instant.parse("2026-03-05T16:00:00Z"); // 10:00 in Chicago, CST
        Instant due = ComplaintRules.due(received, ZoneId.of("America/Chicago"), 10);
        assertThat(due).isEqualTo(Instant.parse("2026-03-15T15:00:00Z")); // 10:00 CDT
    }

    @Test
    void the_holders_of_the_handling_position_are_told_and_without_one_the_most_senior_in_charge_at_the_branch() {
        StaffRecord dee = member("Dee", "dee", "executive-director", "HQ", true);
        StaffRecord rosa = member("Rosa", "rosa", "branch-manager", "NORTH", true);
        StaffRecord sam = member("Sam", "sam", "library-assistant", "NORTH", true);
        StaffRecord gone = member("Gus", "gus", "executive-director", "HQ", false);
        StaffRecord bea = member("Bea", null, "business-manager", "HQ", true);
        List<StaffRecord> roster = List.of(dee, rosa, sam, gone, bea);

        assertThat(ComplaintRouting.handlers("executive-director", "NORTH", LIBRARY, roster)).containsExactly(dee);
        assertThat(ComplaintRouting.handlers(null, "NORTH", LIBRARY, roster)).containsExactly(rosa);
        assertThat(ComplaintRouting.handlers("nobody-holds-this", "NORTH", LIBRARY, roster)).containsExactly(rosa);
        assertThat(ComplaintRouting.headquarters(new PatronRequestRules.Complaints(null, List.of("business-manager"), List.of(), 10),
                LIBRARY, roster)).containsExactly(bea);
        assertThat(ComplaintRouting.headquarters(PatronRequestRules.NONE.complaints(), LIBRARY, roster)).containsExactly(dee);
        assertThat(ComplaintRouting.holds(Caller.staff("dee", RIVER, Set.of("staff"), Map.of()), "executive-director", roster)).isTrue();
        assertThat(ComplaintRouting.holds(Caller.staff("gus", RIVER, Set.of("staff"), Map.of()), "executive-director", roster)).isFalse();
        assertThat(ComplaintRouting.holds(Caller.SYSTEM, "executive-director", roster)).isFalse();
    }
}
