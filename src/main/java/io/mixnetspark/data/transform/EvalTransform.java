package io.mixnetspark.data.transform;

import io.mixnetspark.data.decode.ReadWindow;
import io.mixnetspark.data.decode.Region;
import io.mixnetspark.data.decode.RgbImage;

/**
 * {@code EvalTransform} is timm's eval preprocessing for MixNet ({@code transforms_imagenet_eval},
 * crop mode "center"; spec section 5.1): resize the shorter side to {@code floor(imageSize /
 * cropPct)} with PIL bicubic (torchvision's size rule: the longer side becomes {@code int(short *
 * long / shortOld)}), centre-crop {@code imageSize} (offsets {@code round((H - crop) / 2)},
 * Python's half-to-even rounding), then normalise to CHW float.
 *
 * <p>Only the pixels the crop keeps are resampled; the result is the same as resizing everything
 * and cropping. Immutable and thread-safe.
 */
public final class EvalTransform {

    private final int resizeShortSide;
    private final int cropSize;
    private final Normalization normalization;

    /**
     * Creates the transform.
     *
     * @param resizeShortSide the shorter side after resizing
     * @param cropSize the side of the square centre crop, at most {@code resizeShortSide}
     * @param normalization mean and std
     */
    public EvalTransform(int resizeShortSide, int cropSize, Normalization normalization) {
        if (cropSize < 1 || cropSize > resizeShortSide) {
            throw new IllegalArgumentException("crop " + cropSize + " must be within 1.." + resizeShortSide);
        }
        this.resizeShortSide = resizeShortSide;
        this.cropSize = cropSize;
        this.normalization = normalization;
    }

    /**
     * timm's rule: resize to {@code floor(imageSize / cropPct)}, crop {@code imageSize}, ImageNet
     * mean and std.
     *
     * @param imageSize network input size
     * @param cropPct the pretrained config's crop_pct
     * @return the transform
     */
    public static EvalTransform timm(int imageSize, double cropPct) {
        return new EvalTransform((int) Math.floor(imageSize / cropPct), imageSize, Normalization.IMAGENET);
    }

    /**
     * MixNet's eval preprocessing: 224 crop, crop_pct 0.875, so a 256 short side.
     *
     * @return the transform
     */
    public static EvalTransform mixnet() {
        return timm(224, 0.875);
    }

    /**
     * Returns the shorter side after resizing.
     *
     * @return pixels
     */
    public int resizeShortSide() {
        return resizeShortSide;
    }

    /**
     * Returns the crop side (the network's input size).
     *
     * @return pixels
     */
    public int cropSize() {
        return cropSize;
    }

    /**
     * Resizes and centre-crops, giving the 8-bit image PIL would give.
     *
     * @param image the decoded image
     * @return the {@code cropSize x cropSize} crop
     */
    public RgbImage resizeAndCrop(RgbImage image) {
        Plan plan = plan(image.width(), image.height());
        Region whole = Region.of(image.width(), image.height());
        return PilResize.resize(image, whole, plan.width(), plan.height(), plan.crop());
    }

    /**
     * The part of a decoded image {@link #apply} reads: the resize filter's taps under the centre
     * crop. Pass it to {@link io.mixnetspark.data.decode.ImageDecoder#decode(byte[], ReadWindow)}
     * so that only that part is decoded.
     *
     * @return the window for an image of a given size
     */
    public ReadWindow readWindow() {
        return (width, height) -> {
            Plan plan = plan(width, height);
            return PilResize.sourceOf(Region.of(width, height), plan.width(), plan.height(), plan.crop());
        };
    }

    /** The resized size (torchvision's rule) and the centre crop in it, for an image of {@code w x h}. */
    private Plan plan(int w, int h) {
        int newW;
        int newH;
        if (w <= h) {
            newW = resizeShortSide;
            newH = (int) ((double) ((long) resizeShortSide * h) / w);
        } else {
            newH = resizeShortSide;
            newW = (int) ((double) ((long) resizeShortSide * w) / h);
        }
        int top = (int) Math.rint((newH - cropSize) / 2.0);
        int left = (int) Math.rint((newW - cropSize) / 2.0);
        return new Plan(newW, newH, new Region(left, top, cropSize, cropSize));
    }

    private record Plan(int width, int height, Region crop) {}

    /**
     * The network input for one image.
     *
     * @param image the decoded image
     * @return {@code 3 * cropSize * cropSize} floats, CHW, normalised
     */
    public float[] apply(RgbImage image) {
        return normalization.toChw(resizeAndCrop(image));
    }
}
