package org.servicepoint.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StoredTimeTest {

    @Test
    void times_are_kept_in_utc_to_the_microsecond() {
        OffsetDateTime stored = StoredTime.stored(Instant.parse("2026-03-10T20:00:00.123456789Z"));
        assertThat(stored).isEqualTo(OffsetDateTime.parse("2026-03-10T20:00:00.123456Z"));
        assertThat(stored.getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void an_offset_time_is_the_same_instant_in_utc() {
        OffsetDateTime chicago = OffsetDateTime.parse("2026-03-10T15:00:00.0000019-05:00");
        assertThat(StoredTime.stored(chicago)).isEqualTo(OffsetDateTime.parse("2026-03-10T20:00:00.000001Z"));
        assertThat(StoredTime.stored(chicago).getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void no_time_stays_no_time() {
        assertThat(StoredTime.stored((Instant) null)).isNull();
        assertThat(StoredTime.stored((OffsetDateTime) null)).isNull();
    }
}
