package io.mixnetspark.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code DaemonThreads} makes the worker threads of the project's pools: daemon threads (they never
 * keep a JVM alive) named {@code prefix-1}, {@code prefix-2}, ... so thread dumps say whose they are.
 */
public final class DaemonThreads {

    private DaemonThreads() {}

    /**
     * Returns a factory of numbered daemon threads.
     *
     * @param prefix the threads' name before the number, e.g. {@code mixnet-decode}
     * @return the factory
     */
    public static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
