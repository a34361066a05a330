package io.mixnetspark.cli;

import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetConfig.SeActivation;
import io.mixnetspark.model.arch.MixNetVariant;
import picocli.CommandLine.Option;

/**
 * {@code ModelOptions} are the options that pick a network: variant, classes, custom width and
 * depth, and the activation inside squeeze-excite. Shared by every subcommand that builds a model.
 */
public final class ModelOptions {

    @Option(names = "--model", defaultValue = "mixnet_s",
            description = "Variant: mixnet_s, mixnet_m or mixnet_l. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--num_classes", defaultValue = "1000",
            description = "Classifier outputs. Default: ${DEFAULT-VALUE}.")
    int numClasses;

    @Option(names = "--width_multiplier", defaultValue = "1.0",
            description = "Extra channel multiplier for custom sizes. Default: ${DEFAULT-VALUE}.")
    double widthMultiplier;

    @Option(names = "--depth_multiplier", defaultValue = "1.0",
            description = "Repeat multiplier for custom sizes. Default: ${DEFAULT-VALUE}.")
    double depthMultiplier;

    @Option(names = "--se_act", defaultValue = "swish",
            description = "Activation inside squeeze-excite: swish (timm/TF weights) or relu (MindCV"
                    + " weights). Default: ${DEFAULT-VALUE}.")
    String seActivation;

    /**
     * Builds the network configuration the options describe.
     *
     * @return the validated config
     * @throws IllegalArgumentException naming the bad option value
     */
    public MixNetConfig toConfig() {
        return MixNetConfig.builder(MixNetVariant.fromName(model))
                .optNumClasses(numClasses)
                .optWidthMultiplier(widthMultiplier)
                .optDepthMultiplier(depthMultiplier)
                .optSeActivation(SeActivation.parse(seActivation))
                .build();
    }
}
