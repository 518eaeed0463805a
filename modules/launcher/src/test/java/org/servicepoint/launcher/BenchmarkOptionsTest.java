package org.servicepoint.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void defaultsStayOffTheRunCommandsPorts() {
        BenchmarkOptions o = BenchmarkOptions.parse(new String[0], Map.of(), "20260101-120000");
        assertThat(o.tenants()).isEqualTo(100);
        assertThat(o.concurrency()).containsExactly(1, 4, 16, 32);
        assertThat(o.seconds()).isEqualTo(20);
        assertThat(o.operation()).isEqualTo(BenchmarkOptions.Operation.CREATE);
        assertThat(List.of(o.httpPort(), o.databasePort(), o.keycloakPort())).doesNotContain(8080, 5433, 8180);
        assertThat(o.out()).isEqualTo(Path.of("target", "benchmark-20260101-120000.md").toAbsolutePath());
        assertThat(o.loadFraction()).isEqualTo(0.7);
        assertThat(o.maxConcurrency()).isEqualTo(32);
        assertThat(o.replicas()).isEqualTo(1);
        assertThat(o.instancePorts()).containsExactly(o.httpPort());
    }

    @Test
    void severalReplicasListenOnTheHttpPortAndThePortsAboveIt() {
        BenchmarkOptions o = BenchmarkOptions.parse(new String[] {"--replicas", "3", "--http-port", "9100"}, Map.of(), "x");
        assertThat(o.replicas()).isEqualTo(3);
        assertThat(o.instancePorts()).containsExactly(9100, 9101, 9102);
    }

    @Test
    void refusesReplicasOutsideOneToFourWithAMessageThatSaysSo() {
        for (String replicas : List.of("0", "5", "-1")) {
            assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--replicas", replicas}, Map.of(), "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--replicas must be 1 to 4");
        }
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--replicas", "two"}, Map.of(), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--replicas must be a whole number, not two");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--replicas"}, Map.of(), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--replicas needs a value");
    }

    @Test
    void flagsWinOverTheEnvironment() {
        BenchmarkOptions o = BenchmarkOptions.parse(new String[] {"--tenants", "5", "--concurrency", "2, 8", "--seconds", "5",
                "--operation", "create-and-sign", "--http-port", "9001", "--diagnose", "--out", "/tmp/b.md"},
                Map.of("SERVICEPOINT_BENCH_HTTP_PORT", "9000", "SERVICEPOINT_BENCH_DB_PORT", "6000"), "x");
        assertThat(o.tenants()).isEqualTo(5);
        assertThat(o.concurrency()).containsExactly(2, 8);
        assertThat(o.operation()).isEqualTo(BenchmarkOptions.Operation.CREATE_AND_SIGN);
        assertThat(o.httpPort()).isEqualTo(9001);
        assertThat(o.databasePort()).isEqualTo(6000);
        assertThat(o.diagnose()).isTrue();
        assertThat(o.out()).isEqualTo(Path.of("/tmp/b.md"));
    }

    @Test
    void refusesWhatCannotRun() {
        for (String[] args : List.of(new String[] {"--tenants", "0"}, new String[] {"--seconds", "600"},
                new String[] {"--concurrency", "4,x"}, new String[] {"--operation", "sign"}, new String[] {"--tenants"},
                new String[] {"--frobnicate", "1"}, new String[] {"--load-fraction", "1.5"})) {
            assertThatThrownBy(() -> BenchmarkOptions.parse(args, Map.of(), "x")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
