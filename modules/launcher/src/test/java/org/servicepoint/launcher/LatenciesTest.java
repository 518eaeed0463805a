package org.servicepoint.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankOnOneToHundred() {
        Latencies l = new Latencies();
        for (int i = 100; i >= 1; i--) {
            l.add(i);
        }
        assertThat(l.percentile(50)).isEqualTo(50);
        assertThat(l.percentile(99)).isEqualTo(99);
        assertThat(l.percentile(99.9)).isEqualTo(100);
        assertThat(l.percentile(100)).isEqualTo(100);
        assertThat(l.percentile(1)).isEqualTo(1);
    }

    @Test
    void smallSamplesRoundUp() {
        Latencies l = new Latencies();
        l.add(30);
        l.add(10);
        l.add(20);
        // rank ceil(0.5 * 3) = 2 -> 20; ceil(0.99 * 3) = 3 -> 30
        assertThat(l.percentile(50)).isEqualTo(20);
        assertThat(l.percentile(99)).isEqualTo(30);
    }

    @Test
    void oneValueIsEveryPercentileAndNothingIsZero() {
        Latencies one = new Latencies();
        one.add(7_000_000);
        assertThat(one.percentile(50)).isEqualTo(7_000_000);
        assertThat(one.percentile(99)).isEqualTo(7_000_000);
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
        assertThat(all.percentile(50)).isEqualTo(5_000);
        assertThat(all.percentile(99)).isEqualTo(9_900);
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
