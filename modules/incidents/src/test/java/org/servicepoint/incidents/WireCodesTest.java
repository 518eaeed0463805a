package org.servicepoint.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.servicepoint.incidents.delivery.entity.DeliveryKind;
import org.servicepoint.incidents.delivery.entity.DeliveryStatus;
import org.servicepoint.incidents.reports.entity.IncidentStatus;
import org.servicepoint.incidents.reports.entity.SignatureKind;
import org.servicepoint.platform.testing.TurkishLocale;

class WireCodesTest {

    @Test
    void codes_stay_the_same_on_a_jvm_with_a_turkish_default_locale() {
        TurkishLocale.during(() -> {
            assertThat(IncidentStatus.DISTRIBUTED.code()).isEqualTo("distributed");
            assertThat(IncidentStatus.ofCode("submitted")).isEqualTo(IncidentStatus.SUBMITTED);
            assertThat(SignatureKind.COUNTERSIGNATURE.code()).isEqualTo("countersignature");
            assertThat(DeliveryStatus.FAILED.code()).isEqualTo("failed");
            assertThat(DeliveryKind.OVERDUE_NOTICE.code()).isEqualTo("overdue-notice");
            return null;
        });
    }
}
