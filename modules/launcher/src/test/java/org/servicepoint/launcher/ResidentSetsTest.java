package org.servicepoint.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResidentSetsTest {

    /** The lines around VmRSS as /proc/PID/status shows them (tabs and padding as the kernel writes them). */
    static final String STATUS = "Name:\tjava\nState:\tS (sleeping)\nVmPeak:\t 4100000 kB\nVmHWM:\t  612000 kB\n"
            + "VmRSS:\t  573440 kB\nRssAnon:\t  500000 kB\nThreads:\t84\n";

    @Test
    void readsTheResidentSetInKibFromTheStatusFile() {
        assertThat(ResidentSets.parse(STATUS)).isEqualTo(573440);
    }

    @Test
    void aProcessWithoutAResidentSetLineReadsAsUnknown() {
        // A zombie's status has no VmRSS line.
        assertThat(ResidentSets.parse("Name:\tjava\nState:\tZ (zombie)\nThreads:\t1\n")).isEqualTo(-1);
        assertThat(ResidentSets.read(Long.MAX_VALUE)).isEqualTo(-1);
    }

    @Test
    void theMedianIsTheMiddleSampleOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(ResidentSets.median(List.of(900L, 100L, 500L))).isEqualTo(500);
        assertThat(ResidentSets.median(List.of(400L, 100L, 600L, 10_000L))).isEqualTo(500);
        assertThat(ResidentSets.median(List.of())).isEqualTo(-1);
    }

    @Test
    void samplingThisProcessForAMomentGivesItsResidentSetAndNothingForAProcessThatIsGone() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/status")), "Linux only");
        ResidentSets sets = ResidentSets.sample(List.of(ProcessHandle.current().pid(), Long.MAX_VALUE), Duration.ofMillis(50));
        Thread.sleep(300);
        List<Long> medians = sets.stop();
        assertThat(medians.get(0)).isGreaterThan(1024);
        assertThat(medians.get(1)).isEqualTo(-1);
    }
}
