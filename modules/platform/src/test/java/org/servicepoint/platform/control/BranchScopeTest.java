package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.entity.TenantId;

class BranchScopeTest {

    static final TenantId TENANT = TenantId.of("riverbend");

    static Caller staff(String branch, String... roles) {
        return Caller.staff("someone", TENANT, Set.of(roles), branch == null ? Map.of() : Map.of("branch", branch));
    }

    @Test
    void a_person_in_charge_covers_their_own_branch_only() {
        Caller rosa = staff("PINE-HOLLOW", Roles.STAFF, Roles.PERSON_IN_CHARGE);
        assertThat(BranchScope.covers(rosa, "PINE-HOLLOW")).isTrue();
        assertThat(BranchScope.covers(rosa, "MOSSY-CREEK")).isFalse();
        assertThat(BranchScope.covers(rosa, null)).isFalse();
        assertThat(BranchScope.acrossBranches(rosa)).isFalse();
    }

    @Test
    void headquarters_tenant_admins_and_the_system_cover_every_branch() {
        assertThat(BranchScope.covers(staff("HQ", Roles.STAFF, Roles.HEADQUARTERS), "MOSSY-CREEK")).isTrue();
        assertThat(BranchScope.covers(staff(null, Roles.TENANT_ADMIN), "MOSSY-CREEK")).isTrue();
        assertThat(BranchScope.covers(Caller.SYSTEM, "MOSSY-CREEK")).isTrue();
        assertThat(BranchScope.covers(Caller.ANONYMOUS, "MOSSY-CREEK")).isFalse();
    }

    @Test
    void a_list_is_narrowed_to_the_own_branch_and_another_branch_is_not_found() {
        Caller rosa = staff("PINE-HOLLOW", Roles.STAFF, Roles.PERSON_IN_CHARGE);
        assertThat(BranchScope.narrow(rosa, null)).isEqualTo("PINE-HOLLOW");
        assertThat(BranchScope.narrow(rosa, "PINE-HOLLOW")).isEqualTo("PINE-HOLLOW");
        assertThatThrownBy(() -> BranchScope.narrow(rosa, "MOSSY-CREEK"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(404));
    }

    @Test
    void headquarters_lists_every_branch_or_the_one_asked_for() {
        Caller dee = staff("HQ", Roles.STAFF, Roles.HEADQUARTERS);
        assertThat(BranchScope.narrow(dee, null)).isNull();
        assertThat(BranchScope.narrow(dee, "MOSSY-CREEK")).isEqualTo("MOSSY-CREEK");
    }

    @Test
    void a_caller_whose_token_names_no_branch_sees_no_branch_and_changes_none() {
        Caller nowhere = staff(null, Roles.STAFF, Roles.PERSON_IN_CHARGE);
        assertThatThrownBy(() -> BranchScope.narrow(nowhere, null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(403));
        assertThatThrownBy(() -> BranchScope.requireCovers(nowhere, "PINE-HOLLOW"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(403));
        assertThat(BranchScope.covers(staff(" ", Roles.STAFF), " ")).isFalse();
    }
}
