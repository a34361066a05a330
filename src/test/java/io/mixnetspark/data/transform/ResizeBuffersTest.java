package io.mixnetspark.data.transform;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@link ResizeBuffers}: arrays are kept and grown per thread, never shared between threads, and
 * a request over the keeping limit gets arrays for that call only.
 */
class ResizeBuffersTest {

    @Test
    void arraysAreKeptAndGrowToCoverEveryRequest() {
        ResizeBuffers buffers = ResizeBuffers.current();
        int[][] first = buffers.lines(300, 672);
        assertSame(first, buffers.lines(200, 600), "a smaller request reuses the kept arrays");
        int[][] wider = buffers.lines(10, 1000);
        assertNotSame(first, wider);
        assertTrue(wider.length >= 300 && wider[0].length >= 1000, "grown to cover both requests");
        assertSame(wider, buffers.lines(300, 672));
        int[] acc = buffers.acc(384);
        assertSame(acc, buffers.acc(100));
        assertTrue(buffers.acc(5000).length >= 5000);
    }

    @Test
    void arraysOverTheLimitAreForOneCallOnly() {
        ResizeBuffers buffers = ResizeBuffers.current();
        int[][] kept = buffers.columns(400, 384);
        int length = (int) (ResizeBuffers.KEPT_INTS / 1000) + 1;
        int[][] huge = buffers.columns(1000, length);
        assertTrue(huge.length == 1000 && huge[0].length == length, "exactly the request");
        assertSame(kept, buffers.columns(400, 384), "the kept arrays are still the ones kept");
        assertNotSame(huge, buffers.columns(1000, length), "the large arrays were not kept");
    }

    @Test
    void eachThreadHasItsOwnBuffers() throws Exception {
        ResizeBuffers here = ResizeBuffers.current();
        ResizeBuffers there = CompletableFuture.supplyAsync(ResizeBuffers::current).get();
        assertNotSame(here, there);
        assertSame(here, ResizeBuffers.current());
    }
}
