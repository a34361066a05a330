package io.mixnetspark.train.input;

import io.mixnetspark.data.decode.DecodeResult;
import io.mixnetspark.data.decode.ImageDecoder;
import io.mixnetspark.data.transform.EvalTransform;
import io.mixnetspark.data.transform.TrainTransform;

/**
 * {@code ImagePreparer} turns one encoded training or validation image into the network's CHW
 * float input: decode, then the train transform (randomised by the given seed) or the eval
 * transform. Thread-safe; an image that does not decode fails with the decoder's reason.
 */
@FunctionalInterface
public interface ImagePreparer {

    /** Shared decoder (thread-safe). */
    ImageDecoder DECODER = new ImageDecoder();

    /**
     * Prepares one image.
     *
     * @param encoded the image file's bytes
     * @param seed the image's random seed (ignored by the eval transform)
     * @return {@code 3 * size * size} floats
     * @throws IllegalArgumentException when the image cannot be decoded
     */
    float[] prepare(byte[] encoded, long seed);

    /**
     * Prepares with the train transform, seeded per image.
     *
     * @param transform the train transform
     * @return the preparer
     */
    static ImagePreparer training(TrainTransform transform) {
        return (encoded, seed) -> transform.apply(decode(encoded), seed);
    }

    /**
     * Prepares with the eval transform (the seed is ignored).
     *
     * @param transform the eval transform
     * @return the preparer
     */
    static ImagePreparer evaluation(EvalTransform transform) {
        return (encoded, seed) -> transform.apply(decode(encoded));
    }

    private static io.mixnetspark.data.decode.RgbImage decode(byte[] encoded) {
        DecodeResult result = DECODER.decode(encoded);
        if (!result.isOk()) {
            throw new IllegalArgumentException("a training image cannot be decoded: " + result.error());
        }
        return result.image();
    }
}
