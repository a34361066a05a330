package io.mixnetspark.data.bench;

import io.mixnetspark.data.decode.DecodeResult;
import io.mixnetspark.data.decode.ImageDecoder;
import io.mixnetspark.data.decode.ParallelDecoder;
import io.mixnetspark.data.decode.ReadWindow;
import io.mixnetspark.data.transform.EvalTransform;
import java.util.List;

/**
 * {@code JavaPipeline} times this project's decode + eval preprocessing (bytes to a normalised
 * CHW tensor) over images already in memory, on one thread or on a {@link ParallelDecoder}.
 */
final class JavaPipeline {

    private final ImageDecoder decoder;
    private final EvalTransform eval = EvalTransform.mixnet();
    private final ReadWindow window = eval.readWindow();
    private float checksum;

    JavaPipeline(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * One pass on the calling thread.
     *
     * @param images encoded images
     * @return images per second
     */
    double singleThread(List<byte[]> images) {
        long start = System.nanoTime();
        for (byte[] image : images) {
            checksum += tensor(decoder.decode(image, window))[0];
        }
        return images.size() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * One pass spread over the decoder's threads.
     *
     * @param images encoded images
     * @param parallel the thread pool, started before timing
     * @return images per second (all threads together)
     */
    double parallel(List<byte[]> images, ParallelDecoder parallel) {
        long start = System.nanoTime();
        for (float[] t : parallel.decodeAll(images, window, this::tensor)) {
            checksum += t[0];
        }
        return images.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** A sum of outputs, so the work cannot be optimised away. */
    float checksum() {
        return checksum;
    }

    private float[] tensor(DecodeResult r) {
        if (!r.isOk()) {
            throw new IllegalStateException("benchmark image failed to decode: " + r.error());
        }
        return eval.apply(r.image());
    }
}
