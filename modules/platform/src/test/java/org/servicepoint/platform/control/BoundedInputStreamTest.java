package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedInputStreamTest {

    /** A body that never ends, as a chunked upload can be: only the limit stops it. */
    static InputStream endless() {
        return new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };
    }

    @Test
    void a_body_of_exactly_the_limit_is_read_whole() throws IOException {
        byte[] body = "0123456789".getBytes(StandardCharsets.US_ASCII);
        try (BoundedInputStream in = new BoundedInputStream(new ByteArrayInputStream(body), 10)) {
            assertThat(in.readAllBytes()).isEqualTo(body);
            assertThat(in.count()).isEqualTo(10);
        }
    }

    @Test
    void one_byte_more_than_the_limit_is_refused_by_bulk_and_by_single_reads() {
        byte[] body = "01234567890".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> new BoundedInputStream(new ByteArrayInputStream(body), 10).readAllBytes())
                .isInstanceOf(BoundedInputStream.TooLarge.class).hasMessageContaining("10 bytes");
        assertThatThrownBy(() -> {
            BoundedInputStream in = new BoundedInputStream(new ByteArrayInputStream(body), 10);
            while (in.read() >= 0) {
                // read on until the limit stops it
            }
        }).isInstanceOf(BoundedInputStream.TooLarge.class);
    }

    @Test
    void an_endless_body_stops_at_the_limit_without_being_held_in_memory() throws IOException {
        BoundedInputStream in = new BoundedInputStream(endless(), 64 * 1024);
        byte[] buffer = new byte[8192];
        long read = 0;
        try {
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
                read += n;
            }
            throw new AssertionError("an endless body was read to its end");
        } catch (BoundedInputStream.TooLarge expected) {
            assertThat(read).isEqualTo(64 * 1024);
            assertThat(expected.limit()).isEqualTo(64 * 1024);
        }
    }

    @Test
    void a_reader_on_top_fails_too_and_the_cause_can_be_found_however_it_was_wrapped() {
        Reader reader = new InputStreamReader(new BoundedInputStream(endless(), 100), StandardCharsets.UTF_8);
        IOException failure = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> {
            char[] chars = new char[64];
            while (reader.read(chars) >= 0) {
                // read on
            }
        });
        Exception wrapped = new RuntimeException("reader failed", new UncheckedIOException(failure));
        assertThat(BoundedInputStream.TooLarge.in(wrapped)).isNotNull();
        assertThat(BoundedInputStream.TooLarge.in(new RuntimeException("other", new IOException("closed")))).isNull();
        assertThat(BoundedInputStream.TooLarge.in(null)).isNull();
    }

    @Test
    void skipping_counts_like_reading() {
        BoundedInputStream in = new BoundedInputStream(endless(), 10);
        assertThatThrownBy(() -> in.skip(11)).isInstanceOf(BoundedInputStream.TooLarge.class);
    }

    @Test
    void an_empty_body_within_a_zero_limit_is_fine() throws IOException {
        assertThat(new BoundedInputStream(new ByteArrayInputStream(new byte[0]), 0).readAllBytes()).isEmpty();
        assertThatThrownBy(() -> new BoundedInputStream(new ByteArrayInputStream(new byte[1]), 0).readAllBytes())
                .isInstanceOf(BoundedInputStream.TooLarge.class);
    }
}
