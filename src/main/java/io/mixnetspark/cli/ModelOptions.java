package io.mixnetspark.cli;

import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetConfig.SeActivation;
import io.mixnetspark.model.arch.MixNetVariant;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
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
     * Refuses these options on a command line that also gives an option which decides the network
     * itself.
     *
     * @param spec the command whose parse result is checked
     * @param option the deciding option, e.g. {@code --pretrained}
     * @param why why it decides, for the message
     * @throws IllegalArgumentException naming the first of these options given
     */
    static void refuseBeside(CommandSpec spec, String option, String why) {
        for (String name : List.of("--model", "--num_classes", "--width_multiplier", "--depth_multiplier", "--se_act")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
                throw new IllegalArgumentException(name + " cannot be given with " + option + ": " + why);
            }
        }
    }

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
