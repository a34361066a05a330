package io.mixnetspark.data.decode;

import io.mixnetspark.concurrent.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * {@code ParallelDecoder} decodes a batch on a fixed number of threads, optionally preprocessing
 * each image on the same thread (decode and resize are both CPU work, and the pixels stay in that
 * core's cache). Results keep the input order. Close it to stop its threads.
 */
public final class ParallelDecoder implements AutoCloseable {

    private final ImageDecoder decoder;
    private final ExecutorService pool;

    /**
     * Starts the threads.
     *
     * @param decoder the decoder every thread uses
     * @param threads how many threads, at least 1
     */
    public ParallelDecoder(ImageDecoder decoder, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.decoder = decoder;
        this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("mixnet-decode"));
    }

    /**
     * Decodes every input.
     *
     * @param inputs encoded images
     * @return one result per input, in order
     */
    public List<DecodeResult> decodeAll(List<byte[]> inputs) {
        return decodeAll(inputs, Function.identity());
    }

    /**
     * Decodes every input and applies {@code then} to each result on the decoding thread.
     *
     * @param inputs encoded images
     * @param then what to do with each result (for example eval preprocessing); it must be
     *     thread-safe
     * @param <T> what {@code then} gives
     * @return one value per input, in order
     * @throws IllegalStateException when {@code then} throws, or the caller is interrupted
     */
    public <T> List<T> decodeAll(List<byte[]> inputs, Function<? super DecodeResult, ? extends T> then) {
        return decodeAll(inputs, null, then);
    }

    /**
     * Decodes the part of every input that {@code then} reads ({@link ImageDecoder#decode(byte[],
     * ReadWindow)}) and applies {@code then} to each result on the decoding thread.
     *
     * @param inputs encoded images
     * @param window the part of each decoded image {@code then} reads, or null for all of it
     * @param then what to do with each result; it must be thread-safe
     * @param <T> what {@code then} gives
     * @return one value per input, in order
     * @throws IllegalStateException when {@code then} throws, or the caller is interrupted
     */
    public <T> List<T> decodeAll(List<byte[]> inputs, ReadWindow window,
            Function<? super DecodeResult, ? extends T> then) {
        List<Future<T>> futures = new ArrayList<>(inputs.size());
        for (byte[] input : inputs) {
            futures.add(pool.submit(() -> then.apply(decoder.decode(input, window))));
        }
        List<T> out = new ArrayList<>(inputs.size());
        try {
            for (Future<T> f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("processing a decoded image failed", e.getCause());
        }
        return out;
    }

    /** Stops the threads (work already submitted finishes). */
    @Override
    public void close() {
        pool.shutdown();
    }
}
