package org.servicepoint.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicepoint.incidents.delivery.entity.DeliveryKind;
import org.servicepoint.incidents.delivery.entity.DeliveryStatus;
import org.servicepoint.incidents.reports.entity.IncidentStatus;
import org.servicepoint.incidents.reports.entity.SignatureKind;
import org.servicepoint.platform.testing.TurkishLocale;

class WireCodesTest {

    @Test
    void codes_stay_the_same_on_a_jvm_with_a_turkish_default_locale() {
        List<String> codes = TurkishLocale.during(() -> List.of(IncidentStatus.DISTRIBUTED.code(),
                SignatureKind.COUNTERSIGNATURE.code(), DeliveryStatus.FAILED.code(), DeliveryKind.OVERDUE_NOTICE.code()));

        assertThat(codes).containsExactly("distributed", "countersignature", "failed", "overdue-notice");
        assertThat(TurkishLocale.during(() -> IncidentStatus.ofCode("submitted"))).isEqualTo(IncidentStatus.SUBMITTED);
    }
}
