package org.servicepoint.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgBenchTest {

    /** pgbench 15 against a PostgreSQL 17 server, as on the development machines. */
    static final String PGBENCH_15 = """
            pgbench (15.18 (Debian 15.18-0+deb12u1), server 17.11)
            transaction type: /tmp/servicepoint-bench-1/bench-insert.sql
            scaling factor: 1
            query mode: simple
            number of clients: 16
            number of threads: 16
            maximum number of tries: 1
            duration: 20 s
            number of transactions actually processed: 112345
            number of failed transactions: 0 (0.000%)
            latency average = 2.848 ms
            initial connection time = 35.120 ms
            tps = 5617.250337 (without initial connection time)
            """;

    /** pgbench 13 and older printed two tps lines. */
    static final String PGBENCH_13 = """
            transaction type: bench.sql
            number of clients: 4
            number of transactions actually processed: 40000
            latency average = 1.996 ms
            tps = 2003.817263 (including connections establishing)
            tps = 2004.901221 (excluding connections establishing)
            """;

    @Test
    void readsTheSummaryOfPgbench15() {
        PgBench.Result r = PgBench.parse(PGBENCH_15);
        assertThat(r.tps()).isEqualTo(5617.250337);
        assertThat(r.transactions()).isEqualTo(112345);
        assertThat(r.failed()).isZero();
        assertThat(r.latencyMs()).isEqualTo(2.848);
    }

    @Test
    void prefersTheTpsWithoutConnectionTimeOfOlderVersions() {
        PgBench.Result r = PgBench.parse(PGBENCH_13);
        assertThat(r.tps()).isEqualTo(2004.901221);
        assertThat(r.transactions()).isEqualTo(40000);
        assertThat(r.failed()).isEqualTo(-1);
    }

    @Test
    void fallsBackToAnyTpsLine() {
        assertThat(PgBench.parse("tps = 12.5\n").tps()).isEqualTo(12.5);
    }

    @Test
    void noTpsIsAnErrorThatShowsTheOutput() {
        assertThatThrownBy(() -> PgBench.parse("pgbench: error: connection to server failed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connection to server failed");
    }

    @Test
    void theScriptIsOneSingleRowInsertForARandomTenant(@TempDir Path dir) throws Exception {
        Path file = PgBench.writeScript(dir, 100);
        String script = Files.readString(file);
        assertThat(script).startsWith("\\set t random(1, 100)\n");
        assertThat(script.lines().filter(l -> l.startsWith("INSERT"))).hasSize(1);
        assertThat(script).contains("INSERT INTO bench_insert (tenant_id, payload) VALUES ('bench-' || :t, ");
        assertThat(PgBench.TABLE_DDL).contains("bench_insert").contains("bigserial primary key");
    }
}
