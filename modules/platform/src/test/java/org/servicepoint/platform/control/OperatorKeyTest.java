package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorKeyTest {

    static final String OLD = "old-key-0123456789abcdefghijklmnopq";
    static final String NEW = "new-key-0123456789abcdefghijklmnopq";

    @Test
    void a_key_matches_its_configured_digest_and_nothing_else() {
        OperatorKey key = new OperatorKey();
        key.configured = OperatorKey.sha256Hex(OLD) + ", " + OperatorKey.sha256Hex(NEW);
        assertThat(key.matches(OLD)).isTrue();
        assertThat(key.matches(NEW)).isTrue();
        assertThat(key.matches(OLD + "x")).isFalse();
        assertThat(key.matches("")).isFalse();
        assertThat(key.matches(null)).isFalse();
    }

    @Test
    void a_key_shorter_than_32_characters_opens_nothing_even_when_its_digest_is_configured() {
        OperatorKey key = new OperatorKey();
        String short31 = "k".repeat(31);
        String long32 = "k".repeat(32);
        key.configured = OperatorKey.sha256Hex(short31) + "," + OperatorKey.sha256Hex(long32);
        assertThat(key.matches(short31)).isFalse();
        assertThat(key.matches(long32)).isTrue();
    }

    @Test
    void with_nothing_configured_no_key_opens_anything() {
        OperatorKey key = new OperatorKey();
        key.configured = "none";
        assertThat(key.matches("none")).isFalse();
        assertThat(key.matches("")).isFalse();
    }
}
