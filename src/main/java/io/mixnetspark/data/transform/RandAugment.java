package io.mixnetspark.data.transform;

import io.mixnetspark.data.decode.RgbImage;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code RandAugment} (Cubuk et al. 2019) as timm's {@code rand_augment_transform} implements it
 * and MindCV's {@code randaug-m9-mstd0.5} configures it for MixNet (spec 3.1): {@code numOps} ops
 * drawn uniformly with replacement from the 15 below; each is applied with probability {@code
 * prob} at a magnitude drawn from N(magnitude, magnitudeStd) clipped to [0, magnitudeMax], mapped
 * to the op's argument as timm does (level / 10 of the op's range; rotate, shear and translate
 * negated with probability 1/2). Geometric ops fill with the ImageNet mean colour and use bicubic
 * sampling. {@code increasing} selects timm's "inc1" op set, whose severity grows with magnitude.
 *
 * @param numOps ops per image (timm "n", default 2)
 * @param magnitude mean magnitude (timm "m")
 * @param magnitudeStd magnitude noise (timm "mstd"; 0 for a fixed magnitude)
 * @param magnitudeMax upper clip of the magnitude (timm "mmax", default 10)
 * @param increasing timm "inc1"
 * @param prob chance each drawn op is applied (default 0.5)
 */
public record RandAugment(int numOps, double magnitude, double magnitudeStd, double magnitudeMax,
        boolean increasing, double prob) implements ImageAugment {

    /** timm's {@code img_mean} fill for 0.485/0.456/0.406: round(255 * mean). */
    private static final int[] FILL = {124, 116, 104};
    private static final double LEVEL_DENOM = 10.0;
    private static final Pattern PART = Pattern.compile("([a-z]+)([0-9.]+)");

    /** The ops, in timm's {@code _RAND_TRANSFORMS} order. */
    enum Op {
        AUTO_CONTRAST, EQUALIZE, INVERT, ROTATE, POSTERIZE, SOLARIZE, SOLARIZE_ADD, COLOR, CONTRAST,
        BRIGHTNESS, SHARPNESS, SHEAR_X, SHEAR_Y, TRANSLATE_X_REL, TRANSLATE_Y_REL
    }

    private static final List<Op> OPS = List.of(Op.values());

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException for negative counts or magnitudes or a probability outside [0, 1]
     */
    public RandAugment {
        if (numOps < 0 || magnitude < 0 || magnitudeStd < 0 || magnitudeMax <= 0 || prob < 0 || prob > 1) {
            throw new IllegalArgumentException("invalid RandAugment n=" + numOps + " m=" + magnitude + " mstd="
                    + magnitudeStd + " mmax=" + magnitudeMax + " p=" + prob);
        }
    }

    /**
     * Parses a timm/MindCV config string such as {@code rand-m9-mstd0.5} or {@code
     * randaug-m9-mstd0.5-inc1}: keys {@code m}, {@code n}, {@code mstd}, {@code mmax}, {@code inc},
     * {@code p}.
     *
     * @param config the string
     * @return the transform
     * @throws IllegalArgumentException for another prefix or an unknown key
     */
    public static RandAugment parse(String config) {
        String[] parts = config.toLowerCase(Locale.ROOT).split("-");
        if (!parts[0].equals("rand") && !parts[0].equals("randaug")) {
            throw new IllegalArgumentException("not a RandAugment config: " + config);
        }
        int n = 2;
        double m = 10;
        double mstd = 0;
        double mmax = 10;
        boolean inc = false;
        double p = 0.5;
        for (int i = 1; i < parts.length; i++) {
            Matcher kv = PART.matcher(parts[i]);
            if (!kv.matches()) {
                throw new IllegalArgumentException("bad RandAugment part '" + parts[i] + "' in " + config);
            }
            double v = Double.parseDouble(kv.group(2));
            switch (kv.group(1)) {
                case "m" -> m = v;
                case "n" -> n = (int) v;
                case "mstd" -> mstd = v;
                case "mmax" -> mmax = v;
                case "inc" -> inc = v != 0;
                case "p" -> p = v;
                default -> throw new IllegalArgumentException("unknown RandAugment key '" + kv.group(1) + "' in " + config);
            }
        }
        return new RandAugment(n, m, mstd, mmax, inc, p);
    }

    /**
     * Augments one image.
     *
     * @param image 8-bit RGB
     * @param rng the random source
     * @return the augmented image (possibly {@code image} itself)
     */
    @Override
    public RgbImage apply(RgbImage image, RandomGenerator rng) {
        Op[] chosen = new Op[numOps];
        for (int i = 0; i < numOps; i++) {
            chosen[i] = OPS.get(rng.nextInt(OPS.size()));
        }
        RgbImage out = image;
        for (Op op : chosen) {
            if (prob < 1.0 && rng.nextDouble() > prob) {
                continue;
            }
            double m = magnitudeStd > 0 ? rng.nextGaussian(magnitude, magnitudeStd) : magnitude;
            out = apply(op, out, Math.max(0.0, Math.min(m, magnitudeMax)) / LEVEL_DENOM, rng);
        }
        return out;
    }

    /** One op at level {@code magnitude / 10}, with timm's level-to-argument mapping. */
    RgbImage apply(Op op, RgbImage img, double level, RandomGenerator rng) {
        return switch (op) {
            case AUTO_CONTRAST -> AugmentOps.autoContrast(img);
            case EQUALIZE -> AugmentOps.equalize(img);
            case INVERT -> AugmentOps.invert(img);
            case ROTATE -> AugmentOps.rotate(img, negate(level * 30.0, rng), FILL);
            case POSTERIZE -> AugmentOps.posterize(img, increasing ? 4 - (int) (level * 4) : (int) (level * 4));
            case SOLARIZE -> AugmentOps.solarize(img, increasing ? 256 - (int) (level * 256) : (int) (level * 256));
            case SOLARIZE_ADD -> AugmentOps.solarizeAdd(img, (int) (level * 110));
            case COLOR -> AugmentOps.color(img, enhanceFactor(level, rng));
            case CONTRAST -> AugmentOps.contrast(img, enhanceFactor(level, rng));
            case BRIGHTNESS -> AugmentOps.brightness(img, enhanceFactor(level, rng));
            case SHARPNESS -> AugmentOps.sharpness(img, enhanceFactor(level, rng));
            case SHEAR_X -> AugmentOps.shearX(img, negate(level * 0.3, rng), FILL);
            case SHEAR_Y -> AugmentOps.shearY(img, negate(level * 0.3, rng), FILL);
            case TRANSLATE_X_REL -> AugmentOps.translateX(img, negate(level * 0.45, rng) * img.width(), FILL);
            case TRANSLATE_Y_REL -> AugmentOps.translateY(img, negate(level * 0.45, rng) * img.height(), FILL);
        };
    }

    /** timm: [0.1, 1.9]; increasing: 1 -+ 0.9 level, at least 0.1. */
    private double enhanceFactor(double level, RandomGenerator rng) {
        return increasing ? Math.max(0.1, 1.0 + negate(level * 0.9, rng)) : level * 1.8 + 0.1;
    }

    /** timm's {@code _randomly_negate}: negative when a uniform draw exceeds 0.5. */
    private static double negate(double v, RandomGenerator rng) {
        return rng.nextDouble() > 0.5 ? -v : v;
    }
}
