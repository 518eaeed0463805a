package org.servicepoint.patronrequests.callbacks.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.staffing.control.StaffRecord;
import org.servicepoint.tenancy.control.TenantOutline;
import org.servicepoint.tenancy.control.TenantSpec.PositionSpec;

class CallBackOverdueTest {

    // Positions in the order the library system ranks them: the most junior first.
    static final TenantOutline OUTLINE = new TenantOutline("river", "River", "America/Chicago", "en-US", "active",
            List.of(new TenantOutline.BranchName("PINE", "Pine", false)),
            List.of(new PositionSpec("page", "Page", null), new PositionSpec("library-assistant", "Library assistant", null),
                    new PositionSpec("branch-manager", "Branch manager", null)));

    static StaffRecord person(String tagName, String position) {
        return new StaffRecord(UUID.randomUUID(), tagName, tagName.toLowerCase(), position, null, "PINE", "Pine", "permanent",
                LocalDate.of(2020, 1, 1), null, true, 0);
    }

    @Test
    void with_nobody_on_duty_the_holders_of_the_most_senior_position_at_the_branch_are_told() {
        StaffRecord page = person("Pat", "page");
        StaffRecord sam = person("Sam", "library-assistant");
        StaffRecord rosa = person("Rosa", "branch-manager");
        StaffRecord mo = person("Mo", "branch-manager");
        assertThat(CallBackOverdue.mostSenior(OUTLINE, List.of(page, sam, rosa, mo))).containsExactlyInAnyOrder(rosa, mo);
        assertThat(CallBackOverdue.mostSenior(OUTLINE, List.of(page, sam))).containsExactly(sam);
        assertThat(CallBackOverdue.mostSenior(OUTLINE, List.of(person("Oz", "no-such-position")))).isEmpty();
    }
}
