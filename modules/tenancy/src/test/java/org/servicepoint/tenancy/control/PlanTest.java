package org.servicepoint.tenancy.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.servicepoint.tenancy.control.BranchSpec.ClosureSpec;
import org.servicepoint.tenancy.control.BranchSpec.ServicePointSpec;
import org.servicepoint.tenancy.control.Plan.Action;
import org.servicepoint.tenancy.control.Plan.Change;
import org.servicepoint.tenancy.control.Plan.FieldChange;
import org.servicepoint.tenancy.entity.Branch;
import org.servicepoint.tenancy.entity.ServicePoint;
import org.servicepoint.tenancy.entity.Tenant;

/**
 * What plan compares and reports: documents as flat field maps, their differences, and whether a branch
 * written into the database reads back as the document it came from (so a second apply changes nothing).
 */
class PlanTest {

    static WeekSpec mondayAndSaturday(String monday, String saturday) {
        return new WeekSpec(monday == null ? null : List.of(monday.split(",")), null, null, null, null,
                saturday == null ? null : List.of(saturday.split(",")), null);
    }

    static final ServicePointSpec CIRCULATION = new ServicePointSpec("circulation", "Circulation Desk", null);
    static final ServicePointSpec CHILDRENS = new ServicePointSpec("childrens", "Children's Desk",
            mondayAndSaturday(null, "10:00-13:00"));
    static final ClosureSpec CHRISTMAS_EVE = new ClosureSpec("2026-12-24", "Christmas Eve", List.of("09:00-12:00"));
    static final ClosureSpec CHRISTMAS = new ClosureSpec("2026-12-25", "Christmas Day", null);

    /** A branch with a desk keeping its own hours, a lunch break, a shortened day and a full closure. */
    static final BranchSpec MAIN = new BranchSpec("MAIN", "Millbrook Main Library", true, "12 Elm Street",
            "+1 601-555-0110", List.of(CIRCULATION, CHILDRENS), mondayAndSaturday("09:00-12:00,13:00-18:00", "09:00-13:00"),
            List.of(CHRISTMAS_EVE, CHRISTMAS));

    static final TenantSpec MILLBROOK = new TenantSpec("millbrook", "Millbrook Public Library", "America/Chicago",
            "en-US", "active", List.of(MAIN));

    static BranchSpec mainWith(WeekSpec hours, List<ServicePointSpec> desks, List<ClosureSpec> closures) {
        return new BranchSpec(MAIN.code(), MAIN.name(), MAIN.headquarters(), MAIN.address(), MAIN.phone(), desks,
                hours, closures);
    }

    static List<FieldChange> changesFrom(BranchSpec before, BranchSpec after) {
        return Flat.diff(Flat.branch(before), Flat.branch(after));
    }

    /** What the database would say after applying the document to a new branch. */
    static BranchSpec written(BranchSpec spec) {
        Branch branch = new Branch(spec.code());
        Specs.write(branch, spec);
        return Specs.of(branch);
    }

    // --- documents as flat maps

    @Test
    void a_branch_flattens_to_canonical_text_per_field() {
        Map<String, String> flat = Flat.branch(MAIN);

        assertThat(flat).containsEntry("openingHours.monday", "09:00-12:00,13:00-18:00")
                .containsEntry("openingHours.sunday", "closed")
                .containsEntry("servicePoints.childrens.openingHours.saturday", "10:00-13:00")
                .containsEntry("closures.2026-12-24.hours", "09:00-12:00")
                .containsEntry("closures.2026-12-25.hours", "closed")
                .doesNotContainKey("servicePoints.circulation.openingHours.monday");
    }

    @Test
    void a_document_compared_with_itself_changes_nothing() {
        assertThat(Flat.diff(Flat.tenant(MILLBROOK), Flat.tenant(MILLBROOK))).isEmpty();
        assertThat(changesFrom(MAIN, MAIN)).isEmpty();
    }

    @Test
    void changing_one_days_hours_is_exactly_one_change_with_both_canonical_texts() {
        BranchSpec later = mainWith(mondayAndSaturday("09:00-18:00", "09:00-13:00"), MAIN.servicePoints(), MAIN.closures());

        assertThat(changesFrom(MAIN, later))
                .containsExactly(new FieldChange("openingHours.monday", "09:00-12:00,13:00-18:00", "09:00-18:00"));
    }

    @Test
    void the_same_hours_written_differently_are_no_change() {
        // periods out of order, and an empty day instead of a missing one
        WeekSpec sameHours = new WeekSpec(List.of("13:00-18:00", "09:00-12:00"), List.of(), null, null, null,
                List.of("09:00-13:00"), List.of());

        assertThat(changesFrom(MAIN, mainWith(sameHours, MAIN.servicePoints(), MAIN.closures()))).isEmpty();
    }

    @Test
    void blank_text_and_stray_spaces_are_no_change() {
        BranchSpec noAddress = new BranchSpec("MAIN", "Main", true, null, null, List.of(CIRCULATION), WeekSpec.CLOSED, null);
        BranchSpec blankAddress = new BranchSpec("MAIN", "  Main ", true, " ", "", List.of(CIRCULATION), null, List.of());

        assertThat(changesFrom(noAddress, blankAddress)).isEmpty();
    }

    @Test
    void a_missing_status_is_the_same_as_active() {
        TenantSpec noStatus = new TenantSpec("millbrook", "Millbrook Public Library", "America/Chicago", "en-US", null, List.of());

        assertThat(Flat.diff(Flat.tenant(MILLBROOK), Flat.tenant(noStatus))).isEmpty();
        assertThat(Flat.diff(Flat.tenant(noStatus), Flat.tenant(new TenantSpec("millbrook", "Millbrook Public Library",
                "America/Chicago", "en-US", "suspended", List.of()))))
                .containsExactly(new FieldChange("status", "active", "suspended"));
    }

    @Test
    void adding_a_closure_shows_its_reason_and_hours() {
        ClosureSpec newYearsEve = new ClosureSpec("2026-12-31", "New Year's Eve", List.of("09:00-12:00"));
        ClosureSpec newYearsDay = new ClosureSpec("2027-01-01", "New Year's Day", null);
        BranchSpec later = mainWith(MAIN.openingHours(), MAIN.servicePoints(),
                List.of(CHRISTMAS_EVE, CHRISTMAS, newYearsEve, newYearsDay));

        assertThat(changesFrom(MAIN, later)).containsExactly(
                new FieldChange("closures.2026-12-31.reason", null, "New Year's Eve"),
                new FieldChange("closures.2026-12-31.hours", null, "09:00-12:00"),
                new FieldChange("closures.2027-01-01.reason", null, "New Year's Day"),
                new FieldChange("closures.2027-01-01.hours", null, "closed"));
    }

    @Test
    void removing_a_desk_with_its_own_hours_shows_what_goes() {
        List<FieldChange> changes = changesFrom(MAIN, mainWith(MAIN.openingHours(), List.of(CIRCULATION), MAIN.closures()));

        assertThat(changes).extracting(FieldChange::after).containsOnlyNulls();
        assertThat(changes).extracting(FieldChange::field).contains("servicePoints.childrens.name",
                "servicePoints.childrens.openingHours.saturday");
        assertThat(changes).hasSize(1 + 7);
    }

    @Test
    void a_desk_taking_the_branch_hours_again_is_a_change() {
        ServicePointSpec childrensOnBranchHours = new ServicePointSpec("childrens", "Children's Desk", null);

        assertThat(changesFrom(MAIN, mainWith(MAIN.openingHours(), List.of(CIRCULATION, childrensOnBranchHours), MAIN.closures())))
                .contains(new FieldChange("servicePoints.childrens.openingHours.saturday", "10:00-13:00", null));
    }

    // --- documents through the entities and back

    @Test
    void a_branch_written_to_the_entity_reads_back_as_the_same_document() {
        BranchSpec back = written(MAIN);

        assertThat(Flat.branch(back)).isEqualTo(Flat.branch(MAIN));
        assertThat(back.servicePoints()).filteredOn(d -> d.code().equals("circulation")).singleElement()
                .satisfies(d -> assertThat(d.openingHours()).as("a desk on branch hours keeps none of its own").isNull());
        assertThat(back.closures()).extracting(ClosureSpec::hours).containsExactly(List.of("09:00-12:00"), null);
    }

    @Test
    void applying_the_same_document_twice_changes_nothing_and_keeps_the_desks() {
        Branch branch = new Branch("MAIN");
        Specs.write(branch, MAIN);
        List<ServicePoint> desksBefore = List.copyOf(branch.servicePoints());

        assertThat(changesFrom(Specs.of(branch), MAIN)).isEmpty();
        Specs.write(branch, MAIN);

        assertThat(Flat.branch(Specs.of(branch))).isEqualTo(Flat.branch(MAIN));
        // desks are matched by code, so the same rows stay (their ids are what other modules refer to)
        assertThat(branch.servicePoints()).extracting(ServicePoint::id)
                .containsExactlyInAnyOrderElementsOf(desksBefore.stream().map(ServicePoint::id).toList());
    }

    @Test
    void applying_a_changed_document_replaces_desks_hours_and_closures() {
        Branch branch = new Branch("MAIN");
        Specs.write(branch, MAIN);
        ServicePointSpec reference = new ServicePointSpec("reference", "Reference Desk", mondayAndSaturday("10:00-16:00", null));
        BranchSpec later = mainWith(mondayAndSaturday("08:00-20:00", null), List.of(CIRCULATION, reference),
                List.of(new ClosureSpec("2026-12-25", "Christmas Day (observed)", List.of("10:00-12:00"))));

        Specs.write(branch, later);

        assertThat(Flat.branch(Specs.of(branch))).isEqualTo(Flat.branch(later));
        assertThat(branch.closures()).singleElement().satisfies(c -> assertThat(c.openHours().text()).isEqualTo("10:00-12:00"));
    }

    @Test
    void every_demo_branch_reads_back_as_its_file_says() {
        for (TenantSpec tenant : DemoTenants.read()) {
            for (BranchSpec branch : tenant.branches()) {
                assertThat(changesFrom(written(branch), branch)).as("%s/%s", tenant.slug(), branch.code()).isEmpty();
            }
        }
    }

    @Test
    void every_demo_tenant_reads_back_as_its_file_says() {
        for (TenantSpec tenant : DemoTenants.read()) {
            Tenant entity = Specs.newTenant(tenant);

            List<org.servicepoint.tenancy.entity.Position> positions = new java.util.ArrayList<>();
            for (int i = 0; i < tenant.positions().size(); i++) {
                var position = new org.servicepoint.tenancy.entity.Position(tenant.positions().get(i).code(),
                        tenant.positions().get(i).name(), i + 1);
                position.allow(tenant.positions().get(i).may());
                positions.add(position);
            }
            assertThat(Flat.diff(Flat.tenant(Specs.of(entity, List.of(), positions)), Flat.tenant(tenant))).as(tenant.slug()).isEmpty();
        }
    }

    // --- a bookmobile, a headquarters without a desk, a fallback language

    static final ServicePointSpec BOOKMOBILE = new ServicePointSpec("bookmobile", "Bookmobile", null, true, List.of(
            new BranchSpec.StopSpec("Oak Street School", "monday", "09:30-11:30"),
            new BranchSpec.StopSpec("Mill Road Senior Center", "monday", "12:00-13:30"),
            new BranchSpec.StopSpec("Oak Street School", "thursday", "09:30-11:30")));

    @Test
    void a_bookmobile_flattens_to_one_field_per_day_of_its_route() {
        Map<String, String> flat = Flat.branch(mainWith(MAIN.openingHours(), List.of(CIRCULATION, BOOKMOBILE), List.of()));

        assertThat(flat).containsEntry("servicePoints.bookmobile.mobile", "true")
                .containsEntry("servicePoints.bookmobile.stops.monday", "09:30-11:30 Oak Street School; 12:00-13:30 Mill Road Senior Center")
                .containsEntry("servicePoints.bookmobile.stops.thursday", "09:30-11:30 Oak Street School")
                .doesNotContainKey("servicePoints.bookmobile.stops.friday")
                .doesNotContainKey("servicePoints.circulation.mobile");
    }

    @Test
    void moving_one_stop_is_one_change_naming_the_day() {
        BranchSpec before = mainWith(MAIN.openingHours(), List.of(BOOKMOBILE), List.of());
        ServicePointSpec moved = new ServicePointSpec("bookmobile", "Bookmobile", null, true, List.of(
                BOOKMOBILE.stops().get(0), BOOKMOBILE.stops().get(1),
                new BranchSpec.StopSpec("Oak Street School", "thursday", "13:00-15:00")));

        assertThat(changesFrom(before, mainWith(MAIN.openingHours(), List.of(moved), List.of()))).containsExactly(
                new FieldChange("servicePoints.bookmobile.stops.thursday", "09:30-11:30 Oak Street School",
                        "13:00-15:00 Oak Street School"));
    }

    @Test
    void a_bookmobile_written_to_the_entity_reads_back_with_its_route() {
        BranchSpec spec = mainWith(MAIN.openingHours(), List.of(CIRCULATION, BOOKMOBILE), MAIN.closures());
        Branch branch = new Branch("MAIN");
        Specs.write(branch, spec);

        assertThat(Flat.branch(Specs.of(branch))).isEqualTo(Flat.branch(spec));
        assertThat(branch.servicePoints()).filteredOn(ServicePoint::mobile).extracting(ServicePoint::code).containsExactly("bookmobile");

        Specs.write(branch, mainWith(MAIN.openingHours(), List.of(CIRCULATION,
                new ServicePointSpec("bookmobile", "Bookmobile", null, null, null)), List.of()));
        assertThat(branch.servicePoints()).noneMatch(ServicePoint::mobile);
        assertThat(branch.stopsOf("bookmobile")).as("a desk that is no longer mobile keeps no stops").isEmpty();
    }

    @Test
    void a_headquarters_without_a_desk_reads_back_without_one() {
        BranchSpec office = mainWith(MAIN.openingHours(), List.of(), List.of());

        assertThat(written(office).servicePoints()).isEmpty();
        assertThat(changesFrom(written(office), office)).isEmpty();
    }

    @Test
    void a_fallback_language_is_a_field_of_the_plan_and_english_when_none_is_given() {
        TenantSpec french = new TenantSpec("millbrook", "Millbrook Public Library", "America/Chicago", "fr-CA", "active",
                List.of(MAIN), null, null, null, null, "es");

        assertThat(Flat.tenant(MILLBROOK)).containsEntry("fallbackLanguage", "en");
        assertThat(Flat.diff(Flat.tenant(MILLBROOK), Flat.tenant(french))).containsExactly(
                new FieldChange("locale", "en-US", "fr-CA"), new FieldChange("fallbackLanguage", "en", "es"));
        assertThat(Flat.tenant(Specs.of(Specs.newTenant(french), List.of(), List.of()))).isEqualTo(Flat.tenant(french));
    }

    // --- the plan as a person reads it

    @Test
    void a_plan_shows_what_is_created_updated_unchanged_and_kept() {
        Plan plan = new Plan(false, List.of(
                new Change("tenant", "millbrook", Action.CREATE, List.of(new FieldChange("name", null, "Millbrook Public Library"))),
                new Change("branch", "millbrook/MAIN", Action.UPDATE,
                        List.of(new FieldChange("openingHours.monday", "09:00-17:00", "09:00-18:00"))),
                new Change("branch", "millbrook/EAST", Action.UNCHANGED, List.of()),
                new Change("branch", "millbrook/OLD", Action.NOT_IN_FILE, List.of())));

        assertThat(plan.changesAnything()).isTrue();
        assertThat(plan.render()).isEqualTo("""
                tenant millbrook: create
                    name: (none) -> "Millbrook Public Library"
                branch millbrook/MAIN: update
                    openingHours.monday: "09:00-17:00" -> "09:00-18:00"
                branch millbrook/EAST: unchanged
                branch millbrook/OLD: not in the file (kept as it is)
                Plan: 1 to create, 1 to update
                """);
    }

    @Test
    void a_plan_that_changes_nothing_says_so() {
        Plan plan = new Plan(false, List.of(new Change("tenant", "millbrook", Action.UNCHANGED, List.of()),
                new Change("branch", "millbrook/OLD", Action.NOT_IN_FILE, List.of())));

        assertThat(plan.changesAnything()).isFalse();
        assertThat(plan.render()).endsWith("Plan: 0 to create, 0 to update (no change)\n");
    }

    @Test
    void an_applied_plan_says_applied() {
        Plan applied = new Plan(true, List.of(new Change("branch", "millbrook/MAIN", Action.UPDATE,
                List.of(new FieldChange("phone", "+1 601-555-0110", null)))));

        assertThat(applied.render()).contains("    phone: \"+1 601-555-0110\" -> (none)\n")
                .endsWith("Applied: 0 to create, 1 to update\n");
    }
}
