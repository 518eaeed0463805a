package org.servicepoint.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyLimitsTest {

    @BodyLimit(2 * BodyLimit.MIB)
    static class Documents {
        public void upload() {
        }

        @BodyLimit(512)
        public void note() {
        }
    }

    static class Forms {
        public void create() {
        }
    }

    @Test
    void the_method_says_first_then_its_class_then_the_default() throws Exception {
        assertThat(BodyLimits.limitOf(Documents.class.getMethod("note"))).isEqualTo(512);
        assertThat(BodyLimits.limitOf(Documents.class.getMethod("upload"))).isEqualTo(2 * 1024 * 1024);
        assertThat(BodyLimits.limitOf(Forms.class.getMethod("create"))).isEqualTo(BodyLimits.DEFAULT_BYTES);
        assertThat(BodyLimits.limitOf(null)).isEqualTo(BodyLimits.DEFAULT_BYTES);
    }

    @Test
    void a_declared_length_over_the_limit_is_refused_before_reading() {
        assertThat(BodyLimits.exceeds("1025", 1024)).isTrue();
        assertThat(BodyLimits.exceeds("1024", 1024)).isFalse();
        assertThat(BodyLimits.exceeds("0", 1024)).isFalse();
        // Past Long.MAX_VALUE: no client means that, refused all the same.
        assertThat(BodyLimits.exceeds("9999999999999999999", 1024)).isTrue();
        // Not a number: the container's own parsing refuses it; the counting stream still bounds the body.
        assertThat(BodyLimits.exceeds("ten", 1024)).isFalse();
    }
}
