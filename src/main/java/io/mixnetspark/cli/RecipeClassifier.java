package io.mixnetspark.cli;

import io.mixnetspark.config.RecipeConfig;
import io.mixnetspark.spark.ml.MixNetClassifier;
import java.util.List;
import java.util.Locale;

/**
 * {@code RecipeClassifier} turns a MindCV recipe into the {@link MixNetClassifier} params it
 * describes: {@code model}, {@code num_classes}, {@code epoch_size}, {@code batch_size} (per
 * worker), {@code lr} (as given: MindCV's recipes state it for their global batch, see {@code
 * conf/README.md}), {@code min_lr}, {@code warmup_epochs}, {@code warmup_factor}, {@code momentum},
 * {@code decay_epochs} (when given; else the decay ends with the last epoch), {@code use_nesterov},
 * {@code weight_decay} ({@code weight_decay_filter: disable} decays every
 * tensor, as MindCV), {@code label_smoothing}, {@code drop_rate}, {@code drop_path_rate}, {@code
 * image_resize}, {@code crop_pct}, {@code seed}, {@code ema}/{@code ema_decay}, {@code amp_level},
 * {@code device}, {@code ckpt_path} (start weights; with {@code resume_opt: True}, a fit's checkpoint
 * folder to continue from, as MindCV resumes weights, optimizer state and epoch), else {@code
 * pretrained_weights} or {@code pretrained: True} ({@link RecipePretrained}). The augmentation is MixNet's (RandomResizedCrop,
 * flip, the {@code auto_augment} RandAugment policy, random erasing) when {@code auto_augment} is
 * set, else crop, flip and {@code color_jitter} (as MindCV's {@code transforms_imagenet_train});
 * {@code scale} and {@code ratio} are the crop's ranges, {@code hflip} the flip chance and {@code
 * re_prob} the erasing chance. {@code mixup}, {@code cutmix} and {@code cutmix_prob} set the batch
 * mixing; {@code drop_remainder} whether an epoch's last, smaller batch is left out; {@code
 * keep_checkpoint_max}, {@code ckpt_save_interval} and {@code ckpt_save_policy} the checkpoints;
 * {@code collective_timeout}, {@code collective_ports} and {@code collective_wire} the workers'
 * gradient exchange.
 */
final class RecipeClassifier {

    private RecipeClassifier() {}

    /**
     * Builds the classifier.
     *
     * @param recipe the resolved recipe
     * @param workers data-parallel workers
     * @return the classifier (no validation data yet)
     * @throws IllegalArgumentException naming the param whose value is not allowed, or a recipe key
     *     whose value is not supported ({@link RecipeLimits})
     */
    static MixNetClassifier of(RecipeConfig recipe, int workers) {
        RecipeLimits.checkTraining(recipe);
        if (recipe.getString("ckpt_save_policy").equalsIgnoreCase("top_k") && !recipe.getBoolean("val_while_train")) {
            throw new IllegalArgumentException("recipe key ckpt_save_policy=top_k keeps the checkpoints with the best"
                    + " validation top-1 and needs val_while_train: True (or use latest_k)");
        }
        MixNetClassifier classifier = new MixNetClassifier()
                .setVariant(recipe.getString("model"))
                .setEpochs(recipe.getInt("epoch_size"))
                .setBatchSize(recipe.getInt("batch_size"))
                .setLr(recipe.getDouble("lr"))
                .setMinLr(recipe.getDouble("min_lr"))
                .setWarmupEpochs(recipe.getInt("warmup_epochs"))
                .setWarmupFactor(recipe.getDouble("warmup_factor"))
                .setMomentum(recipe.getDouble("momentum"))
                .setNesterov(recipe.getBoolean("use_nesterov"))
                .setWeightDecay(recipe.getDouble("weight_decay"))
                .setDecayBatchNormAndBias(recipe.getString("weight_decay_filter").equals("disable"))
                .setLabelSmoothing(recipe.getDouble("label_smoothing"))
                .setImageSize(recipe.getInt("image_resize"))
                .setCropPct(recipe.getDouble("crop_pct"))
                .setSeed(recipe.getInt("seed"))
                .setEmaDecay(recipe.getBoolean("ema") ? recipe.getDouble("ema_decay") : 0)
                .setMixedPrecision(!recipe.getString("amp_level").equals("O0"))
                .setAugmentation(recipe.isSet("auto_augment") ? "mixnet" : "light")
                .setFlipProbability(recipe.getDouble("hflip"))
                .setErasingProbability(recipe.getDouble("re_prob"))
                .setColorJitter(recipe.getDouble("color_jitter"))
                .setMixupAlpha(recipe.getDouble("mixup"))
                .setCutmixAlpha(recipe.getDouble("cutmix"))
                .setMixProbability(recipe.getDouble("cutmix_prob"))
                .setDropRemainder(recipe.getBoolean("drop_remainder"))
                .setKeepCheckpoints(recipe.getInt("keep_checkpoint_max"))
                .setCheckpointInterval(recipe.getInt("ckpt_save_interval"))
                .setCheckpointPolicy(recipe.getString("ckpt_save_policy").toLowerCase(Locale.ROOT))
                .setDevice(recipe.getString("device"))
                .setCpuReplicas(recipe.getInt("cpu_replicas"))
                .setCollectiveTimeout(recipe.getInt("collective_timeout"))
                .setCollectivePorts(recipe.getString("collective_ports"))
                .setCollectiveWire(recipe.getString("collective_wire").toLowerCase(Locale.ROOT))
                .setNumWorkers(workers);
        double[] scale = range(recipe, "scale");
        classifier.setCropScale(scale[0], scale[1]);
        double[] ratio = range(recipe, "ratio");
        classifier.setCropRatio(ratio[0], ratio[1]);
        if (recipe.isSet("num_classes")) {
            classifier.setNumClasses(recipe.getInt("num_classes"));
        }
        if (recipe.isSet("drop_rate")) {
            classifier.setDropRate(recipe.getDouble("drop_rate"));
        }
        if (recipe.isGiven("decay_epochs")) {
            classifier.setDecayEpochs(recipe.getInt("decay_epochs"));
        }
        if (recipe.isSet("drop_path_rate")) {
            classifier.setDropPathRate(recipe.getDouble("drop_path_rate"));
        }
        if (recipe.isSet("auto_augment")) {
            classifier.setRandAugment(recipe.getString("auto_augment"));
        }
        String ckpt = recipe.getString("ckpt_path");
        if (recipe.getBoolean("resume_opt")) {
            if (ckpt.isEmpty()) {
                throw new IllegalArgumentException("resume_opt needs ckpt_path: the checkpoint folder an earlier"
                        + " ./mixnet train printed (ckpt_save_dir/<run_id>/checkpoints/<fit>)");
            }
            classifier.setResumeFrom(ckpt);
        } else if (!ckpt.isEmpty()) {
            classifier.setPretrainedWeights(ckpt);
        } else {
            RecipePretrained.name(recipe).ifPresent(classifier::setPretrainedWeights);
        }
        return classifier;
    }

    private static double[] range(RecipeConfig recipe, String key) {
        List<Double> values = recipe.getNumbers(key);
        if (values.size() != 2) {
            throw new IllegalArgumentException(key + " must be a [min, max] pair, got " + values);
        }
        return new double[] {values.get(0), values.get(1)};
    }
}
