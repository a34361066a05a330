package io.mixnetspark.spark.ml;

import io.mixnetspark.collective.PortRange;
import io.mixnetspark.config.RecipeKeys;
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

/**
 * {@code MixNetClassifierParams} are the params of the training stage. Their defaults are MindCV's
 * {@code mixnet_s} recipe ({@link TrainingRecipe#mindcvMixnetS()}, spec section 3.1) where it has
 * one, and otherwise the default of the recipe key that sets the param ({@link RecipeKeys}), so the
 * two cannot disagree; each param's doc states what is allowed. The params it shares with the
 * labeling stage come from their {@code Has...} interfaces; each param is declared once, with its
 * validator and default (see {@link DeclaredParams}). Getters are defined here; setters live on
 * {@link MixNetClassifier}.
 */
public interface MixNetClassifierParams
        extends HasInputCol, HasBatchSize, HasDecodeThreads, HasDevice, HasImageSize, HasCropPct {

    /**
     * The column of 0-based class indices. Default {@code label}.
     *
     * @return the param
     */
    default Param<String> labelCol() {
        return declare("labelCol", (owner, name) -> new Param<>(owner, name,
                "column of 0-based class indices (integer)"), "label");
    }

    /**
     * The column of class ids naming the classes (used when present). Default {@code wnid}.
     *
     * @return the param
     */
    default Param<String> classIdCol() {
        return declare("classIdCol", (owner, name) -> new Param<>(owner, name,
                "column of class ids (e.g. wnids) that name the classes, used when present"), "wnid");
    }

    /**
     * The network variant: mixnet_s, mixnet_m or mixnet_l. Default {@code mixnet_s}.
     *
     * @return the param
     */
    default Param<String> variant() {
        return declare("variant", (owner, name) -> new Param<>(owner, name,
                "network variant: one of " + MixNetVariant.names(), ParamChecks.<String>of(v ->
                        Arrays.stream(MixNetVariant.values()).anyMatch(x -> x.modelName().equalsIgnoreCase(v)))),
                RecipeKeys.defaultValue("model"));
    }

    /**
     * The classifier outputs. Default 0 (the largest label + 1).
     *
     * @return the param
     */
    default IntParam numClasses() {
        return declare("numClasses", (owner, name) -> new IntParam(owner, name,
                "classifier outputs (>= 1), or 0 to use the largest label + 1", ParamValidators.gtEq(0)), 0);
    }

    /**
     * The passes over the training data. Default 600 (MindCV).
     *
     * @return the param
     */
    default IntParam epochs() {
        return declare("epochs", (owner, name) -> new IntParam(owner, name, "passes over the training data (>= 1)",
                ParamValidators.gtEq(1)), TrainingRecipe.mindcvMixnetS().epochs());
    }

    /**
     * The peak learning rate for the global batch {@code batchSize * numWorkers}; not scaled. Default
     * 0.2 (MindCV, for 8 x 128 images).
     *
     * @return the param
     */
    default DoubleParam lr() {
        return declare("lr", (owner, name) -> new DoubleParam(owner, name,
                "peak learning rate for the global batch (> 0)", ParamValidators.gt(0)),
                TrainingRecipe.mindcvMixnetS().lr());
    }

    /**
     * The learning rate at the end of the cosine decay. Default 1e-5.
     *
     * @return the param
     */
    default DoubleParam minLr() {
        return declare("minLr", (owner, name) -> new DoubleParam(owner, name,
                "final learning rate of the cosine decay (>= 0, <= lr)", ParamValidators.gtEq(0)),
                TrainingRecipe.mindcvMixnetS().minLr());
    }

    /**
     * The epochs of linear warmup. Default 15 (MindCV).
     *
     * @return the param
     */
    default IntParam warmupEpochs() {
        return declare("warmupEpochs", (owner, name) -> new IntParam(owner, name,
                "epochs of linear warmup (>= 0, <= epochs)", ParamValidators.gtEq(0)),
                TrainingRecipe.mindcvMixnetS().warmupEpochs());
    }

    /**
     * Where warmup starts, as a fraction of lr. Default 0.
     *
     * @return the param
     */
    default DoubleParam warmupFactor() {
        return declare("warmupFactor", (owner, name) -> new DoubleParam(owner, name,
                "warmup start as a fraction of lr, in [0, 1]", ParamValidators.inRange(0, 1)),
                TrainingRecipe.mindcvMixnetS().warmupFactor());
    }

    /**
     * The epochs of cosine decay after the warmup (recipe key {@code decay_epochs}); the learning rate
     * stays at {@code minLr} after them, and a shorter fit stops part-way down, as in MindCV. Default
     * -1: the decay ends with the last epoch.
     *
     * @return the param
     */
    default IntParam decayEpochs() {
        return declare("decayEpochs", (owner, name) -> new IntParam(owner, name,
                "epochs of cosine decay after the warmup (>= 1), then minLr; -1 = until the last epoch",
                ParamChecks.<Object>of(v -> (Integer) v == -1 || (Integer) v >= 1)), -1);
    }

    /**
     * The SGD momentum. Default 0.9.
     *
     * @return the param
     */
    default DoubleParam momentum() {
        return declare("momentum", (owner, name) -> new DoubleParam(owner, name, "SGD momentum in [0, 1)",
                ParamValidators.inRange(0, 1, true, false)), TrainingRecipe.mindcvMixnetS().momentum());
    }

    /**
     * Whether to use Nesterov momentum. Default false.
     *
     * @return the param
     */
    default BooleanParam nesterov() {
        return declare("nesterov", (owner, name) -> new BooleanParam(owner, name,
                "Nesterov momentum (needs momentum > 0)"), TrainingRecipe.mindcvMixnetS().nesterov());
    }

    /**
     * The L2 weight decay. Default 2e-5.
     *
     * @return the param
     */
    default DoubleParam weightDecay() {
        return declare("weightDecay", (owner, name) -> new DoubleParam(owner, name, "L2 weight decay (>= 0)",
                ParamValidators.gtEq(0)), TrainingRecipe.mindcvMixnetS().weightDecay());
    }

    /**
     * Whether weight decay also applies to BatchNorm and bias tensors. Default true (MindCV decays
     * every tensor; false follows timm).
     *
     * @return the param
     */
    default BooleanParam decayBatchNormAndBias() {
        return declare("decayBatchNormAndBias", (owner, name) -> new BooleanParam(owner, name,
                "whether weight decay also applies to BatchNorm and bias tensors (MindCV: true; timm: false)"),
                TrainingRecipe.mindcvMixnetS().decayBatchNormAndBias());
    }

    /**
     * The label smoothing. Default 0.1.
     *
     * @return the param
     */
    default DoubleParam labelSmoothing() {
        return declare("labelSmoothing", (owner, name) -> new DoubleParam(owner, name, "label smoothing in [0, 1)",
                ParamValidators.inRange(0, 1, true, false)), TrainingRecipe.mindcvMixnetS().labelSmoothing());
    }

    /**
     * The classifier dropout. Default -1 (the variant's: mixnet_s 0.2, mixnet_m/l 0.25).
     *
     * @return the param
     */
    default DoubleParam dropRate() {
        return declare("dropRate", (owner, name) -> new DoubleParam(owner, name,
                "classifier dropout in [0, 1), or -1 for the variant's (mixnet_s 0.2, mixnet_m/l 0.25)",
                ParamChecks.<Object>of(v -> (Double) v == -1 || ((Double) v >= 0 && (Double) v < 1))), -1.0);
    }

    /**
     * The maximum drop-path rate. Default 0.
     *
     * @return the param
     */
    default DoubleParam dropPathRate() {
        return declare("dropPathRate", (owner, name) -> new DoubleParam(owner, name,
                "maximum drop-path rate in [0, 1)", ParamValidators.inRange(0, 1, true, false)), 0.0);
    }

    /**
     * The training augmentation: mixnet, light (crop and flip) or none. Default {@code mixnet}
     * (RandomResizedCrop, flip, RandAugment, random erasing).
     *
     * @return the param
     */
    default Param<String> augmentation() {
        return declare("augmentation", (owner, name) -> new Param<>(owner, name,
                "training augmentation: one of " + String.join(", ", Augmentation.names()),
                ParamValidators.inArray(Arrays.asList(Augmentation.names()))), "mixnet");
    }

    /**
     * The RandomResizedCrop's area range in training (recipe key {@code scale}). Default {@code [0.08,
     * 1]}.
     *
     * @return the param
     */
    default DoubleArrayParam cropScale() {
        return declare("cropScale", (owner, name) -> new DoubleArrayParam(owner, name,
                "RandomResizedCrop area range [min, max] with 0 < min <= max <= 1",
                ParamChecks.<double[]>of(v -> v.length == 2 && v[0] > 0 && v[0] <= v[1] && v[1] <= 1)),
                new double[] {CropAndFlip.RECIPE.minScale(), CropAndFlip.RECIPE.maxScale()});
    }

    /**
     * The RandomResizedCrop's aspect ratio range in training (recipe key {@code ratio}). Default {@code
     * [3/4, 4/3]}.
     *
     * @return the param
     */
    default DoubleArrayParam cropRatio() {
        return declare("cropRatio", (owner, name) -> new DoubleArrayParam(owner, name,
                "RandomResizedCrop aspect ratio range [min, max] with 0 < min <= max",
                ParamChecks.<double[]>of(v -> v.length == 2 && v[0] > 0 && v[0] <= v[1])),
                new double[] {CropAndFlip.RECIPE.minRatio(), CropAndFlip.RECIPE.maxRatio()});
    }

    /**
     * The chance of a horizontal flip in training (recipe key {@code hflip}). Default 0.5.
     *
     * @return the param
     */
    default DoubleParam flipProbability() {
        return declare("flipProbability", (owner, name) -> new DoubleParam(owner, name,
                "chance of a horizontal flip in training, in [0, 1]", ParamValidators.inRange(0, 1)),
                CropAndFlip.RECIPE.flipProbability());
    }

    /**
     * The random erasing chance of the {@code mixnet} augmentation (recipe key {@code re_prob}).
     * Default 0.25.
     *
     * @return the param
     */
    default DoubleParam erasingProbability() {
        return declare("erasingProbability", (owner, name) -> new DoubleParam(owner, name,
                "random erasing chance of the mixnet augmentation, in [0, 1]", ParamValidators.inRange(0, 1)),
                TrainTransform.RECIPE_ERASING);
    }

    /**
     * The RandAugment policy of the {@code mixnet} augmentation (recipe key {@code auto_augment}), in
     * timm's and MindCV's syntax. Default {@code rand-m9-mstd0.5} (MixNet-S and -M); MixNet-L's recipe
     * uses {@code randaug-m9-mstd0.5-inc1}.
     *
     * @return the param
     */
    default Param<String> randAugment() {
        return declare("randAugment", (owner, name) -> new Param<>(owner, name,
                "RandAugment policy of the mixnet augmentation, e.g. rand-m9-mstd0.5 or rand-m9-mstd0.5-inc1",
                ParamChecks.<String>of(MixNetClassifierParams::isRandAugmentPolicy)), TrainTransform.RECIPE_RAND_AUGMENT);
    }

    /**
     * The colour jitter strength of the {@code light} augmentation (recipe key {@code color_jitter},
     * which MindCV applies when a recipe has no {@code auto_augment}): brightness, contrast and
     * saturation factors drawn from {@code [1 - s, 1 + s]}. Default 0 (none).
     *
     * @return the param
     */
    default DoubleParam colorJitter() {
        return declare("colorJitter", (owner, name) -> new DoubleParam(owner, name,
                "colour jitter strength of the light augmentation (>= 0, 0 = none)", ParamValidators.gtEq(0)), 0.0);
    }

    /**
     * Mixup's Beta parameter (recipe key {@code mixup}). Default 0.2, MindCV's MixNet value, which
     * mixes nothing until {@link #mixProbability()} is above 0. See {@link io.mixnetspark.train.BatchMix}.
     *
     * @return the param
     */
    default DoubleParam mixupAlpha() {
        return declare("mixupAlpha", (owner, name) -> new DoubleParam(owner, name,
                "Mixup Beta parameter (>= 0, 0 = no Mixup)", ParamValidators.gtEq(0)),
                TrainingRecipe.mindcvMixnetS().mixing().mixupAlpha());
    }

    /**
     * CutMix's Beta parameter (recipe key {@code cutmix}). Default 1.0, MindCV's MixNet value. With
     * both alphas above 0, each mixed batch uses CutMix or Mixup with even chances.
     *
     * @return the param
     */
    default DoubleParam cutmixAlpha() {
        return declare("cutmixAlpha", (owner, name) -> new DoubleParam(owner, name,
                "CutMix Beta parameter (>= 0, 0 = no CutMix)", ParamValidators.gtEq(0)),
                TrainingRecipe.mindcvMixnetS().mixing().cutmixAlpha());
    }

    /**
     * The chance that a training batch is mixed (recipe key {@code cutmix_prob}). Default 0, as
     * MindCV's MixNet-S and -M recipes, which therefore never mix; MixNet-L's mixes every batch (1).
     *
     * @return the param
     */
    default DoubleParam mixProbability() {
        return declare("mixProbability", (owner, name) -> new DoubleParam(owner, name,
                "chance that a training batch is mixed (Mixup or CutMix), in [0, 1]", ParamValidators.inRange(0, 1)),
                TrainingRecipe.mindcvMixnetS().mixing().probability());
    }

    /**
     * The training seed. Default 42.
     *
     * @return the param
     */
    default LongParam seed() {
        return declare("seed", (owner, name) -> new LongParam(owner, name, "training seed"),
                TrainingRecipe.mindcvMixnetS().seed());
    }

    /**
     * The EMA decay of the weights; with EMA on the model gets the averaged weights. Default 0 (off).
     *
     * @return the param
     */
    default DoubleParam emaDecay() {
        return declare("emaDecay", (owner, name) -> new DoubleParam(owner, name,
                "EMA decay of the weights in [0, 1), 0 = off", ParamValidators.inRange(0, 1, true, false)),
                TrainingRecipe.mindcvMixnetS().emaDecay());
    }

    /**
     * Mixed precision. Default true (MindCV): on a GPU, float16 compute with float32 weights and a
     * dynamic loss scale; on the CPU training stays float32 (float16 is much slower there).
     *
     * @return the param
     */
    default BooleanParam mixedPrecision() {
        return declare("mixedPrecision", (owner, name) -> new BooleanParam(owner, name,
                "mixed precision on GPUs: float16 compute, float32 weights, dynamic loss scale; the CPU"
                        + " trains in float32"), TrainingRecipe.mindcvMixnetS().mixedPrecision());
    }

    /**
     * The starting weights: a URI (timm safetensors or MindCV ckpt, any Hadoop file system) or a
     * pretrained name ({@code mixnet_s}, {@code mindcv/mixnet_s}, {@code hf://ORG/REPO[/FILE]}; fetched
     * once on the driver into the Hugging Face cache, see {@link
     * MixNetClassificationModel#pretrained(String)}); a classifier of another class count is replaced
     * by a new one. Default empty (from scratch).
     *
     * @return the param
     */
    default Param<String> pretrainedWeights() {
        return declare("pretrainedWeights", (owner, name) -> new Param<>(owner, name,
                "URI of starting weights (timm safetensors or MindCV ckpt) or a pretrained name (mixnet_s,"
                        + " mindcv/mixnet_s, hf://ORG/REPO[/FILE]), empty to train from scratch"),
                RecipeKeys.defaultValue("pretrained_weights"));
    }

    /**
     * The data-parallel workers (barrier tasks, one per executor JVM). Default 1.
     *
     * @return the param
     */
    default IntParam numWorkers() {
        return declare("numWorkers", (owner, name) -> new IntParam(owner, name,
                "data-parallel workers, one barrier task each (>= 1)", ParamValidators.gtEq(1)), 1);
    }

    /**
     * The folder URI (any Hadoop file system) for per-epoch checkpoints. Default empty (no
     * checkpoints).
     *
     * @return the param
     */
    default Param<String> checkpointDir() {
        return declare("checkpointDir", (owner, name) -> new Param<>(owner, name,
                "folder URI on any Hadoop file system for per-epoch checkpoints, empty for none"), "");
    }

    /**
     * A fit's checkpoint folder to continue from (the {@link TrainingResult#checkpointRun()} of a fit
     * with {@code checkpointDir}, e.g. one whose driver died). The fit restores the newest complete
     * checkpoint there (weights, momentum, EMA, epoch, step, history), trains the remaining epochs of
     * this classifier's recipe, and writes its checkpoints into the same folder. The recipe must match
     * the one that wrote it. Default empty (start afresh).
     *
     * @return the param
     */
    default Param<String> resumeFrom() {
        return declare("resumeFrom", (owner, name) -> new Param<>(owner, name,
                "a fit's checkpoint folder (checkpointDir/<uid>-<run>) to continue from, empty to start afresh"), "");
    }

    /**
     * How many checkpoints a fit keeps in its folder, MindCV's {@code keep_checkpoint_max} (older or
     * worse ones are deleted after each checkpoint). The newest is always kept, since a retried or
     * resumed fit continues from it. Default 10; 0 keeps every one.
     *
     * @return the param
     */
    default IntParam keepCheckpoints() {
        return declare("keepCheckpoints", (owner, name) -> new IntParam(owner, name,
                "checkpoints kept per fit (>= 0; 0 = all); the newest is always kept", ParamValidators.gtEq(0)),
                RecipeKeys.defaultValue("keep_checkpoint_max"));
    }

    /**
     * Which checkpoints are kept, MindCV's {@code ckpt_save_policy}: {@code latest_k} (the newest) or
     * {@code top_k} (the best validation top-1, plus the newest; needs validation data). Default {@code
     * latest_k}.
     *
     * @return the param
     */
    default Param<String> checkpointPolicy() {
        return declare("checkpointPolicy", (owner, name) -> new Param<>(owner, name,
                "which checkpoints are kept: latest_k (the newest) or top_k (the best validation top-1,"
                        + " needs validation data)", ParamValidators.inArray(CheckpointRetention.Policy.names())),
                RecipeKeys.defaultValue("ckpt_save_policy"));
    }

    /**
     * The epochs between checkpoints, MindCV's {@code ckpt_save_interval}; the last epoch always gets
     * one. A retried fit repeats the epochs since the last checkpoint. Default 1.
     *
     * @return the param
     */
    default IntParam checkpointInterval() {
        return declare("checkpointInterval", (owner, name) -> new IntParam(owner, name,
                "epochs between checkpoints (>= 1); the last epoch always gets one", ParamValidators.gtEq(1)),
                RecipeKeys.defaultValue("ckpt_save_interval"));
    }

    /**
     * Whether each epoch leaves out its last batch when that batch is smaller than {@code batchSize},
     * MindCV's {@code drop_remainder}. Default true, as MindCV's default and its recipes; false trains
     * every image of the smallest worker shard each epoch, and is needed when a worker's shard holds
     * fewer images than one batch.
     *
     * @return the param
     */
    default BooleanParam dropRemainder() {
        return declare("dropRemainder", (owner, name) -> new BooleanParam(owner, name,
                "whether each epoch leaves out the last batch when it is smaller than batchSize"),
                RecipeKeys.defaultValue("drop_remainder"));
    }

    /**
     * How many data-parallel replicas of the network each CPU worker trains, each on one core and an
     * equal share of every batch, BatchNorm normalising each share on its own (see {@link
     * TrainingRecipe.Builder#optCpuReplicas}). Default 0: one per PyTorch intra-op thread. 1 trains
     * each batch whole on every core. GPU workers train one replica.
     *
     * @return the param
     */
    default IntParam cpuReplicas() {
        return declare("cpuReplicas", (owner, name) -> new IntParam(owner, name, "data-parallel replicas of the"
                + " network per CPU worker, each on one core and an equal share of every batch (>= 0; 0 = one per"
                + " PyTorch thread)", ParamValidators.gtEq(0)), RecipeKeys.defaultValue("cpu_replicas"));
    }

    /**
     * The seconds a worker waits for the ring of workers to form and for each step of a gradient
     * exchange between them; a worker lost or stalled mid-exchange fails the step after at most this
     * long, naming this param, and the stage is retried from the newest checkpoint (recipe key {@code
     * collective_timeout}). Default 60.
     *
     * @return the param
     */
    default IntParam collectiveTimeout() {
        return declare("collectiveTimeout", (owner, name) -> new IntParam(owner, name,
                "seconds a worker waits for the ring to form and for each step of a gradient exchange (>= 1)",
                ParamValidators.gtEq(1)), RecipeKeys.defaultValue("collective_timeout"));
    }

    /**
     * The TCP ports on which the workers listen for each other's gradients: {@code 0} for any free
     * port, or {@code first-last} (inclusive) for a firewalled cluster (recipe key {@code
     * collective_ports}). Default {@code 0}.
     *
     * @return the param
     */
    default Param<String> collectivePorts() {
        return declare("collectivePorts", (owner, name) -> new Param<>(owner, name,
                "ports the workers listen on for gradient exchange: 0 (any free port), a port, or first-last",
                ParamChecks.<String>of(MixNetClassifierParams::isPortRange)),
                RecipeKeys.defaultValue("collective_ports"));
    }

    /**
     * How gradients travel between workers: {@code float32} (exact), or {@code float16} / {@code
     * bfloat16} at half the bytes (every partial sum rounded; all workers still agree bit for bit)
     * (recipe key {@code collective_wire}). Default {@code float32}.
     *
     * @return the param
     */
    default Param<String> collectiveWire() {
        return declare("collectiveWire", (owner, name) -> new Param<>(owner, name,
                "wire format of the gradient exchange: float32, float16 or bfloat16",
                ParamValidators.inArray(Arrays.asList("float32", "float16", "bfloat16"))),
                RecipeKeys.defaultValue("collective_wire"));
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

    /** @return the replicas per CPU worker */
    default int getCpuReplicas() {
        return (Integer) getOrDefault(cpuReplicas());
    }

    /** @return the seconds of the collective's connect and exchange timeouts */
    default int getCollectiveTimeout() {
        return (Integer) getOrDefault(collectiveTimeout());
    }

    /** @return the collective's port range */
    default String getCollectivePorts() {
        return getOrDefault(collectivePorts());
    }

    /** @return the collective's wire format */
    default String getCollectiveWire() {
        return getOrDefault(collectiveWire());
    }

    private static boolean isPortRange(String ports) {
        try {
            PortRange.parse(ports);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isRandAugmentPolicy(String policy) {
        try {
            RandAugment.parse(policy);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
