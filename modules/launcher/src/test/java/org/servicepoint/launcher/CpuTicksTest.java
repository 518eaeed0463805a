package org.servicepoint.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CpuTicksTest {

    /** A PostgreSQL backend as /proc shows it: the name holds a space and a parenthesis. */
    static final String STAT = "4242 (postgres: x (y)) S 4200 4200 4200 0 -1 4194560 5000 0 0 0 "
            + "120 30 400 50 20 0 1 0 1234567 200000000 3000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    @Test
    void readsOwnAndReapedChildrensTicks() {
        assertThat(CpuTicks.parse(STAT, false)).isEqualTo(150);
        assertThat(CpuTicks.parse(STAT, true)).isEqualTo(600);
    }

    @Test
    void thisProcessHasATree() {
        assumeTrue(Files.exists(Path.of("/proc/self/stat")), "Linux only");
        assertThat(CpuTicks.tree(ProcessHandle.current().pid())).isGreaterThanOrEqualTo(0);
        assertThat(CpuTicks.tree(Long.MAX_VALUE)).isEqualTo(-1);
    }

    @Test
    void millisPerOperation() {
        // 150 ticks = 1.5 s for 300 operations = 5 ms each
        assertThat(CpuTicks.millisPer(1000, 1150, 300)).isEqualTo(5.0);
        assertThat(CpuTicks.millisPer(-1, 10, 3)).isNaN();
        assertThat(CpuTicks.millisPer(1, 10, 0)).isNaN();
    }
}
