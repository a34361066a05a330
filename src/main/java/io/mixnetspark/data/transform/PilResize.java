package io.mixnetspark.data.transform;

import io.mixnetspark.data.decode.RgbImage;

/**
 * {@code PilResize} is PIL's {@code Image.resize(size, Image.BICUBIC)} for RGB images, reproduced
 * operation for operation from Pillow's {@code libImaging/Resample.c} so the output bytes are the
 * same: a separable bicubic filter (a = -0.5) whose support grows with the downscale factor (the
 * antialiasing), coefficients normalised in double and converted to 22-bit fixed point, a
 * horizontal pass rounded and clipped to 8 bits, then a vertical pass over those 8-bit values.
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

        // horizontal pass over the input rows the vertical pass needs; out: window.width() columns
        byte[] pass;
        int passStride = 3 * window.width();
        if (horizontal) {
            Coefficients cols = Coefficients.of(crop.width(), width, window.x(), window.width());
            pass = horizontalPass(src, crop, firstRow, rowCount, cols);
        } else {
            pass = copyColumns(src, crop, firstRow, rowCount, window);
        }
        if (!vertical) {
            return new RgbImage(window.width(), window.height(), pass);
        }
        return new RgbImage(window.width(), window.height(), verticalPass(pass, passStride, rows, firstRow));
    }

    private static byte[] horizontalPass(RgbImage src, Region crop, int firstRow, int rowCount, Coefficients c) {
        byte[] in = src.pixels();
        int outW = c.count();
        byte[] out = new byte[3 * outW * rowCount];
        int stride = 3 * src.width();
        int ksize = c.ksize;
        int[] kk = c.kk;
        int[] bounds = c.bounds;
        int o = 0;
        for (int r = 0; r < rowCount; r++) {
            int rowBase = (crop.y() + firstRow + r) * stride + 3 * crop.x();
            for (int xx = 0; xx < outW; xx++) {
                int xmin = bounds[2 * xx];
                int xmax = bounds[2 * xx + 1];
                int k = xx * ksize;
                int ss0 = 1 << (PRECISION_BITS - 1);
                int ss1 = ss0;
                int ss2 = ss0;
                int p = rowBase + 3 * xmin;
                for (int x = 0; x < xmax; x++, p += 3) {
                    int w = kk[k + x];
                    ss0 += (in[p] & 0xFF) * w;
                    ss1 += (in[p + 1] & 0xFF) * w;
                    ss2 += (in[p + 2] & 0xFF) * w;
                }
                out[o++] = clip8(ss0);
                out[o++] = clip8(ss1);
                out[o++] = clip8(ss2);
            }
        }
        return out;
    }

    private static byte[] verticalPass(byte[] in, int stride, Coefficients c, int firstRow) {
        int outH = c.count();
        byte[] out = new byte[outH * stride];
        int[] acc = new int[stride];
        int ksize = c.ksize;
        for (int yy = 0; yy < outH; yy++) {
            int ymin = c.bounds[2 * yy] - firstRow;
            int ymax = c.bounds[2 * yy + 1];
            int k = yy * ksize;
            java.util.Arrays.fill(acc, 1 << (PRECISION_BITS - 1));
            // tap by tap over whole rows: the same sums as Resample.c, in an order the JIT vectorises
            for (int y = 0; y < ymax; y++) {
                int w = c.kk[k + y];
                int row = (ymin + y) * stride;
                for (int i = 0; i < stride; i++) {
                    acc[i] += (in[row + i] & 0xFF) * w;
                }
            }
            int o = yy * stride;
            for (int i = 0; i < stride; i++) {
                out[o + i] = clip8(acc[i]);
            }
        }
        return out;
    }

    private static byte[] copyColumns(RgbImage src, Region crop, int firstRow, int rowCount, Region window) {
        byte[] out = new byte[3 * window.width() * rowCount];
        for (int r = 0; r < rowCount; r++) {
            int from = ((crop.y() + firstRow + r) * src.width() + crop.x() + window.x()) * 3;
            System.arraycopy(src.pixels(), from, out, r * 3 * window.width(), 3 * window.width());
        }
        return out;
    }

    private static byte clip8(int value) {
        int v = value >> PRECISION_BITS;
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
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
                int xmin = Math.max((int) (center - support + 0.5), 0);
                int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
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
