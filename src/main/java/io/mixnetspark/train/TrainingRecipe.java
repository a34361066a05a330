package io.mixnetspark.train;

import io.mixnetspark.model.arch.MixNetConfig;
import java.io.Serializable;

/**
 * {@code TrainingRecipe} holds the hyper-parameters of a training run: schedule, optimizer, loss,
 * randomness, EMA, input size and precision. Dropout and drop-path are part of the network and live
 * in {@link io.mixnetspark.model.arch.MixNetConfig} (MixNet-S: dropout 0.2, no drop-path, as
 * MindCV trains it).
 *
 * <p>Built with {@link #builder()} in DJL's {@code set}/{@code opt} style: epochs, batch size and
 * peak learning rate must be set; every optional value states its default, which is MindCV's
 * {@code mixnet_s} value unless said otherwise. {@link #mindcvMixnetS()} is the whole MindCV recipe
 * (spec section 3.1). The names follow MindCV's config keys ({@code lr}, {@code min_lr}, ...).
 *
 * <p>The learning rate is never scaled by batch size or worker count (MindCV does not scale it
 * either): {@code lr} is the peak for the global batch {@code batchSize * workers}, so MindCV's 0.2
 * assumes 8 workers of 128 images.
 *
 * @param epochs passes over the training data; the schedule spans them
 * @param batchSize images per step on each worker (the data layer's batch; a smaller last batch is
 *     allowed)
 * @param lr peak learning rate, reached at the end of warmup
 * @param minLr learning rate at the end of the cosine decay, and after it
 * @param warmupEpochs epochs of linear warmup
 * @param warmupFactor warmup starts at {@code warmupFactor * lr}
 * @param decayEpochs epochs of cosine decay after the warmup; the learning rate stays at {@code
 *     minLr} after them, and a run that ends earlier stops part-way down the cosine (MindCV's {@code
 *     decay_epochs})
 * @param momentum SGD momentum
 * @param nesterov whether to use Nesterov momentum (PyTorch's formulation)
 * @param weightDecay L2 weight decay added to the gradient ({@code grad + weightDecay * weight})
 * @param decayBatchNormAndBias whether weight decay also applies to BatchNorm scales/shifts and
 *     biases (1-D tensors)
 * @param labelSmoothing label smoothing of the cross-entropy loss
 * @param mixing Mixup and CutMix of the training batches ({@link BatchMix#OFF} for none)
 * @param seed seed for everything random in training (dropout, drop-path)
 * @param emaDecay decay of the exponential moving average of the weights; 0 turns EMA off
 * @param imageSize training image height and width in pixels
 * @param mixedPrecision request for float16 compute; see {@link Builder#optMixedPrecision}
 * @param cpuReplicas data-parallel replicas per CPU worker, 0 for one per PyTorch thread; see
 *     {@link Builder#optCpuReplicas}
 */
public record TrainingRecipe(
        int epochs,
        int batchSize,
        double lr,
        double minLr,
        int warmupEpochs,
        double warmupFactor,
        int decayEpochs,
        double momentum,
        boolean nesterov,
        double weightDecay,
        boolean decayBatchNormAndBias,
        double labelSmoothing,
        BatchMix mixing,
        long seed,
        double emaDecay,
        int imageSize,
        boolean mixedPrecision,
        int cpuReplicas)
        implements Serializable {

    /** Validates every value, naming the first bad one. */
    public TrainingRecipe {
        require(epochs >= 1, "epochs must be set to at least 1, got " + epochs);
        require(batchSize >= 1, "batchSize must be set to at least 1, got " + batchSize);
        require(lr > 0 && Double.isFinite(lr), "lr must be set to a positive number, got " + lr);
        require(minLr >= 0 && minLr <= lr, "minLr must be in [0, lr=" + lr + "], got " + minLr);
        require(
                warmupEpochs >= 0 && warmupEpochs <= epochs,
                "warmupEpochs must be in [0, epochs=" + epochs + "], got " + warmupEpochs);
        require(warmupFactor >= 0 && warmupFactor <= 1, "warmupFactor must be in [0, 1], got " + warmupFactor);
        require(decayEpochs >= 1, "decayEpochs must be at least 1, got " + decayEpochs);
        require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got " + momentum);
        require(!nesterov || momentum > 0, "nesterov needs a momentum above 0");
        require(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay must be >= 0, got " + weightDecay);
        require(
                labelSmoothing >= 0 && labelSmoothing < 1,
                "labelSmoothing must be in [0, 1), got " + labelSmoothing);
        require(mixing != null, "mixing must be set (BatchMix.OFF for none)");
        require(emaDecay >= 0 && emaDecay < 1, "emaDecay must be in [0, 1) (0 = off), got " + emaDecay);
        require(imageSize >= MixNetConfig.MIN_IMAGE_SIZE && imageSize <= MixNetConfig.MAX_IMAGE_SIZE,
                "imageSize must be from " + MixNetConfig.MIN_IMAGE_SIZE + " (5 stride-2 stages) to "
                        + MixNetConfig.MAX_IMAGE_SIZE + " (MixNetConfig.MAX_IMAGE_SIZE), got " + imageSize);
        require(cpuReplicas >= 0, "cpuReplicas must be 0 (one per core) or more, got " + cpuReplicas);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Returns MindCV's {@code configs/mixnet/mixnet_s_ascend.yaml} recipe (spec section 3.1): 600
     * epochs, 128 images per worker, lr 0.2 for the global batch of 1024 (8 workers), 15 warmup
     * epochs from 0, cosine decay to 1e-5, SGD momentum 0.9 without Nesterov, weight decay 2e-5 on
     * all parameters, label smoothing 0.1, Mixup 0.2 and CutMix 1.0 with a mixing chance of 0 (so no
     * batch is mixed), seed 42, EMA off, 224 px, mixed precision requested (MindCV trains with amp
     * O3).
     *
     * <p>Not covered here: RandAugment, random erasing and the other data augmentations, which
     * belong to the data layer, and MindCV's fixed loss scale of 256, which only matters in
     * float16.
     *
     * @return the recipe
     */
    public static TrainingRecipe mindcvMixnetS() {
        return builder()
                .setEpochs(600)
                .setBatchSize(128)
                .setLr(0.2)
                .optWarmupEpochs(15)
                .optMixing(new BatchMix(0.2, 1.0, 0))
                .optMixedPrecision(true)
                .build();
    }

    /**
     * Starts a builder with the documented defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this recipe's values, to derive a changed copy.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return builder()
                .setEpochs(epochs)
                .setBatchSize(batchSize)
                .setLr(lr)
                .optMinLr(minLr)
                .optWarmupEpochs(warmupEpochs)
                .optWarmupFactor(warmupFactor)
                .optDecayEpochs(decayEpochs)
                .optMomentum(momentum)
                .optNesterov(nesterov)
                .optWeightDecay(weightDecay)
                .optDecayBatchNormAndBias(decayBatchNormAndBias)
                .optLabelSmoothing(labelSmoothing)
                .optMixing(mixing)
                .optSeed(seed)
                .optEmaDecay(emaDecay)
                .optImageSize(imageSize)
                .optMixedPrecision(mixedPrecision)
                .optCpuReplicas(cpuReplicas);
    }

    /** Builder for {@link TrainingRecipe}. */
    public static final class Builder {
        private int epochs;
        private int batchSize;
        private double lr;
        private double minLr = 1e-5;
        private int warmupEpochs;
        private double warmupFactor;
        private int decayEpochs = -1;
        private double momentum = 0.9;
        private boolean nesterov;
        private double weightDecay = 2e-5;
        private boolean decayBatchNormAndBias = true;
        private double labelSmoothing = 0.1;
        private BatchMix mixing = BatchMix.OFF;
        private long seed = 42;
        private double emaDecay;
        private int imageSize = 224;
        private boolean mixedPrecision;
        private int cpuReplicas;

        private Builder() {}

        /**
         * Sets the number of epochs. Required.
         *
         * @param value epochs, at least 1
         * @return this builder
         */
        public Builder setEpochs(int value) {
            this.epochs = value;
            return this;
        }

        /**
         * Sets the images per step on each worker. Required.
         *
         * @param value batch size, at least 1
         * @return this builder
         */
        public Builder setBatchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /**
         * Sets the peak learning rate (for the global batch; not scaled). Required.
         *
         * @param value learning rate
         * @return this builder
         */
        public Builder setLr(double value) {
            this.lr = value;
            return this;
        }

        /**
         * Sets the final learning rate of the cosine decay. Default 1e-5.
         *
         * @param value minimum learning rate, at most {@code lr}
         * @return this builder
         */
        public Builder optMinLr(double value) {
            this.minLr = value;
            return this;
        }

        /**
         * Sets the warmup length. Default 0 (MindCV's {@code mixnet_s} uses 15; the default is 0
         * because a useful warmup depends on the number of epochs).
         *
         * @param value warmup epochs, at most {@code epochs}
         * @return this builder
         */
        public Builder optWarmupEpochs(int value) {
            this.warmupEpochs = value;
            return this;
        }

        /**
         * Sets where the warmup starts, as a fraction of {@code lr}. Default 0 (the first step uses
         * learning rate 0, as in MindCV).
         *
         * @param value start fraction in [0, 1]
         * @return this builder
         */
        public Builder optWarmupFactor(double value) {
            this.warmupFactor = value;
            return this;
        }

        /**
         * Sets the epochs of cosine decay after the warmup. Default -1: {@code epochs -
         * warmupEpochs}, so the decay ends with the last epoch (MindCV's MixNet recipes set {@code
         * decay_epochs} so).
         *
         * @param value decay epochs (at least 1), or -1 for the epochs left after the warmup
         * @return this builder
         */
        public Builder optDecayEpochs(int value) {
            this.decayEpochs = value;
            return this;
        }

        /**
         * Sets the SGD momentum. Default 0.9.
         *
         * @param value momentum in [0, 1)
         * @return this builder
         */
        public Builder optMomentum(double value) {
            this.momentum = value;
            return this;
        }

        /**
         * Sets Nesterov momentum: the step uses {@code grad + momentum * buffer} instead of the
         * buffer (PyTorch's and MindSpore's formulation). Default false.
         *
         * @param value whether to use Nesterov momentum
         * @return this builder
         */
        public Builder optNesterov(boolean value) {
            this.nesterov = value;
            return this;
        }

        /**
         * Sets the L2 weight decay. Default 2e-5.
         *
         * @param value weight decay, at least 0
         * @return this builder
         */
        public Builder optWeightDecay(double value) {
            this.weightDecay = value;
            return this;
        }

        /**
         * Sets whether weight decay also applies to BatchNorm scales/shifts and biases. Default
         * true: MindCV's current config decays every parameter ({@code weight_decay_filter}
         * "disable"; the 2023 yaml had {@code filter_bias_and_bn: True} until commit 062fe1a).
         * False follows timm and the TF reference: no decay on 1-D tensors and {@code .bias}.
         *
         * @param value whether BN and bias tensors decay
         * @return this builder
         */
        public Builder optDecayBatchNormAndBias(boolean value) {
            this.decayBatchNormAndBias = value;
            return this;
        }

        /**
         * Sets the label smoothing. Default 0.1.
         *
         * @param value smoothing in [0, 1)
         * @return this builder
         */
        public Builder optLabelSmoothing(double value) {
            this.labelSmoothing = value;
            return this;
        }

        /**
         * Sets the training seed. Default 42 (MindCV's default).
         *
         * @param value seed
         * @return this builder
         */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sets the EMA decay of the weights. Default 0, off (MindCV: {@code ema} False; its unused
         * decay is 0.9999).
         *
         * @param value decay in [0, 1); 0 turns EMA off
         * @return this builder
         */
        public Builder optEmaDecay(double value) {
            this.emaDecay = value;
            return this;
        }

        /**
         * Sets Mixup and CutMix of the training batches. Default {@link BatchMix#OFF}: MindCV's
         * MixNet-S and -M recipes set {@code cutmix_prob: 0}, so they never mix; MixNet-L mixes
         * every batch ({@code new BatchMix(0.2, 1.0, 1.0)}).
         *
         * @param value the mixing
         * @return this builder
         */
        public Builder optMixing(BatchMix value) {
            this.mixing = value;
            return this;
        }

        /**
         * Sets the training image size. Default 224.
         *
         * @param value height and width in pixels, at least 32
         * @return this builder
         */
        public Builder optImageSize(int value) {
            this.imageSize = value;
            return this;
        }

        /**
         * Requests mixed precision. Default false. On a GPU the forward and backward passes run in
         * float16 with float32 weights and a dynamic loss scale (as PyTorch's autocast with {@code
         * GradScaler}; see {@link EpochTrainer}). On the CPU the request is ignored and training
         * stays float32: a float16 training step measured about 27x slower there, and DJL 0.36
         * cannot hold bfloat16 tensors. MindCV's O3 (every parameter in float16, with a fixed loss
         * scale) is not reproduced: here the parameters, the BatchNorm statistics and the
         * classifier stay float32.
         *
         * @param value whether float16 compute is requested
         * @return this builder
         */
        public Builder optMixedPrecision(boolean value) {
            this.mixedPrecision = value;
            return this;
        }

        /**
         * Sets how many data-parallel replicas of the network a worker trains side by side on the
         * CPU. Default 0: one per PyTorch intra-op thread (one per core unless {@code
         * OMP_NUM_THREADS} says otherwise). Each replica runs on its own thread with one core and
         * takes an equal share of the batch; their gradients are summed into one update, so the
         * step is the whole batch's, except that BatchNorm normalises each share with its own
         * statistics, as on several GPUs without synchronised BatchNorm (MindCV's recipe: 8 cards).
         * Two one-core replicas trained 1.1-1.4x as fast as one replica on two cores here
         * (BENCHMARKS.md). 1 trains the whole batch on one replica with every core. GPU workers
         * always train one replica.
         *
         * @param value replicas per CPU worker, 0 for one per thread
         * @return this builder
         */
        public Builder optCpuReplicas(int value) {
            this.cpuReplicas = value;
            return this;
        }

        /**
         * Builds the validated recipe.
         *
         * @return the recipe
         * @throws IllegalArgumentException naming the first missing or invalid value
         */
        public TrainingRecipe build() {
            return new TrainingRecipe(
                    epochs,
                    batchSize,
                    lr,
                    minLr,
                    warmupEpochs,
                    warmupFactor,
                    decayEpochs == -1 ? Math.max(1, epochs - warmupEpochs) : decayEpochs,
                    momentum,
                    nesterov,
                    weightDecay,
                    decayBatchNormAndBias,
                    labelSmoothing,
                    mixing,
                    seed,
                    emaDecay,
                    imageSize,
                    mixedPrecision,
                    cpuReplicas);
        }
    }
}
