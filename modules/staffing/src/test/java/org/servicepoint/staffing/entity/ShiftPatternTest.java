package org.servicepoint.staffing.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The shift value object guards the overnight rule and answers which dates a shift happens on. */
class ShiftPatternTest {

    static final LocalTime NINE = LocalTime.of(9, 0);
    static final LocalTime FIVE_PM = LocalTime.of(17, 0);

    @Test
    void a_shift_ending_at_or_before_its_start_must_be_flagged_overnight_and_only_then() {
        assertThatThrownBy(() -> ShiftPattern.once(LocalDate.parse("2026-11-03"), FIVE_PM, NINE, false))
                .hasMessageContaining("set overnight: true");
        assertThatThrownBy(() -> ShiftPattern.once(LocalDate.parse("2026-11-03"), NINE, FIVE_PM, true))
                .hasMessageContaining("not overnight");

        ShiftPattern night = ShiftPattern.once(LocalDate.parse("2026-11-03"), LocalTime.of(22, 0), LocalTime.of(6, 0), true);
        assertThat(night.localEnd(LocalDate.parse("2026-11-03"))).isEqualTo(LocalDateTime.parse("2026-11-04T06:00"));
        assertThat(ShiftPattern.once(LocalDate.parse("2026-11-03"), NINE, NINE, true).clockMinutes()).isEqualTo(24 * 60);
    }

    @Test
    void times_are_whole_minutes_and_a_one_off_is_one_date() {
        assertThatThrownBy(() -> ShiftPattern.once(LocalDate.parse("2026-11-03"), LocalTime.of(9, 0, 30), FIVE_PM, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShiftPattern(null, LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-04"), NINE, FIVE_PM, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_weekly_shift_happens_on_its_weekday_between_its_first_and_last_day() {
        ShiftPattern tuesdays = ShiftPattern.weekly(DayOfWeek.TUESDAY, LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-17"),
                NINE, FIVE_PM, false);

        assertThat(tuesdays.startDates(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-31")))
                .extracting(LocalDate::toString).containsExactly("2026-11-03", "2026-11-10", "2026-11-17");
        assertThat(tuesdays.occursOn(LocalDate.parse("2026-11-04"))).isFalse();
        assertThat(tuesdays.occursOn(LocalDate.parse("2026-11-24"))).isFalse();
    }

    @Test
    void limiting_a_shift_to_roster_dates_narrows_or_drops_it() {
        ShiftPattern tuesdays = ShiftPattern.weekly(DayOfWeek.TUESDAY, LocalDate.parse("2026-11-03"), null, NINE, FIVE_PM, false);

        assertThat(tuesdays.within(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-11-20")))
                .hasValueSatisfying(p -> assertThat(p.startDates(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-31"))).hasSize(3));
        assertThat(tuesdays.within(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-11-02"))).isEmpty();
        assertThat(tuesdays.within(LocalDate.parse("2026-11-04"), LocalDate.parse("2026-11-09"))).isEmpty();
        ShiftPattern once = ShiftPattern.once(LocalDate.parse("2026-11-03"), NINE, FIVE_PM, false);
        assertThat(once.within(LocalDate.parse("2026-11-03"), null)).contains(once);
        assertThat(once.within(LocalDate.parse("2026-11-04"), null)).isEmpty();
    }

    @Test
    void absences_run_from_midnight_to_midnight_for_whole_days() {
        AbsencePeriod days = AbsencePeriod.days(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02"));

        assertThat(days.from()).isEqualTo(LocalDateTime.parse("2026-11-01T00:00"));
        assertThat(days.to()).isEqualTo(LocalDateTime.parse("2026-11-03T00:00"));
        assertThat(days.lastDay()).isEqualTo(LocalDate.parse("2026-11-02"));
        // 25 + 24 hours: the fall-back day is longer
        assertThat(java.time.Duration.between(days.start(java.time.ZoneId.of("America/Chicago")),
                days.end(java.time.ZoneId.of("America/Chicago"))).toHours()).isEqualTo(49);
        assertThatThrownBy(() -> AbsencePeriod.between(LocalDateTime.parse("2026-11-01T12:00"), LocalDateTime.parse("2026-11-01T12:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
