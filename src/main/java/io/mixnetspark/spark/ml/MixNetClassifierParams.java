package io.mixnetspark.spark.ml;

import io.mixnetspark.data.transform.RandAugment;
import io.mixnetspark.data.transform.TrainTransform;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.train.CheckpointRetention;
import io.mixnetspark.train.TrainingRecipe;
import io.mixnetspark.train.input.Augmentation;
import io.mixnetspark.train.input.CropAndFlip;
import java.util.Arrays;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;

/**
 * {@code MixNetClassifierParams} are the params of the training stage. Their defaults are MindCV's
 * {@code mixnet_s} recipe ({@link TrainingRecipe#mindcvMixnetS()}, spec section 3.1) where it has
 * one; each param's doc states what is allowed. Getters are defined here; setters live on {@link
 * MixNetClassifier}.
 */
public interface MixNetClassifierParams extends Params {

    /** @return column of encoded training images (binary). Default {@code image}. */
    Param<String> inputCol();

    /** @return column of 0-based class indices (integer). Default {@code label}. */
    Param<String> labelCol();

    /** @return optional column of class ids (e.g. wnids) naming the model's classes. Default {@code wnid}. */
    Param<String> classIdCol();

    /** @return network variant. Default {@code mixnet_s}. */
    Param<String> variant();

    /** @return classifier outputs; 0 = the largest label + 1. Default 0. */
    IntParam numClasses();

    /** @return passes over the training data. Default 600. */
    IntParam epochs();

    /** @return images per step on each worker. Default 128. */
    IntParam batchSize();

    /** @return peak learning rate for the global batch (not scaled). Default 0.2. */
    DoubleParam lr();

    /** @return learning rate at the end of the cosine decay. Default 1e-5. */
    DoubleParam minLr();

    /** @return epochs of linear warmup. Default 15. */
    IntParam warmupEpochs();

    /** @return warmup start as a fraction of lr. Default 0. */
    DoubleParam warmupFactor();

    /** @return epochs of cosine decay after the warmup; -1 = the rest of the run. Default -1. */
    IntParam decayEpochs();

    /** @return SGD momentum. Default 0.9. */
    DoubleParam momentum();

    /** @return Nesterov momentum. Default false. */
    BooleanParam nesterov();

    /** @return L2 weight decay. Default 2e-5. */
    DoubleParam weightDecay();

    /** @return whether BatchNorm and bias tensors decay too (MindCV: yes). Default true. */
    BooleanParam decayBatchNormAndBias();

    /** @return label smoothing. Default 0.1. */
    DoubleParam labelSmoothing();

    /** @return classifier dropout; -1 = the variant's (S 0.2, M/L 0.25). Default -1. */
    DoubleParam dropRate();

    /** @return maximum drop-path rate. Default 0. */
    DoubleParam dropPathRate();

    /** @return training augmentation: mixnet, light or none. Default {@code mixnet}. */
    Param<String> augmentation();

    /** @return RandomResizedCrop area range [min, max], 0 < min <= max <= 1. Default [0.08, 1]. */
    DoubleArrayParam cropScale();

    /** @return RandomResizedCrop aspect range [min, max], 0 < min <= max. Default [3/4, 4/3]. */
    DoubleArrayParam cropRatio();

    /** @return chance of a horizontal flip in training. Default 0.5. */
    DoubleParam flipProbability();

    /** @return random erasing chance of the {@code mixnet} augmentation. Default 0.25. */
    DoubleParam erasingProbability();

    /** @return RandAugment policy of the {@code mixnet} augmentation. Default {@code rand-m9-mstd0.5}. */
    Param<String> randAugment();

    /** @return colour jitter strength of the {@code light} augmentation, 0 = none. Default 0. */
    DoubleParam colorJitter();

    /** @return Mixup's Beta parameter, 0 = no Mixup. Default 0.2 (with mixProbability 0: off). */
    DoubleParam mixupAlpha();

    /** @return CutMix's Beta parameter, 0 = no CutMix. Default 1.0 (with mixProbability 0: off). */
    DoubleParam cutmixAlpha();

    /** @return chance that a batch is mixed when an alpha is above 0. Default 0 (MindCV's MixNet-S). */
    DoubleParam mixProbability();

    /** @return training and eval image size. Default 224. */
    IntParam imageSize();

    /** @return eval crop fraction (validation and the fitted model). Default 0.875. */
    DoubleParam cropPct();

    /** @return training seed. Default 42. */
    LongParam seed();

    /** @return EMA decay of the weights; 0 = off. Default 0. */
    DoubleParam emaDecay();

    /** @return mixed precision: float16 and a dynamic loss scale on GPUs, float32 on the CPU. Default true (MindCV O3). */
    BooleanParam mixedPrecision();

    /** @return pretrained weights URI (safetensors or MindCV ckpt); empty = from scratch. Default empty. */
    Param<String> pretrainedWeights();

    /** @return data-parallel workers (barrier tasks). Default 1. */
    IntParam numWorkers();

    /** @return checkpoint folder URI on any Hadoop file system; empty = no checkpoints. Default empty. */
    Param<String> checkpointDir();

    /** @return a fit's checkpoint folder to continue from; empty = start afresh. Default empty. */
    Param<String> resumeFrom();

    /** @return checkpoints kept per fit; 0 = all. Default 10 (MindCV's {@code keep_checkpoint_max}). */
    IntParam keepCheckpoints();

    /** @return which checkpoints are kept: latest_k or top_k (best val top-1). Default latest_k. */
    Param<String> checkpointPolicy();

    /** @return epochs between checkpoints (the last epoch always gets one). Default 1. */
    IntParam checkpointInterval();

    /** @return whether each epoch leaves out the last, smaller batch. Default false. */
    BooleanParam dropRemainder();

    /** @return auto, cpu or gpu. Default {@code auto}. */
    Param<String> device();

    /** @return image preparation threads per worker; 0 = the task's CPUs. Default 0. */
    IntParam decodeThreads();

    /** @return data-parallel replicas per CPU worker; 0 = one per PyTorch thread. Default 0. */
    IntParam cpuReplicas();

    /** @return the input column */
    default String getInputCol() {
        return getOrDefault(inputCol());
    }

    /** @return the label column */
    default String getLabelCol() {
        return getOrDefault(labelCol());
    }

    /** @return the class id column */
    default String getClassIdCol() {
        return getOrDefault(classIdCol());
    }

    /** @return the variant name */
    default String getVariant() {
        return getOrDefault(variant());
    }

    /** @return the class count (0 = infer) */
    default int getNumClasses() {
        return (Integer) getOrDefault(numClasses());
    }

    /** @return the epochs */
    default int getEpochs() {
        return (Integer) getOrDefault(epochs());
    }

    /** @return the batch size per worker */
    default int getBatchSize() {
        return (Integer) getOrDefault(batchSize());
    }

    /** @return the peak learning rate */
    default double getLr() {
        return (Double) getOrDefault(lr());
    }

    /** @return the final learning rate */
    default double getMinLr() {
        return (Double) getOrDefault(minLr());
    }

    /** @return the warmup epochs */
    default int getWarmupEpochs() {
        return (Integer) getOrDefault(warmupEpochs());
    }

    /** @return the warmup start fraction */
    default double getWarmupFactor() {
        return (Double) getOrDefault(warmupFactor());
    }

    /** @return the decay epochs, -1 for the rest of the run */
    default int getDecayEpochs() {
        return (Integer) getOrDefault(decayEpochs());
    }

    /** @return the momentum */
    default double getMomentum() {
        return (Double) getOrDefault(momentum());
    }

    /** @return whether Nesterov momentum is used */
    default boolean getNesterov() {
        return (Boolean) getOrDefault(nesterov());
    }

    /** @return the weight decay */
    default double getWeightDecay() {
        return (Double) getOrDefault(weightDecay());
    }

    /** @return whether BN and bias tensors decay */
    default boolean getDecayBatchNormAndBias() {
        return (Boolean) getOrDefault(decayBatchNormAndBias());
    }

    /** @return the label smoothing */
    default double getLabelSmoothing() {
        return (Double) getOrDefault(labelSmoothing());
    }

    /** @return the dropout (-1 = the variant's) */
    default double getDropRate() {
        return (Double) getOrDefault(dropRate());
    }

    /** @return the drop-path rate */
    default double getDropPathRate() {
        return (Double) getOrDefault(dropPathRate());
    }

    /** @return the augmentation name */
    default String getAugmentation() {
        return getOrDefault(augmentation());
    }

    /** @return the crop area range [min, max] */
    default double[] getCropScale() {
        return getOrDefault(cropScale());
    }

    /** @return the crop aspect range [min, max] */
    default double[] getCropRatio() {
        return getOrDefault(cropRatio());
    }

    /** @return the flip probability */
    default double getFlipProbability() {
        return (Double) getOrDefault(flipProbability());
    }

    /** @return the random erasing probability of the mixnet augmentation */
    default double getErasingProbability() {
        return (Double) getOrDefault(erasingProbability());
    }

    /** @return the RandAugment policy of the mixnet augmentation */
    default String getRandAugment() {
        return getOrDefault(randAugment());
    }

    /** @return the colour jitter strength of the light augmentation */
    default double getColorJitter() {
        return (Double) getOrDefault(colorJitter());
    }

    /** @return Mixup's Beta parameter */
    default double getMixupAlpha() {
        return (Double) getOrDefault(mixupAlpha());
    }

    /** @return CutMix's Beta parameter */
    default double getCutmixAlpha() {
        return (Double) getOrDefault(cutmixAlpha());
    }

    /** @return the chance that a batch is mixed */
    default double getMixProbability() {
        return (Double) getOrDefault(mixProbability());
    }

    /** @return the image size */
    default int getImageSize() {
        return (Integer) getOrDefault(imageSize());
    }

    /** @return the eval crop fraction */
    default double getCropPct() {
        return (Double) getOrDefault(cropPct());
    }

    /** @return the seed */
    default long getSeed() {
        return (Long) getOrDefault(seed());
    }

    /** @return the EMA decay */
    default double getEmaDecay() {
        return (Double) getOrDefault(emaDecay());
    }

    /** @return whether float16 is requested */
    default boolean getMixedPrecision() {
        return (Boolean) getOrDefault(mixedPrecision());
    }

    /** @return the pretrained weights URI, or empty */
    default String getPretrainedWeights() {
        return getOrDefault(pretrainedWeights());
    }

    /** @return the worker count */
    default int getNumWorkers() {
        return (Integer) getOrDefault(numWorkers());
    }

    /** @return the checkpoint folder, or empty */
    default String getCheckpointDir() {
        return getOrDefault(checkpointDir());
    }

    /** @return the checkpoint folder a fit continues from, or empty */
    default String getResumeFrom() {
        return getOrDefault(resumeFrom());
    }

    /** @return how many checkpoints a fit keeps (0 = all) */
    default int getKeepCheckpoints() {
        return (Integer) getOrDefault(keepCheckpoints());
    }

    /** @return which checkpoints a fit keeps */
    default String getCheckpointPolicy() {
        return getOrDefault(checkpointPolicy());
    }

    /** @return epochs between checkpoints */
    default int getCheckpointInterval() {
        return (Integer) getOrDefault(checkpointInterval());
    }

    /** @return whether the last, smaller batch of an epoch is left out */
    default boolean getDropRemainder() {
        return (Boolean) getOrDefault(dropRemainder());
    }

    /** @return the device setting */
    default String getDevice() {
        return getOrDefault(device());
    }

    /** @return the preparation threads per worker */
    default int getDecodeThreads() {
        return (Integer) getOrDefault(decodeThreads());
    }

    /** @return the replicas per CPU worker */
    default int getCpuReplicas() {
        return (Integer) getOrDefault(cpuReplicas());
    }

    /**
     * Creates the params for an owner and sets their defaults; called once from the stage's
     * constructor after its uid is known.
     *
     * @param owner the stage
     * @return the created params
     */
    static ParamSet create(Params owner) {
        return new ParamSet(owner);
    }

    private static boolean isRandAugmentPolicy(String policy) {
        try {
            RandAugment.parse(policy);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The params of one stage instance, created after its uid (Spark records the owner's uid). */
    final class ParamSet {
        final Param<String> inputCol;
        final Param<String> labelCol;
        final Param<String> classIdCol;
        final Param<String> variant;
        final IntParam numClasses;
        final IntParam epochs;
        final IntParam batchSize;
        final DoubleParam lr;
        final DoubleParam minLr;
        final IntParam warmupEpochs;
        final DoubleParam warmupFactor;
        final IntParam decayEpochs;
        final DoubleParam momentum;
        final BooleanParam nesterov;
        final DoubleParam weightDecay;
        final BooleanParam decayBatchNormAndBias;
        final DoubleParam labelSmoothing;
        final DoubleParam dropRate;
        final DoubleParam dropPathRate;
        final Param<String> augmentation;
        final DoubleArrayParam cropScale;
        final DoubleArrayParam cropRatio;
        final DoubleParam flipProbability;
        final DoubleParam erasingProbability;
        final Param<String> randAugment;
        final DoubleParam colorJitter;
        final DoubleParam mixupAlpha;
        final DoubleParam cutmixAlpha;
        final DoubleParam mixProbability;
        final IntParam imageSize;
        final DoubleParam cropPct;
        final LongParam seed;
        final DoubleParam emaDecay;
        final BooleanParam mixedPrecision;
        final Param<String> pretrainedWeights;
        final IntParam numWorkers;
        final Param<String> checkpointDir;
        final Param<String> resumeFrom;
        final IntParam keepCheckpoints;
        final Param<String> checkpointPolicy;
        final IntParam checkpointInterval;
        final BooleanParam dropRemainder;
        final Param<String> device;
        final IntParam decodeThreads;
        final IntParam cpuReplicas;

        private ParamSet(Params owner) {
            inputCol = new Param<>(owner, "inputCol", "column of encoded training images (binary)");
            labelCol = new Param<>(owner, "labelCol", "column of 0-based class indices (integer)");
            classIdCol = new Param<>(owner, "classIdCol",
                    "column of class ids (e.g. wnids) that name the classes, used when present");
            variant = new Param<>(owner, "variant", "network variant: one of " + MixNetVariant.names(),
                    ParamChecks.<String>of(v -> Arrays.stream(MixNetVariant.values())
                            .anyMatch(x -> x.modelName().equalsIgnoreCase(v))));
            numClasses = new IntParam(owner, "numClasses",
                    "classifier outputs (>= 1), or 0 to use the largest label + 1", ParamValidators.gtEq(0));
            epochs = new IntParam(owner, "epochs", "passes over the training data (>= 1)", ParamValidators.gtEq(1));
            batchSize = new IntParam(owner, "batchSize", "images per step on each worker (>= 1)",
                    ParamValidators.gtEq(1));
            lr = new DoubleParam(owner, "lr", "peak learning rate for the global batch (> 0)", ParamValidators.gt(0));
            minLr = new DoubleParam(owner, "minLr", "final learning rate of the cosine decay (>= 0, <= lr)",
                    ParamValidators.gtEq(0));
            warmupEpochs = new IntParam(owner, "warmupEpochs", "epochs of linear warmup (>= 0, <= epochs)",
                    ParamValidators.gtEq(0));
            warmupFactor = new DoubleParam(owner, "warmupFactor", "warmup start as a fraction of lr, in [0, 1]",
                    ParamValidators.inRange(0, 1));
            decayEpochs = new IntParam(owner, "decayEpochs",
                    "epochs of cosine decay after the warmup (>= 1), then minLr; -1 = until the last epoch",
                    ParamChecks.<Object>of(v -> (Integer) v == -1 || (Integer) v >= 1));
            momentum = new DoubleParam(owner, "momentum", "SGD momentum in [0, 1)",
                    ParamValidators.inRange(0, 1, true, false));
            nesterov = new BooleanParam(owner, "nesterov", "Nesterov momentum (needs momentum > 0)");
            weightDecay = new DoubleParam(owner, "weightDecay", "L2 weight decay (>= 0)", ParamValidators.gtEq(0));
            decayBatchNormAndBias = new BooleanParam(owner, "decayBatchNormAndBias",
                    "whether weight decay also applies to BatchNorm and bias tensors (MindCV: true; timm: false)");
            labelSmoothing = new DoubleParam(owner, "labelSmoothing", "label smoothing in [0, 1)",
                    ParamValidators.inRange(0, 1, true, false));
            dropRate = new DoubleParam(owner, "dropRate",
                    "classifier dropout in [0, 1), or -1 for the variant's (mixnet_s 0.2, mixnet_m/l 0.25)",
                    ParamChecks.<Object>of(v -> (Double) v == -1 || ((Double) v >= 0 && (Double) v < 1)));
            dropPathRate = new DoubleParam(owner, "dropPathRate", "maximum drop-path rate in [0, 1)",
                    ParamValidators.inRange(0, 1, true, false));
            augmentation = new Param<>(owner, "augmentation",
                    "training augmentation: one of " + String.join(", ", Augmentation.names()),
                    ParamValidators.inArray(Arrays.asList(Augmentation.names())));
            cropScale = new DoubleArrayParam(owner, "cropScale",
                    "RandomResizedCrop area range [min, max] with 0 < min <= max <= 1",
                    ParamChecks.<double[]>of(v -> v.length == 2 && v[0] > 0 && v[0] <= v[1] && v[1] <= 1));
            cropRatio = new DoubleArrayParam(owner, "cropRatio",
                    "RandomResizedCrop aspect ratio range [min, max] with 0 < min <= max",
                    ParamChecks.<double[]>of(v -> v.length == 2 && v[0] > 0 && v[0] <= v[1]));
            flipProbability = new DoubleParam(owner, "flipProbability",
                    "chance of a horizontal flip in training, in [0, 1]", ParamValidators.inRange(0, 1));
            erasingProbability = new DoubleParam(owner, "erasingProbability",
                    "random erasing chance of the mixnet augmentation, in [0, 1]", ParamValidators.inRange(0, 1));
            randAugment = new Param<>(owner, "randAugment",
                    "RandAugment policy of the mixnet augmentation, e.g. rand-m9-mstd0.5 or rand-m9-mstd0.5-inc1",
                    ParamChecks.<String>of(MixNetClassifierParams::isRandAugmentPolicy));
            colorJitter = new DoubleParam(owner, "colorJitter",
                    "colour jitter strength of the light augmentation (>= 0, 0 = none)", ParamValidators.gtEq(0));
            mixupAlpha = new DoubleParam(owner, "mixupAlpha", "Mixup Beta parameter (>= 0, 0 = no Mixup)",
                    ParamValidators.gtEq(0));
            cutmixAlpha = new DoubleParam(owner, "cutmixAlpha", "CutMix Beta parameter (>= 0, 0 = no CutMix)",
                    ParamValidators.gtEq(0));
            mixProbability = new DoubleParam(owner, "mixProbability",
                    "chance that a training batch is mixed (Mixup or CutMix), in [0, 1]", ParamValidators.inRange(0, 1));
            imageSize = ParamChecks.imageSize(owner, "training and eval image size");
            cropPct = new DoubleParam(owner, "cropPct", "eval crop fraction in (0, 1]",
                    ParamValidators.inRange(0, 1, false, true));
            seed = new LongParam(owner, "seed", "training seed");
            emaDecay = new DoubleParam(owner, "emaDecay", "EMA decay of the weights in [0, 1), 0 = off",
                    ParamValidators.inRange(0, 1, true, false));
            mixedPrecision = new BooleanParam(owner, "mixedPrecision",
                    "mixed precision on GPUs: float16 compute, float32 weights, dynamic loss scale; the CPU"
                            + " trains in float32");
            pretrainedWeights = new Param<>(owner, "pretrainedWeights",
                    "URI of starting weights (timm safetensors or MindCV ckpt) or a pretrained name (mixnet_s,"
                            + " mindcv/mixnet_s, hf://ORG/REPO[/FILE]), empty to train from scratch");
            numWorkers = new IntParam(owner, "numWorkers",
                    "data-parallel workers, one barrier task each (>= 1)", ParamValidators.gtEq(1));
            checkpointDir = new Param<>(owner, "checkpointDir",
                    "folder URI on any Hadoop file system for per-epoch checkpoints, empty for none");
            resumeFrom = new Param<>(owner, "resumeFrom",
                    "a fit's checkpoint folder (checkpointDir/<uid>-<run>) to continue from, empty to start afresh");
            keepCheckpoints = new IntParam(owner, "keepCheckpoints",
                    "checkpoints kept per fit (>= 0; 0 = all); the newest is always kept", ParamValidators.gtEq(0));
            checkpointPolicy = new Param<>(owner, "checkpointPolicy",
                    "which checkpoints are kept: latest_k (the newest) or top_k (the best validation top-1,"
                            + " needs validation data)",
                    ParamValidators.inArray(CheckpointRetention.Policy.names()));
            checkpointInterval = new IntParam(owner, "checkpointInterval",
                    "epochs between checkpoints (>= 1); the last epoch always gets one", ParamValidators.gtEq(1));
            dropRemainder = new BooleanParam(owner, "dropRemainder",
                    "whether each epoch leaves out the last batch when it is smaller than batchSize");
            device = new Param<>(owner, "device", "auto, cpu or gpu",
                    ParamValidators.inArray(Arrays.asList(MixNetModelParams.DEVICES)));
            decodeThreads = new IntParam(owner, "decodeThreads",
                    "image preparation threads per worker (>= 0; 0 = the task's CPUs)", ParamValidators.gtEq(0));
            cpuReplicas = new IntParam(owner, "cpuReplicas", "data-parallel replicas of the network per CPU worker,"
                    + " each on one core and an equal share of every batch (>= 0; 0 = one per PyTorch thread)",
                    ParamValidators.gtEq(0));
            TrainingRecipe mindcv = TrainingRecipe.mindcvMixnetS();
            owner.setDefault(inputCol, "image");
            owner.setDefault(labelCol, "label");
            owner.setDefault(classIdCol, "wnid");
            owner.setDefault(variant, "mixnet_s");
            owner.setDefault(numClasses, 0);
            owner.setDefault(epochs, mindcv.epochs());
            owner.setDefault(batchSize, mindcv.batchSize());
            owner.setDefault(lr, mindcv.lr());
            owner.setDefault(minLr, mindcv.minLr());
            owner.setDefault(warmupEpochs, mindcv.warmupEpochs());
            owner.setDefault(warmupFactor, mindcv.warmupFactor());
            owner.setDefault(decayEpochs, -1);
            owner.setDefault(momentum, mindcv.momentum());
            owner.setDefault(nesterov, mindcv.nesterov());
            owner.setDefault(weightDecay, mindcv.weightDecay());
            owner.setDefault(decayBatchNormAndBias, mindcv.decayBatchNormAndBias());
            owner.setDefault(labelSmoothing, mindcv.labelSmoothing());
            owner.setDefault(dropRate, -1.0);
            owner.setDefault(dropPathRate, 0.0);
            owner.setDefault(augmentation, "mixnet");
            owner.setDefault(cropScale, new double[] {CropAndFlip.RECIPE.minScale(), CropAndFlip.RECIPE.maxScale()});
            owner.setDefault(cropRatio, new double[] {CropAndFlip.RECIPE.minRatio(), CropAndFlip.RECIPE.maxRatio()});
            owner.setDefault(flipProbability, CropAndFlip.RECIPE.flipProbability());
            owner.setDefault(erasingProbability, TrainTransform.RECIPE_ERASING);
            owner.setDefault(randAugment, TrainTransform.RECIPE_RAND_AUGMENT);
            owner.setDefault(colorJitter, 0.0);
            owner.setDefault(mixupAlpha, mindcv.mixing().mixupAlpha());
            owner.setDefault(cutmixAlpha, mindcv.mixing().cutmixAlpha());
            owner.setDefault(mixProbability, mindcv.mixing().probability());
            owner.setDefault(imageSize, mindcv.imageSize());
            owner.setDefault(cropPct, 0.875);
            owner.setDefault(seed, mindcv.seed());
            owner.setDefault(emaDecay, mindcv.emaDecay());
            owner.setDefault(mixedPrecision, mindcv.mixedPrecision());
            owner.setDefault(pretrainedWeights, "");
            owner.setDefault(numWorkers, 1);
            owner.setDefault(checkpointDir, "");
            owner.setDefault(resumeFrom, "");
            owner.setDefault(keepCheckpoints, 10);
            owner.setDefault(checkpointPolicy, "latest_k");
            owner.setDefault(checkpointInterval, 1);
            owner.setDefault(dropRemainder, false);
            owner.setDefault(device, "auto");
            owner.setDefault(decodeThreads, 0);
            owner.setDefault(cpuReplicas, 0);
        }
    }
}
