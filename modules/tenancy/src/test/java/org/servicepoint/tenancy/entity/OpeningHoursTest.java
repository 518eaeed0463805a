package org.servicepoint.tenancy.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicepoint.platform.entity.TimeRange;

/** Opening hours as value objects: one period ({@link TimeRange}) and the periods of one day ({@link DayHours}). */
class OpeningHoursTest {

    @Test
    void a_period_is_read_as_minutes_since_midnight() {
        assertThat(TimeRange.parse("09:00-17:30")).isEqualTo(new TimeRange(9 * 60, 17 * 60 + 30));
    }

    @Test
    void a_period_may_run_until_midnight_but_not_past_it() {
        TimeRange evening = TimeRange.parse("18:00-24:00");

        assertThat(evening.closes()).isEqualTo(1440);
        assertThat(evening).hasToString("18:00-24:00");
        assertThatThrownBy(() -> TimeRange.parse("22:00-02:00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused_in_words_a_person_understands() {
        assertThatThrownBy(() -> TimeRange.parse("17:00-09:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"17:00-09:00\" ends before it starts");
    }

    @Test
    void a_period_of_no_length_is_refused() {
        assertThatThrownBy(() -> TimeRange.parse("12:00-12:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeRange(720, 720)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"25:00-26:00", "9-5", "9:00-17:00", "09:00 - 17:00", "09:00-17:60", "24:00-24:00",
            "09:00", "09:00-12:00,13:00-17:00", "nine to five"})
    void text_that_is_not_a_period_is_refused(String text) {
        assertThatThrownBy(() -> TimeRange.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a period like 09:00-17:30");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void no_text_is_not_a_period_either(String text) {
        // an IllegalArgumentException (a refusal), not a NullPointerException (a crash)
        assertThatThrownBy(() -> TimeRange.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_period_built_from_minutes_stays_within_one_day() {
        assertThatThrownBy(() -> new TimeRange(-10, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeRange(1380, 1441)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periods_overlap_when_they_share_some_minutes() {
        TimeRange morning = TimeRange.parse("09:00-12:00");

        assertThat(morning.overlaps(TimeRange.parse("11:59-13:00"))).isTrue();
        assertThat(morning.overlaps(TimeRange.parse("10:00-11:00"))).isTrue();
        assertThat(TimeRange.parse("10:00-11:00").overlaps(morning)).isTrue();
        assertThat(morning.overlaps(TimeRange.parse("13:00-17:00"))).isFalse();
    }

    @Test
    void a_days_periods_are_kept_in_time_order() {
        DayHours monday = DayHours.parse(List.of("13:00-17:00", "09:00-12:00"));

        assertThat(monday.periods()).containsExactly(TimeRange.parse("09:00-12:00"), TimeRange.parse("13:00-17:00"));
        assertThat(monday.texts()).containsExactly("09:00-12:00", "13:00-17:00");
    }

    @Test
    void overlapping_periods_in_one_day_are_refused_naming_both() {
        assertThatThrownBy(() -> DayHours.parse(List.of("09:00-12:00", "11:00-13:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("09:00-12:00 and 11:00-13:00 overlap");
        // found after sorting, so the order they were written in does not hide an overlap
        assertThatThrownBy(() -> DayHours.parse(List.of("14:00-18:00", "09:00-12:00", "11:30-15:00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DayHours.parse(List.of("09:00-17:00", "12:00-13:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_canonical_text_reads_back_to_the_same_hours() {
        for (List<String> periods : List.of(List.of("09:00-17:30"), List.of("13:00-17:00", "09:00-12:00"),
                List.of("00:00-02:00", "08:00-12:00", "18:00-24:00"))) {
            DayHours hours = DayHours.parse(periods);

            assertThat(DayHours.ofText(hours.text())).isEqualTo(hours);
        }
        assertThat(DayHours.parse(List.of("13:00-17:00", "09:00-12:00")).text()).isEqualTo("09:00-12:00,13:00-17:00");
    }

    @Test
    void no_periods_means_closed() {
        assertThat(DayHours.parse(null)).isEqualTo(DayHours.CLOSED);
        assertThat(DayHours.parse(List.of())).isEqualTo(DayHours.CLOSED);
        assertThat(DayHours.ofText("")).isEqualTo(DayHours.CLOSED);
        assertThat(DayHours.ofText(null)).isEqualTo(DayHours.CLOSED);
        assertThat(DayHours.CLOSED.closed()).isTrue();
        assertThat(DayHours.CLOSED.text()).isEmpty();
        assertThat(DayHours.parse(List.of("09:00-12:00")).closed()).isFalse();
    }

    @Test
    void a_days_hours_cannot_be_changed_behind_its_back() {
        List<TimeRange> given = new ArrayList<>(List.of(TimeRange.parse("09:00-12:00")));
        DayHours hours = new DayHours(given);

        given.add(TimeRange.parse("10:00-11:00"));

        assertThat(hours.text()).isEqualTo("09:00-12:00");
        assertThatThrownBy(() -> hours.periods().add(TimeRange.parse("13:00-14:00")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
