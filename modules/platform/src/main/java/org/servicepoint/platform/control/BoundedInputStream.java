package org.servicepoint.platform.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may not grow past a limit. It counts every byte handed on and fails with
 * {@link TooLarge} as soon as the count would pass the limit, so a reader never holds more than the limit
 * in memory, whatever the body claims about its length (a chunked body says nothing).
 */
public final class BoundedInputStream extends FilterInputStream {

    /** The body passed its limit; nothing of it should be used. */
    public static final class TooLarge extends IOException {
        private final long limit;

        public TooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }

        /** The TooLarge somewhere in a chain of causes (readers wrap what the stream throws), or null. */
        public static TooLarge in(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof TooLarge tooLarge) {
                    return tooLarge;
                }
            }
            return null;
        }
    }

    private final long limit;
    private long count;
    private long mark;

    public BoundedInputStream(InputStream in, long limit) {
        super(in);
        if (limit < 0) {
            throw new IllegalArgumentException("a limit is not negative");
        }
        this.limit = limit;
    }

    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        if (count >= limit) {
            // One byte past the limit proves the body is too large; an exact fit ends with -1 here.
            int next = in.read();
            if (next < 0) {
                return -1;
            }
            throw new TooLarge(limit);
        }
        int next = in.read();
        if (next >= 0) {
            count++;
        }
        return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (count >= limit) {
            return read();
        }
        int allowed = (int) Math.min(length, limit - count);
        int read = in.read(buffer, offset, allowed);
        if (read > 0) {
            count += read;
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && read() >= 0) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public synchronized void mark(int readLimit) {
        in.mark(readLimit);
        mark = count;
    }

    @Override
    public synchronized void reset() throws IOException {
        in.reset();
        count = mark;
    }
}
