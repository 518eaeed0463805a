package org.servicepoint.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.TurkishLocale;

class WireNamesTest {

    enum Delivery { DISTRIBUTED, OVERDUE_NOTICE, FAILED }

    @Test
    void codes_are_lower_case_with_hyphens_and_read_back() {
        assertThat(WireNames.of(Delivery.OVERDUE_NOTICE)).isEqualTo("overdue-notice");
        assertThat(WireNames.parse(Delivery.class, "overdue-notice")).contains(Delivery.OVERDUE_NOTICE);
        assertThat(WireNames.parse(Delivery.class, "OVERDUE_NOTICE")).isEmpty();
        assertThat(WireNames.all(Delivery.class)).isEqualTo("distributed, overdue-notice, failed");
        assertThat(WireNames.of(null)).isNull();
    }

    @Test
    void a_turkish_default_locale_does_not_change_the_codes() {
        assertThat("DISTRIBUTED".toLowerCase(TurkishLocale.TURKISH)).isEqualTo("d\u0131str\u0131buted");
        assertThat(TurkishLocale.during(() -> WireNames.of(Delivery.DISTRIBUTED))).isEqualTo("distributed");
        assertThat(TurkishLocale.during(() -> WireNames.parse(Delivery.class, "distributed"))).contains(Delivery.DISTRIBUTED);
    }
}
