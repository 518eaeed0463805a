package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.entity.TenantId;

class CallerTest {

    static final TenantId RIVERSIDE = TenantId.of("riverside");
    static final TenantId LAKEVIEW = TenantId.of("lakeview");

    @Test
    void a_staff_member_is_staff_of_their_own_library_system_only() {
        for (String role : Roles.STAFF_ROLES) {
            Caller caller = Caller.staff("dana", RIVERSIDE, Set.of(role), Map.of());
            assertThat(caller.isStaffOf(RIVERSIDE)).as(role).isTrue();
            assertThat(caller.isStaffOf(LAKEVIEW)).as(role).isFalse();
        }
    }

    @Test
    void a_token_of_the_library_system_without_a_staff_role_is_not_staff() {
        assertThat(Caller.staff("dana", RIVERSIDE, Set.of(), Map.of()).isStaffOf(RIVERSIDE)).isFalse();
        assertThat(Caller.staff("dana", RIVERSIDE, Set.of(Roles.POSITION_PREFIX + "page"), Map.of()).isStaffOf(RIVERSIDE)).isFalse();
    }

    @Test
    void operators_the_system_and_anonymous_callers_are_staff_of_no_library_system() {
        for (Caller caller : new Caller[] {Caller.operator("op"), Caller.SYSTEM, Caller.ANONYMOUS}) {
            assertThat(caller.isStaffOf(RIVERSIDE)).as(caller.name()).isFalse();
            assertThat(caller.isStaffOf(null)).as(caller.name()).isFalse();
        }
    }
}
