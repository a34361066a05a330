package io.mixnetspark.model.arch;

/**
 * {@code MixNetConfig} is everything that decides a MixNet network's shape and behaviour: the
 * variant, the number of classes, extra width and depth multipliers for custom sizes, dropout,
 * drop-path and the activation inside squeeze-excite.
 *
 * <p>Built with {@link #builder(MixNetVariant)} in DJL's {@code set}/{@code opt} style; every
 * optional value documents its default.
 *
 * @param variant the base architecture table
 * @param numClasses classifier outputs
 * @param widthMultiplier extra channel multiplier, applied on top of the variant's own
 * @param depthMultiplier repeat multiplier per stage (timm's {@code depth_trunc='round'})
 * @param dropRate classifier dropout in training
 * @param dropPathRate maximum drop-path rate, ramped linearly over the blocks
 * @param seActivation activation inside squeeze-excite
 */
public record MixNetConfig(
        MixNetVariant variant,
        int numClasses,
        double widthMultiplier,
        double depthMultiplier,
        float dropRate,
        float dropPathRate,
        SeActivation seActivation) implements java.io.Serializable {

    /** The smallest image side a MixNet takes: its five stride-2 stages bring 32 px to 1 px. */
    public static final int MIN_IMAGE_SIZE = 32;

    /**
     * The largest image side a MixNet is run at: over twice the largest eval size of published
     * ImageNet models (800 px), while one image's activations (84 times those at 224 px) still fit
     * a task's memory. Larger sizes made every row fail for want of memory.
     */
    public static final int MAX_IMAGE_SIZE = 2048;

    /**
     * The largest extra width multiplier: above timm's widest MixNet (XXL, 2.4 on M's table) with
     * margin; the weights grow with its square, so a saved model saying 200 would ask for tens of GB.
     */
    public static final double MAX_WIDTH_MULTIPLIER = 4.0;

    /** The largest depth multiplier: three times timm's deepest MixNet (XXL, 1.3). */
    public static final double MAX_DEPTH_MULTIPLIER = 4.0;

    /** Validates the values, naming the bad one. */
    public MixNetConfig {
        if (variant == null) {
            throw new IllegalArgumentException("variant must be set: one of " + MixNetVariant.names());
        }
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be at least 1, got " + numClasses);
        }
        if (!(widthMultiplier > 0 && widthMultiplier <= MAX_WIDTH_MULTIPLIER)) {
            throw new IllegalArgumentException("widthMultiplier must be in (0, " + MAX_WIDTH_MULTIPLIER
                    + "] (MixNetConfig.MAX_WIDTH_MULTIPLIER), got " + widthMultiplier);
        }
        if (!(depthMultiplier > 0 && depthMultiplier <= MAX_DEPTH_MULTIPLIER)) {
            throw new IllegalArgumentException("depthMultiplier must be in (0, " + MAX_DEPTH_MULTIPLIER
                    + "] (MixNetConfig.MAX_DEPTH_MULTIPLIER), got " + depthMultiplier);
        }
        if (dropRate < 0 || dropRate >= 1 || dropPathRate < 0 || dropPathRate >= 1) {
            throw new IllegalArgumentException(
                    "dropRate and dropPathRate must be in [0, 1), got " + dropRate + ", " + dropPathRate);
        }
        if (seActivation == null) {
            throw new IllegalArgumentException("seActivation must be set: swish or relu");
        }
    }

    /**
     * Starts a builder for a variant.
     *
     * @param variant the base table
     * @return a builder with the documented defaults
     */
    public static Builder builder(MixNetVariant variant) {
        return new Builder(variant);
    }

    /**
     * Returns the width multiplier in force: the variant's own times the extra one.
     *
     * @return the effective channel multiplier
     */
    public double effectiveWidth() {
        return variant.widthMultiplier() * widthMultiplier;
    }

    /**
     * The activation used inside squeeze-excite: the block's own (Swish, as timm and the TF
     * reference train it) or ReLU (as MindCV's weights were trained; spec 1.8).
     */
    public enum SeActivation {
        /** The block's activation (Swish in every MixNet SE block). timm/TF weights. */
        SWISH,
        /** ReLU, as MindCV's {@code SqueezeExcite} default. MindCV weights. */
        RELU;

        /**
         * Parses {@code swish} or {@code relu}.
         *
         * @param name the name, case-insensitive
         * @return the value
         */
        public static SeActivation parse(String name) {
            return Activation.parse(name) == Activation.RELU ? RELU : SWISH;
        }
    }

    /** Builder for {@link MixNetConfig}. */
    public static final class Builder {
        private final MixNetVariant variant;
        private int numClasses = 1000;
        private double widthMultiplier = 1.0;
        private double depthMultiplier = 1.0;
        private float dropRate;
        private float dropPathRate;
        private SeActivation seActivation = SeActivation.SWISH;

        private Builder(MixNetVariant variant) {
            this.variant = variant;
            this.dropRate = variant == null ? 0f : variant.defaultDropRate();
        }

        /**
         * Sets the number of classes. Default 1000.
         *
         * @param value classifier outputs
         * @return this builder
         */
        public Builder optNumClasses(int value) {
            this.numClasses = value;
            return this;
        }

        /**
         * Sets an extra width multiplier for custom sizes. Default 1.0.
         *
         * @param value channel multiplier
         * @return this builder
         */
        public Builder optWidthMultiplier(double value) {
            this.widthMultiplier = value;
            return this;
        }

        /**
         * Sets a depth multiplier for custom sizes. Default 1.0.
         *
         * @param value repeat multiplier
         * @return this builder
         */
        public Builder optDepthMultiplier(double value) {
            this.depthMultiplier = value;
            return this;
        }

        /**
         * Sets the classifier dropout. Default: the variant's (S 0.2, M/L 0.25).
         *
         * @param value dropout probability
         * @return this builder
         */
        public Builder optDropRate(float value) {
            this.dropRate = value;
            return this;
        }

        /**
         * Sets the drop-path rate of the last block (linear ramp from 0). Default 0.
         *
         * @param value drop-path probability
         * @return this builder
         */
        public Builder optDropPathRate(float value) {
            this.dropPathRate = value;
            return this;
        }

        /**
         * Sets the activation inside squeeze-excite. Default {@link SeActivation#SWISH}.
         *
         * @param value the SE activation
         * @return this builder
         */
        public Builder optSeActivation(SeActivation value) {
            this.seActivation = value;
            return this;
        }

        /**
         * Builds the validated config.
         *
         * @return the config
         */
        public MixNetConfig build() {
            return new MixNetConfig(
                    variant, numClasses, widthMultiplier, depthMultiplier, dropRate, dropPathRate, seActivation);
        }
    }
}
