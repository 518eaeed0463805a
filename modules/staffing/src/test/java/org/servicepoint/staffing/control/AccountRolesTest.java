package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.tenancy.control.TenantOutline;
import org.servicepoint.tenancy.control.TenantSpec.PositionSpec;

/** The roles a roster entry's account gets from its position and branch (the demo users' roles, tenant admin aside). */
class AccountRolesTest {

    private final TenantOutline outline = new TenantOutline("riverbend", "Riverbend", "America/Chicago", "en-US", "active",
            List.of(new TenantOutline.BranchName("HQ", "Headquarters", true),
                    new TenantOutline.BranchName("PINE-HOLLOW", "Pine Hollow", false)),
            List.of(new PositionSpec("volunteer", "Volunteer", List.of()),
                    new PositionSpec("library-assistant", "Library assistant", List.of("be-in-charge", "sign-incident-reports")),
                    new PositionSpec("branch-manager", "Branch manager", List.of("be-in-charge", "receive-incident-reports")),
                    new PositionSpec("executive-director", "Executive director", List.of("receive-incident-reports"))));
    private final LibrarySystem system = LibrarySystem.of(outline);

    private List<String> rolesOf(String position, String branch) {
        StaffRecord entry = new StaffRecord(UUID.randomUUID(), "Ivy", "ivy", position, position, branch, branch, "permanent",
                LocalDate.parse("2020-01-01"), null, true, 0, "ivy@riverbend.example");
        return List.copyOf(Roster.rolesOf(outline, system, entry));
    }

    @Test
    void desk_staff_and_volunteers_are_staff_only_wherever_they_work() {
        assertThat(rolesOf("library-assistant", "PINE-HOLLOW")).containsExactly("staff");
        assertThat(rolesOf("volunteer", "HQ")).containsExactly("staff");
    }

    @Test
    void a_position_that_receives_incident_reports_is_in_charge_and_at_headquarters_works_across_branches() {
        assertThat(rolesOf("branch-manager", "PINE-HOLLOW")).containsExactly("staff", "person-in-charge");
        assertThat(rolesOf("executive-director", "HQ")).containsExactly("staff", "person-in-charge", "headquarters");
    }

    @Test
    void nobody_becomes_a_tenant_administrator_from_the_roster() {
        assertThat(rolesOf("executive-director", "HQ")).doesNotContain("tenant-admin");
    }
}
