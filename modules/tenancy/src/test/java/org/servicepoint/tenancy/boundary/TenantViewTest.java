package org.servicepoint.tenancy.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.testing.TurkishLocale;
import org.servicepoint.tenancy.entity.Tenant;

class TenantViewTest {

    @Test
    void the_status_is_sent_the_same_on_a_jvm_with_a_turkish_default_locale() {
        Tenant tenant = new Tenant(TenantId.of("riverside"), "Riverside", ZoneId.of("America/Chicago"), Locale.US, Tenant.Status.ACTIVE);
        assertThat(TurkishLocale.during(() -> TenantView.of(tenant, 2)).status()).isEqualTo("active");
    }
}
