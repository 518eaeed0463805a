package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.TestClock;

class OperatorKeyAttemptsTest {

    final TestClock clock = new TestClock("2026-01-05T10:00:00Z");
    final OperatorKeyAttempts attempts = new OperatorKeyAttempts(clock);

    void fail(String address, int times) {
        for (int i = 0; i < times; i++) {
            attempts.failed(address);
        }
    }

    @Test
    void a_few_wrong_keys_cost_nothing_then_each_further_one_doubles_the_wait() {
        fail("10.0.0.1", OperatorKeyAttempts.FREE_FAILURES);
        assertThat(attempts.waitFor("10.0.0.1")).isZero();
        fail("10.0.0.1", 1);
        assertThat(attempts.waitFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(attempts.waitFor("10.0.0.1")).isZero();
        fail("10.0.0.1", 1);
        assertThat(attempts.waitFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
        fail("10.0.0.1", 1);
        assertThat(attempts.waitFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void the_wait_is_per_address_and_a_right_key_clears_it() {
        fail("10.0.0.1", 8);
        assertThat(attempts.waitFor("10.0.0.1")).isPositive();
        assertThat(attempts.waitFor("10.0.0.2")).isZero();
        attempts.succeeded("10.0.0.1");
        assertThat(attempts.waitFor("10.0.0.1")).isZero();
    }

    @Test
    void the_wait_never_exceeds_fifteen_minutes_and_old_failures_are_forgotten() {
        fail("10.0.0.1", 200);
        assertThat(attempts.waitFor("10.0.0.1")).isEqualTo(Duration.ofMinutes(15));
        clock.advance(Duration.ofHours(2));
        attempts.failed("10.0.0.1");
        assertThat(attempts.waitFor("10.0.0.1")).isZero();
    }

    @Test
    void a_flood_of_addresses_is_bounded_in_memory() {
        for (int i = 0; i < OperatorKeyAttempts.MAX_ADDRESSES + 10; i++) {
            fail("addr-" + i, 6);
        }
        // The oldest were forgotten, the newest still wait.
        assertThat(attempts.waitFor("addr-0")).isZero();
        assertThat(attempts.waitFor("addr-" + (OperatorKeyAttempts.MAX_ADDRESSES + 9))).isPositive();
    }
}
