package org.servicepoint.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RealmSpecTest {

    @Test
    void a_realm_is_named_by_a_tenant_slug_and_never_by_a_reserved_name() {
        assertThat(RealmSpec.of("riverbend", "Riverbend Regional Library System").displayName())
                .isEqualTo("Riverbend Regional Library System");
        assertThatThrownBy(() -> RealmSpec.of("River Bend", "x")).hasMessageContaining("not a tenant slug");
        assertThatThrownBy(() -> RealmSpec.of("master", "x")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> RealmSpec.of(Realms.OPERATOR_REALM, "x")).hasMessageContaining("reserved");
        // The tenant documents refuse the same names, so no apply gets as far as here with one.
        assertThat(org.servicepoint.tenancy.control.TenantRules.RESERVED_SLUGS)
                .containsExactlyInAnyOrder("master", Realms.OPERATOR_REALM);
    }

    @Test
    void demo_users_hold_positions_the_realm_has_and_known_roles_only() {
        var clerk = new DemoUser("Clerk.One", "Sam", "clerk", "HQ", List.of(Realms.STAFF));
        assertThat(clerk.username()).isEqualTo("clerk.one");
        assertThat(new RealmSpec("riverbend", "Riverbend", List.of("clerk"), List.of(clerk)).demoUsers()).hasSize(1);

        assertThatThrownBy(() -> new RealmSpec("riverbend", "Riverbend", List.of("director"), List.of(clerk)))
                .hasMessageContaining("position 'clerk'");
        assertThatThrownBy(() -> new DemoUser("x", "X", null, null, List.of("superuser")))
                .hasMessageContaining("unknown role 'superuser'");
        assertThatThrownBy(() -> new RealmSpec("riverbend", "Riverbend", List.of("clerk"), List.of(clerk, clerk)))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new DemoUser("y", " ", null, null, List.of())).hasMessageContaining("tag name");
    }
}
