package org.servicepoint.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"riverbend", "lakeview-law", "ab1", "x2-y3"})
    void slugs_are_tenant_ids(String slug) {
        assertThat(TenantId.of(slug).value()).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "Riverbend", "-x", "x-", "_platform", "a b", "a;drop table", "éclair"})
    void anything_else_is_refused(String text) {
        assertThatThrownBy(() -> TenantId.of(text)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TenantId.isValidSlug(text)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void the_platform_id_is_reserved() {
        assertThat(TenantId.PLATFORM.value()).isEqualTo("_platform");
    }
}
