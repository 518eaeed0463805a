package org.servicepoint.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplicaUseTest {

    @Test
    void cpuPerRequestIsTheInstancesOwnTicksOverTheRequestsItAnsweredInThePhase() {
        // 1,000 requests answered in the phase (1,200 - 200); 250 ticks = 2.5 s of CPU: 2.5 ms per request.
        ReplicaUse use = ReplicaUse.of(2, 200, 1_200, 10_000, 10_250, 600 * 1024);
        assertThat(use.instance()).isEqualTo(2);
        assertThat(use.requests()).isEqualTo(1_000);
        assertThat(use.cpuMillisPerRequest()).isEqualTo(2.5);
        assertThat(use.medianRssMib()).isEqualTo(600);
        assertThat(use.share(4_000)).isEqualTo(0.25);
    }

    @Test
    void anInstanceThatAnsweredNothingOrCouldNotBeReadHasNoFigureRatherThanAMadeUpOne() {
        ReplicaUse idle = ReplicaUse.of(1, 50, 50, 100, 180, -1);
        assertThat(idle.requests()).isZero();
        assertThat(idle.cpuMillisPerRequest()).isNaN();
        assertThat(idle.medianRssMib()).isEqualTo(-1);
        assertThat(idle.share(0)).isZero();
        assertThat(ReplicaUse.of(1, 0, 10, -1, 180, 1024).cpuMillisPerRequest()).isNaN();
    }

    @Test
    void allInstancesCpuIsSummedOnlyWhenEveryReadingIsKnown() {
        assertThat(Benchmark.sum(java.util.List.of(100L, 250L))).isEqualTo(350);
        assertThat(Benchmark.sum(java.util.List.of(100L, -1L))).isEqualTo(-1);
        assertThat(Benchmark.answered(null)).containsExactly(0L);
    }
}
