package io.mixnetspark.model.pretrained;

import io.mixnetspark.hub.HubClient;
import io.mixnetspark.hub.HubFile;
import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetConfig.SeActivation;
import io.mixnetspark.model.arch.MixNetVariant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PretrainedWeights} is a pretrained name resolved to a local weights file and what it
 * needs: the network (variant, class count, the squeeze-excite activation MindCV's weights use),
 * the class names, and the eval preprocessing of timm's {@code config.json} (image size and crop
 * fraction; the mean, std and bicubic resize this project applies are checked against it).
 *
 * @param name the name as given
 * @param file the weights file (in the hub or assets cache)
 * @param config the network the weights fit
 * @param classes one id and name per output
 * @param imageSize eval crop size
 * @param cropPct eval crop fraction
 */
public record PretrainedWeights(String name, Path file, MixNetConfig config, ClassNames classes, int imageSize,
        double cropPct) {

    private static final Logger LOG = LoggerFactory.getLogger(PretrainedWeights.class);

    /** MindCV's eval preprocessing for MixNet ({@code configs/mixnet/*.yaml}): 224 px, crop 0.875. */
    private static final int MINDCV_IMAGE_SIZE = 224;
    private static final double MINDCV_CROP_PCT = 0.875;

    /**
     * Resolves a name: fetches (or finds in the cache) the weights and, for hub names, their
     * {@code config.json}.
     *
     * @param name a name {@link PretrainedName#parse} accepts
     * @param hub the hub client (settings, cache, progress)
     * @return the local file and what it needs
     * @throws IOException when a file cannot be had (see {@link io.mixnetspark.hub.HubException}) or
     *     the config asks for what this project cannot do
     * @throws IllegalArgumentException for an unknown name
     */
    public static PretrainedWeights resolve(String name, HubClient hub) throws IOException {
        PretrainedName parsed = PretrainedName.parse(name);
        if (parsed.mindCvFile().isPresent()) {
            Path file = hub.downloadAsset(parsed.mindCvUrl(hub.environment().mindCvEndpoint()), "mindcv",
                    Optional.of(parsed.mindCvSha256Prefix()));
            MixNetConfig config = MixNetConfig.builder(parsed.variant().orElseThrow())
                    .optSeActivation(SeActivation.RELU).build();
            return new PretrainedWeights(parsed.name(), file, config, ClassNames.imagenet(), MINDCV_IMAGE_SIZE, MINDCV_CROP_PCT);
        }
        HubFile weights = parsed.hubWeights().orElseThrow();
        Path configFile = hub.download(weights.sibling("config.json"), Optional.empty());
        TimmPretrainedConfig cfg = TimmPretrainedConfig.read(configFile);
        MixNetVariant variant = variant(parsed, cfg, configFile);
        checkPreprocessing(parsed.name(), cfg, configFile);
        Path file = hub.download(weights, Optional.empty());
        MixNetConfig config = MixNetConfig.builder(variant).optNumClasses(cfg.numClasses()).build();
        return new PretrainedWeights(parsed.name(), file, config, classes(cfg), cfg.imageSize(), cfg.cropPct());
    }

    private static MixNetVariant variant(PretrainedName parsed, TimmPretrainedConfig cfg, Path configFile)
            throws IOException {
        String arch = cfg.architecture().toLowerCase(Locale.ROOT);
        if (arch.startsWith("tf_")) {
            throw new IOException(parsed.name() + ": " + configFile + " names " + arch + ", the TensorFlow port, whose"
                    + " 'same' padding this network does not implement; use " + arch.substring(3) + " instead");
        }
        MixNetVariant variant;
        try {
            variant = MixNetVariant.fromName(arch);
        } catch (IllegalArgumentException e) {
            throw new IOException(parsed.name() + ": " + configFile + " names architecture " + arch
                    + ", not one of " + MixNetVariant.names(), e);
        }
        if (parsed.variant().isPresent() && parsed.variant().get() != variant) {
            throw new IOException(parsed.name() + ": " + configFile + " names architecture " + arch);
        }
        return variant;
    }

    private static void checkPreprocessing(String name, TimmPretrainedConfig cfg, Path configFile) throws IOException {
        if (!close(cfg.mean(), TimmPretrainedConfig.IMAGENET_MEAN) || !close(cfg.std(), TimmPretrainedConfig.IMAGENET_STD)) {
            throw new IOException(name + ": " + configFile + " normalises with mean " + cfg.mean() + " and std " + cfg.std()
                    + "; this project's eval pipeline applies ImageNet's " + TimmPretrainedConfig.IMAGENET_MEAN + " and "
                    + TimmPretrainedConfig.IMAGENET_STD + " only");
        }
        if (!cfg.interpolation().equalsIgnoreCase("bicubic")) {
            LOG.warn("{}: {} asks for {} resizing; this project resizes with bicubic, so accuracy may differ slightly",
                    name, configFile, cfg.interpolation());
        }
    }

    private static ClassNames classes(TimmPretrainedConfig cfg) {
        if (cfg.labelNames().isPresent()) {
            return new ClassNames(cfg.labelNames().get(), cfg.labelNames().get());
        }
        ClassNames imagenet = ClassNames.imagenet();
        if (cfg.numClasses() == imagenet.size()) {
            return imagenet;
        }
        List<String> ids = IntStream.range(0, cfg.numClasses()).mapToObj(Integer::toString).toList();
        return new ClassNames(ids, ids);
    }

    private static boolean close(List<Double> a, List<Double> b) {
        return IntStream.range(0, b.size()).allMatch(i -> Math.abs(a.get(i) - b.get(i)) < 1e-3);
    }
}
