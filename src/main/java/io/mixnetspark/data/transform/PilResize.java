package io.mixnetspark.data.transform;

import io.mixnetspark.data.decode.Region;
import io.mixnetspark.data.decode.RgbImage;

/**
 * {@code PilResize} is PIL's {@code Image.resize(size, Image.BICUBIC)} for RGB images, reproduced
 * operation for operation from Pillow's {@code libImaging/Resample.c} so the output bytes are the
 * same: a separable bicubic filter (a = -0.5) whose support grows with the downscale factor (the
 * antialiasing), coefficients normalised in double and converted to 22-bit fixed point, a
 * horizontal pass rounded and clipped to 8 bits, then a vertical pass over those 8-bit values.
 * Both passes run as sums of whole int arrays ({@code accumulate}), about 25 % faster than
 * Resample.c's loop order in Java and with the same bytes; the working arrays are the calling
 * thread's {@link ResizeBuffers}, reused from image to image.
 *
 * <p>A crop can be given ({@code crop} then resize, as torchvision's {@code resized_crop} does),
 * and an output window, so that only the pixels a later centre crop keeps are computed: every
 * output pixel depends only on its own row and column coefficients, so the window is exactly the
 * corresponding part of the full result.
 */
public final class PilResize {

    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double BICUBIC_SUPPORT = 2.0;
    private static final double A = -0.5;
    /** Input rows per horizontal-pass strip: the fastest of 16-256 and the whole crop, measured. */
    private static final int STRIP_ROWS = 128;

    private PilResize() {}

    /**
     * Resizes a whole image.
     *
     * @param src the image
     * @param width output width
     * @param height output height
     * @return the resized image
     */
    public static RgbImage resize(RgbImage src, int width, int height) {
        return resize(src, Region.of(src.width(), src.height()), width, height, Region.of(width, height));
    }

    /**
     * Crops, resizes the crop to {@code width x height}, and returns the {@code window} of that
     * result.
     *
     * @param src the image
     * @param crop the part of {@code src} to resize (the filter does not reach outside it)
     * @param width the resized crop's width
     * @param height the resized crop's height
     * @param window the part of the resized crop to compute and return
     * @return the window's pixels
     * @throws IllegalArgumentException when {@code crop} or {@code window} lie outside their images
     */
    public static RgbImage resize(RgbImage src, Region crop, int width, int height, Region window) {
        if (!crop.fitsIn(src.width(), src.height()) || !window.fitsIn(width, height)) {
            throw new IllegalArgumentException("crop " + crop + " of " + src + " or window " + window
                    + " of " + width + "x" + height + " out of bounds");
        }
        boolean horizontal = width != crop.width();
        boolean vertical = height != crop.height();
        Coefficients rows = vertical ? Coefficients.of(crop.height(), height, window.y(), window.height()) : null;
        int firstRow = vertical ? rows.firstInput() : window.y();
        int rowCount = vertical ? rows.inputSpan() : window.height();

        if (!horizontal && !vertical) {
            return new RgbImage(window.width(), window.height(), copyWindow(src, crop, window));
        }
        // horizontal pass over the input rows the vertical pass needs; out: window.width() columns
        ResizeBuffers buffers = ResizeBuffers.current();
        int[][] pass = horizontal ? horizontalPass(src, crop, firstRow, rowCount,
                Coefficients.of(crop.width(), width, window.x(), window.width()), buffers)
                : widenRows(src, crop, firstRow, rowCount, window, buffers);
        byte[] pixels = vertical ? verticalPass(pass, window.width(), rows, firstRow, buffers)
                : pack(pass, rowCount, window.width());
        return new RgbImage(window.width(), window.height(), pixels);
    }

    /**
     * The pixels of the crop that {@link #resize(RgbImage, Region, int, int, Region)} reads to
     * compute {@code window} of the crop resized to {@code width x height}: the filter's taps under
     * the window's first and last row and column (an axis that is not resized reads just the
     * window's span).
     *
     * @param crop the part of the source image that is resized
     * @param width the resized crop's width
     * @param height the resized crop's height
     * @param window the part of the resized crop to compute
     * @return a region of the source image, inside {@code crop}
     */
    public static Region sourceOf(Region crop, int width, int height, Region window) {
        int[] columns = width == crop.width() ? new int[] {window.x(), window.x() + window.width()}
                : Coefficients.span(crop.width(), width, window.x(), window.width());
        int[] rows = height == crop.height() ? new int[] {window.y(), window.y() + window.height()}
                : Coefficients.span(crop.height(), height, window.y(), window.height());
        return new Region(crop.x() + columns[0], crop.y() + rows[0], columns[1] - columns[0], rows[1] - rows[0]);
    }

    /**
     * The horizontal pass, strip by strip of {@link #STRIP_ROWS} input rows: each strip is
     * transposed to one int array per column ({@code [row][channel]} inside), so each output column
     * is a weighted sum of whole input columns, and the strip stays in the core's cache. Returns one
     * int array per row (at least {@code 3 * c.count()} long) of the rounded, clipped 8-bit results,
     * as Resample.c keeps them.
     */
    private static int[][] horizontalPass(RgbImage src, Region crop, int firstRow, int rowCount, Coefficients c,
            ResizeBuffers buffers) {
        int firstColumn = c.firstInput();
        int outW = c.count();
        int strip = Math.min(STRIP_ROWS, rowCount);
        int[][] out = buffers.lines(rowCount, 3 * outW);
        int[][] columns = buffers.columns(c.inputSpan(), 3 * strip);
        int[] acc = buffers.acc(3 * strip);
        for (int r0 = 0; r0 < rowCount; r0 += strip) {
            int rows = Math.min(strip, rowCount - r0);
            transpose(src, crop.x() + firstColumn, crop.y() + firstRow + r0, c.inputSpan(), rows, columns);
            for (int xx = 0; xx < outW; xx++) {
                accumulate(acc, 3 * rows, columns, c.bounds[2 * xx] - firstColumn, c.bounds[2 * xx + 1], c.kk,
                        xx * c.ksize);
                for (int r = 0, i = 0, o = 3 * xx; r < rows; r++, i += 3) {
                    int[] row = out[r0 + r];
                    row[o] = clip(acc[i]);
                    row[o + 1] = clip(acc[i + 1]);
                    row[o + 2] = clip(acc[i + 2]);
                }
            }
        }
        return out;
    }

    /** Copies {@code columns x rows} RGB pixels from {@code (x, y)} on into {@code out}, one array per column. */
    private static void transpose(RgbImage src, int x, int y, int columns, int rows, int[][] out) {
        byte[] in = src.pixels();
        int stride = 3 * src.width();
        // column by column: the strip's cache lines stay in L1 from one column to the next
        for (int cx = 0; cx < columns; cx++) {
            int[] column = out[cx];
            int p = y * stride + 3 * (x + cx);
            for (int o = 0; o < 3 * rows; o += 3, p += stride) {
                column[o] = in[p] & 0xFF;
                column[o + 1] = in[p + 1] & 0xFF;
                column[o + 2] = in[p + 2] & 0xFF;
            }
        }
    }

    private static byte[] verticalPass(int[][] rows, int width, Coefficients c, int firstRow, ResizeBuffers buffers) {
        int outH = c.count();
        int stride = 3 * width;
        byte[] out = new byte[outH * stride];
        int[] acc = buffers.acc(stride);
        for (int yy = 0; yy < outH; yy++) {
            accumulate(acc, stride, rows, c.bounds[2 * yy] - firstRow, c.bounds[2 * yy + 1], c.kk, yy * c.ksize);
            int o = yy * stride;
            for (int i = 0; i < stride; i++) {
                out[o + i] = (byte) clip(acc[i]);
            }
        }
        return out;
    }

    /**
     * {@code acc = 0.5 + sum over taps t of lines[first + t] * kk[k + t]} over the first {@code n}
     * elements, in fixed point, whole arrays tap by tap: {@code acc[i] += line[i] * w} over two int
     * arrays at the same index is the loop shape Java 17's JIT vectorises (byte-to-int loads, or an
     * offset into a second int array, keep it from that). Integer sums do not depend on their order,
     * so the bytes are Resample.c's.
     */
    private static void accumulate(int[] acc, int n, int[][] lines, int first, int taps, int[] kk, int k) {
        java.util.Arrays.fill(acc, 0, n, 1 << (PRECISION_BITS - 1));
        for (int t = 0; t < taps; t++) {
            int w = kk[k + t];
            int[] line = lines[first + t];
            for (int i = 0; i < n; i++) {
                acc[i] += line[i] * w;
            }
        }
    }

    /** The window's columns of {@code rowCount} input rows from {@code firstRow} on, as ints for the vertical pass. */
    private static int[][] widenRows(RgbImage src, Region crop, int firstRow, int rowCount, Region window,
            ResizeBuffers buffers) {
        byte[] in = src.pixels();
        int length = 3 * window.width();
        int[][] out = buffers.lines(rowCount, length);
        for (int r = 0; r < rowCount; r++) {
            int from = ((crop.y() + firstRow + r) * src.width() + crop.x() + window.x()) * 3;
            int[] row = out[r];
            for (int i = 0; i < length; i++) {
                row[i] = in[from + i] & 0xFF;
            }
        }
        return out;
    }

    /** No resize on either axis: the window of the crop, row by row. */
    private static byte[] copyWindow(RgbImage src, Region crop, Region window) {
        int length = 3 * window.width();
        byte[] out = new byte[window.height() * length];
        for (int r = 0; r < window.height(); r++) {
            int from = ((crop.y() + window.y() + r) * src.width() + crop.x() + window.x()) * 3;
            System.arraycopy(src.pixels(), from, out, r * length, length);
        }
        return out;
    }

    private static byte[] pack(int[][] rows, int count, int width) {
        int stride = 3 * width;
        byte[] out = new byte[count * stride];
        for (int r = 0; r < count; r++) {
            for (int i = 0; i < stride; i++) {
                out[r * stride + i] = (byte) rows[r][i];
            }
        }
        return out;
    }

    /** A fixed-point sum rounded down to 8 bits and clipped to 0..255 ({@code clip8} in Resample.c). */
    private static int clip(int value) {
        int v = value >> PRECISION_BITS;
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static double bicubic(double x) {
        if (x < 0.0) {
            x = -x;
        }
        if (x < 1.0) {
            return ((A + 2.0) * x - (A + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * A;
        }
        return 0.0;
    }

    /**
     * Fixed-point filter coefficients for output positions {@code first .. first + count - 1} of
     * one axis ({@code precompute_coeffs} and {@code normalize_coeffs_8bpc} in Resample.c).
     */
    private static final class Coefficients {
        final int ksize;
        /** Per output position: first input index, then number of taps. */
        final int[] bounds;
        final int[] kk;

        private Coefficients(int ksize, int[] bounds, int[] kk) {
            this.ksize = ksize;
            this.bounds = bounds;
            this.kk = kk;
        }

        static Coefficients of(int inSize, int outSize, int first, int count) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = BICUBIC_SUPPORT * filterScale;
            int ksize = (int) Math.ceil(support) * 2 + 1;
            int[] bounds = new int[2 * count];
            int[] kk = new int[ksize * count];
            double[] k = new double[ksize];
            double ss = 1.0 / filterScale;
            for (int i = 0; i < count; i++) {
                int xx = first + i;
                double center = (xx + 0.5) * scale;
                int xmin = firstTap(center, support);
                int xmax = endOfTaps(center, support, inSize) - xmin;
                double ww = 0.0;
                for (int x = 0; x < xmax; x++) {
                    double w = bicubic((x + xmin - center + 0.5) * ss);
                    k[x] = w;
                    ww += w;
                }
                for (int x = 0; x < xmax; x++) {
                    double w = ww != 0.0 ? k[x] / ww : k[x];
                    kk[i * ksize + x] = w < 0 ? (int) (-0.5 + w * (1 << PRECISION_BITS))
                            : (int) (0.5 + w * (1 << PRECISION_BITS));
                }
                bounds[2 * i] = xmin;
                bounds[2 * i + 1] = xmax;
            }
            return new Coefficients(ksize, bounds, kk);
        }

        /** The first input index output {@code xx} reads ({@code xmin} in Resample.c). */
        private static int firstTap(double center, double support) {
            return Math.max((int) (center - support + 0.5), 0);
        }

        /** One past the last input index an output reads. */
        private static int endOfTaps(double center, double support, int inSize) {
            return Math.min((int) (center + support + 0.5), inSize);
        }

        /**
         * The input indices outputs {@code first .. first + count - 1} read, as {@code {from, to}}
         * (to exclusive), without computing their coefficients: the taps move right with the output.
         */
        static int[] span(int inSize, int outSize, int first, int count) {
            double scale = (double) inSize / outSize;
            double support = BICUBIC_SUPPORT * Math.max(scale, 1.0);
            return new int[] {firstTap((first + 0.5) * scale, support),
                    endOfTaps((first + count - 1 + 0.5) * scale, support, inSize)};
        }

        int count() {
            return bounds.length / 2;
        }

        /** The first input index any of these outputs reads. */
        int firstInput() {
            int min = Integer.MAX_VALUE;
            for (int i = 0; i < bounds.length; i += 2) {
                min = Math.min(min, bounds[i]);
            }
            return min;
        }

        /** How many input indices, from {@link #firstInput()}, these outputs read. */
        int inputSpan() {
            int max = 0;
            for (int i = 0; i < bounds.length; i += 2) {
                max = Math.max(max, bounds[i] + bounds[i + 1]);
            }
            return max - firstInput();
        }
    }
}
