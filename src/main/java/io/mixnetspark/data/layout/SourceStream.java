package io.mixnetspark.data.layout;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code SourceStream} passes a shard's bytes through and remembers whether reading them failed,
 * so that a reader can tell an I/O error of the file system (thrown on, the task is retried) from
 * a format error its parser raised over bytes that were read (damage, subject to the {@link
 * CorruptShardPolicy}).
 */
final class SourceStream extends FilterInputStream {

    private boolean failed;

    SourceStream(InputStream in) {
        super(in);
    }

    /**
     * Says whether a read from the underlying stream has failed.
     *
     * @return {@code true} after the first I/O error of the file itself
     */
    boolean failed() {
        return failed;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }
}
