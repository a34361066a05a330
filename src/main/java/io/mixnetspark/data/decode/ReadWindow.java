package io.mixnetspark.data.decode;

/**
 * {@code ReadWindow} names the part of a decoded image its consumer will read, once the decoded
 * size is known (after any DCT-domain reduction): eval preprocessing reads only the rows and
 * columns under its centre crop. {@link ImageDecoder#decode(byte[], ReadWindow)} may then leave
 * the other pixels undecoded.
 */
@FunctionalInterface
public interface ReadWindow {

    /**
     * The pixels that will be read.
     *
     * @param width the decoded image's width
     * @param height the decoded image's height
     * @return a region inside {@code width x height}
     */
    Region of(int width, int height);
}
