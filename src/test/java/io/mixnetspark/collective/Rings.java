package io.mixnetspark.collective;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Test helpers: rings of ranks on threads over loopback. */
final class Rings {

    private Rings() {}

    /** Loopback settings with short, recognisably named timeouts. */
    static CollectiveSettings loopback(Duration exchangeTimeout, WireFormat wire) {
        return new CollectiveSettings("127.0.0.1", PortRange.EPHEMERAL,
                new NamedTimeout(Duration.ofSeconds(20), "test param collectiveConnectTimeout"),
                new NamedTimeout(exchangeTimeout, "test param collectiveTimeout"), wire);
    }

    /** Opens {@code n} listeners, exchanges their addresses and joins them all with one secret. */
    static List<RingCollective> form(int n, CollectiveSettings settings) {
        StageSecret secret = StageSecret.generate();
        List<RingListener> listeners = new ArrayList<>();
        List<PeerAddress> peers = new ArrayList<>();
        for (int rank = 0; rank < n; rank++) {
            try {
                listeners.add(RingListener.open(settings));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            peers.add(listeners.get(rank).address());
        }
        return onEveryRank(n, rank -> listeners.get(rank).join(rank, peers, secret));
    }

    /** Runs {@code body} for every rank on its own thread; returns the results, index = rank. */
    static <T> List<T> onEveryRank(int n, IntFunction<T> body) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int rank = 0; rank < n; rank++) {
                int r = rank;
                futures.add(pool.submit(() -> body.apply(r)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Closes every rank's collective. */
    static void close(List<RingCollective> ring) {
        ring.forEach(RingCollective::close);
    }
}
