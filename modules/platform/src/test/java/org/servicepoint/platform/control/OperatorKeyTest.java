package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorKeyTest {

    @Test
    void a_key_matches_its_configured_digest_and_nothing_else() {
        OperatorKey key = new OperatorKey();
        key.configured = OperatorKey.sha256Hex("old-key") + ", " + OperatorKey.sha256Hex("new-key");
        assertThat(key.matches("old-key")).isTrue();
        assertThat(key.matches("new-key")).isTrue();
        assertThat(key.matches("other")).isFalse();
        assertThat(key.matches("")).isFalse();
        assertThat(key.matches(null)).isFalse();
    }

    @Test
    void with_nothing_configured_no_key_opens_anything() {
        OperatorKey key = new OperatorKey();
        key.configured = "none";
        assertThat(key.matches("none")).isFalse();
        assertThat(key.matches("")).isFalse();
    }
}
