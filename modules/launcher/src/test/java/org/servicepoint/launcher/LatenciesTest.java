package org.servicepoint.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    /** The given percentiles of {@code latencies}, in the order asked. */
    static List<Long> percentiles(Latencies latencies, double... percents) {
        return Arrays.stream(percents).mapToObj(latencies::percentile).toList();
    }

    @Test
    void nearestRankOnOneToHundred() {
        Latencies l = new Latencies();
        for (int i = 100; i >= 1; i--) {
            l.add(i);
        }
        assertThat(percentiles(l, 50, 99, 99.9, 100, 1)).containsExactly(50L, 99L, 100L, 100L, 1L);
    }

    @Test
    void smallSamplesRoundUp() {
        Latencies l = new Latencies();
        l.add(30);
        l.add(10);
        l.add(20);
        // rank ceil(0.5 * 3) = 2 -> 20; ceil(0.99 * 3) = 3 -> 30
        assertThat(percentiles(l, 50, 99)).containsExactly(20L, 30L);
    }

    @Test
    void oneValueIsEveryPercentileAndNothingIsZero() {
        Latencies one = new Latencies();
        one.add(7_000_000);
        assertThat(percentiles(one, 50, 99)).containsExactly(7_000_000L, 7_000_000L);
        assertThat(new Latencies().percentile(99)).isZero();
    }

    @Test
    void mergesThreadsAndGrowsPastItsFirstArray() {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        for (int i = 1; i <= 10_000; i++) {
            (i % 2 == 0 ? a : b).add(i);
        }
        Latencies all = Latencies.merge(List.of(a, b, new Latencies()));
        assertThat(all.count()).isEqualTo(10_000);
        assertThat(percentiles(all, 50, 99)).containsExactly(5_000L, 9_900L);
        // adding after a percentile was read sorts again
        all.add(0);
        assertThat(all.percentile(100)).isEqualTo(10_000);
        assertThat(Latencies.merge(List.of()).percentile(50)).isZero();
    }

    @Test
    void refusesPercentilesOutsideTheRange() {
        Latencies l = new Latencies();
        l.add(1);
        assertThatThrownBy(() -> l.percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> l.percentile(100.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void millisFromNanos() {
        assertThat(Latencies.millis(12_345_678)).isEqualTo(12.345678);
    }
}
