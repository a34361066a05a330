package io.mixnetspark.config;

import static io.mixnetspark.config.KeyType.BOOLEAN;
import static io.mixnetspark.config.KeyType.INTEGER;
import static io.mixnetspark.config.KeyType.NUMBER;
import static io.mixnetspark.config.KeyType.NUMBER_LIST;
import static io.mixnetspark.config.KeyType.STRING;

import io.mixnetspark.model.arch.MixNetConfig;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code RecipeKeys} lists every key a recipe may set: MindCV's training and validation keys
 * ({@code config.py}, with its defaults, so a MindCV recipe loads unchanged), then the few keys
 * mixnet-spark adds ({@code layout}, {@code device}, the {@code collective_*} keys of the workers'
 * gradient exchange, ...). The one deliberate difference: {@code model} defaults to {@code
 * mixnet_s} instead of MindCV's {@code mobilenet_v2_035_224}.
 */
public final class RecipeKeys {

    private static final Map<String, RecipeKey> KEYS = new LinkedHashMap<>();

    static {
        // system
        key("mode", INTEGER, 0, "graph (0) or eager (1) mode; recorded, no effect here");
        key("distribute", BOOLEAN, false, "train across the Spark executors");
        key("val_while_train", BOOLEAN, false, "validate after every val_interval epochs");
        key("val_interval", INTEGER, 1, "epochs between validations");
        key("log_interval", INTEGER, 100, "steps between progress lines");
        key("pretrained", BOOLEAN, false, "start from MindCV's pretrained weights of model (as mindcv/MODEL)");
        key("ckpt_path", STRING, "", "checkpoint to start from or to validate");
        key("resume_opt", BOOLEAN, false, "also resume optimizer state");
        key("seed", INTEGER, 42, "random seed");
        // dataset
        key("dataset", STRING, "imagenet", "dataset kind");
        key("data_dir", STRING, "./", "dataset root (holds train_split and val_split)");
        key("train_split", STRING, "train", "training split folder under data_dir");
        key("val_split", STRING, "val", "validation split folder under data_dir");
        key("dataset_download", BOOLEAN, false, "download the dataset");
        key("num_parallel_workers", INTEGER, 8, "data loading workers");
        key("shuffle", BOOLEAN, true, "shuffle the training data");
        key("num_samples", INTEGER, null, "use only this many samples");
        key("batch_size", INTEGER, 128, "images per step per device");
        key("drop_remainder", BOOLEAN, true, "drop the last incomplete batch");
        key("aug_repeats", INTEGER, 0, "repeated augmentation count");
        // augmentation
        bounded("image_resize", 224, MixNetConfig.MIN_IMAGE_SIZE, MixNetConfig.MAX_IMAGE_SIZE,
                "crop size of training and evaluation images");
        key("scale", NUMBER_LIST, List.of(0.08, 1.0), "random resized crop area range");
        key("ratio", NUMBER_LIST, List.of(0.75, 1.333), "random resized crop aspect range");
        key("hflip", NUMBER, 0.5, "horizontal flip probability");
        key("vflip", NUMBER, 0.0, "vertical flip probability");
        key("color_jitter", NUMBER, 0.4, "colour jitter strength (ignored with auto_augment)");
        key("interpolation", STRING, "bilinear", "resize interpolation");
        key("auto_augment", STRING, null, "augmentation policy, e.g. randaug-m9-mstd0.5");
        key("re_prob", NUMBER, 0.0, "random erasing probability");
        key("re_scale", NUMBER_LIST, List.of(0.02, 0.33), "random erasing area range");
        key("re_ratio", NUMBER_LIST, List.of(0.3, 3.3), "random erasing aspect range");
        key("re_value", NUMBER, 0, "random erasing fill value");
        key("re_max_attempts", INTEGER, 10, "random erasing attempts");
        key("mean", NUMBER_LIST, List.of(0.485 * 255, 0.456 * 255, 0.406 * 255), "normalisation mean (0-255 scale)");
        key("std", NUMBER_LIST, List.of(0.229 * 255, 0.224 * 255, 0.225 * 255), "normalisation std (0-255 scale)");
        key("crop_pct", NUMBER, 0.875, "evaluation centre crop fraction");
        key("cutmix", NUMBER, 0.0, "cutmix beta parameter");
        key("cutmix_prob", NUMBER, 1.0, "probability a batch is mixed");
        key("mixup", NUMBER, 0.0, "mixup beta parameter");
        // model
        key("model", STRING, "mixnet_s", "mixnet_s, mixnet_m or mixnet_l");
        key("num_classes", INTEGER, null, "classifier outputs");
        key("drop_rate", NUMBER, null, "dropout before the classifier (null: the model's)");
        key("drop_path_rate", NUMBER, null, "drop-path rate");
        key("amp_level", STRING, "O0", "mixed precision level of training");
        key("val_amp_level", STRING, "O0", "mixed precision level of validation");
        key("keep_checkpoint_max", INTEGER, 10, "checkpoints kept");
        key("ckpt_save_dir", STRING, "./ckpt", "where checkpoints go");
        key("ckpt_save_interval", INTEGER, 1, "epochs between checkpoints");
        key("ckpt_save_policy", STRING, "latest_k", "which checkpoints to keep");
        key("epoch_size", INTEGER, 90, "training epochs");
        key("dataset_sink_mode", BOOLEAN, true, "MindSpore data sinking; recorded, no effect here");
        key("in_channels", INTEGER, 3, "input channels");
        key("ema", BOOLEAN, false, "keep an exponential moving average of the weights");
        key("ema_decay", NUMBER, 0.9999, "EMA decay");
        key("clip_grad", BOOLEAN, false, "clip gradients");
        key("clip_value", NUMBER, 15.0, "gradient clipping norm");
        key("gradient_accumulation_steps", INTEGER, 1, "batches per optimizer step");
        // optimizer
        key("opt", STRING, "adam", "optimizer, e.g. momentum");
        key("momentum", NUMBER, 0.9, "momentum");
        key("weight_decay", NUMBER, 1e-6, "weight decay");
        key("weight_decay_filter", STRING, "disable", "parameters exempt from weight decay");
        key("filter_bias_and_bn", BOOLEAN, true, "older name: exempt bias and BatchNorm from weight decay");
        key("loss_scale", NUMBER, 1.0, "loss scale");
        key("loss_scale_type", STRING, "fixed", "fixed or dynamic loss scale");
        key("dynamic_loss_scale", BOOLEAN, false, "older name: dynamic loss scale");
        key("drop_overflow_update", BOOLEAN, false, "skip updates whose gradients overflow");
        key("use_nesterov", BOOLEAN, false, "Nesterov momentum");
        key("eps", NUMBER, 1e-10, "optimizer epsilon");
        // scheduler
        key("scheduler", STRING, "cosine_decay", "learning rate schedule");
        key("lr", NUMBER, 0.001, "peak learning rate");
        key("min_lr", NUMBER, 1e-6, "final learning rate");
        key("warmup_epochs", INTEGER, 3, "linear warmup epochs");
        key("warmup_factor", NUMBER, 0.0, "warmup start as a fraction of lr");
        key("decay_epochs", INTEGER, 100, "epochs of decay after warmup");
        key("decay_rate", NUMBER, 0.9, "decay rate of step schedules");
        key("multi_step_decay_milestones", NUMBER_LIST, List.of(30.0, 60.0, 90.0), "multi-step milestones");
        key("lr_epoch_stair", BOOLEAN, false, "change lr once per epoch");
        key("num_cycles", INTEGER, 1, "cosine cycles");
        key("cycle_decay", NUMBER, 1.0, "peak decay per cycle");
        // loss
        key("loss", STRING, "CE", "CE or BCE");
        key("label_smoothing", NUMBER, 0.0, "label smoothing");
        key("aux_factor", NUMBER, 0.0, "auxiliary loss factor");
        key("reduction", STRING, "mean", "loss reduction");
        // mixnet-spark
        key("layout", STRING, "imagefolder", "dataset layout: imagefolder, webdataset, parquet or tfrecord");
        key("device", STRING, "auto", "auto (the GPU Spark assigned, else CPU), cpu or gpu");
        key("pretrained_weights", STRING, "", "pretrained weights by name: mixnet_s, mindcv/mixnet_s, hf://ORG/REPO[/FILE]");
        key("cpu_replicas", INTEGER, 0, "data-parallel replicas per CPU worker, one core each (0 = one per core)");
        key("collective_timeout", INTEGER, 60, "seconds the workers wait for each other in a gradient exchange");
        key("collective_ports", STRING, "0", "ports the workers listen on for gradients: 0 (any free) or first-last");
        key("collective_wire", STRING, "float32", "gradient exchange wire format: float32, float16 or bfloat16");
    }

    private RecipeKeys() {}

    private static void key(String name, KeyType type, Object defaultValue, String help) {
        KEYS.put(name, new RecipeKey(name, type, defaultValue == null ? null : type.convert(defaultValue), help));
    }

    private static void bounded(String name, int defaultValue, int min, int max, String help) {
        KEYS.put(name, new RecipeKey(name, INTEGER, defaultValue, help, min, max));
    }

    /**
     * Returns every known key, in documentation order.
     *
     * @return the keys
     */
    public static Collection<RecipeKey> all() {
        return Collections.unmodifiableCollection(KEYS.values());
    }

    /**
     * Looks a key up.
     *
     * @param name the key
     * @return the key, or empty when unknown
     */
    public static Optional<RecipeKey> find(String name) {
        return Optional.ofNullable(KEYS.get(name));
    }

    /**
     * Returns a known key's default, for the Spark ML params that share it (one value for both).
     *
     * @param name the key
     * @return its default as {@link RecipeKey#defaultValue()} holds it, or null where MindCV's is
     *     {@code None}
     * @throws IllegalArgumentException when the key is unknown
     */
    public static Object defaultValue(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown recipe key " + name)).defaultValue();
    }

    /**
     * Returns the known key closest to a name (fewest single-character edits; the first in
     * documentation order on a tie), for "did you mean" messages.
     *
     * @param name an unknown key
     * @return the closest known key
     */
    public static String closest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : KEYS.keySet()) {
            int d = editDistance(name, known);
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
