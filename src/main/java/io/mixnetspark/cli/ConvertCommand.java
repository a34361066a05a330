package io.mixnetspark.cli;

import ai.djl.Device;
import io.mixnetspark.model.MindCvCheckpoint;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.ModelWeights;
import io.mixnetspark.model.OfflineEngine;
import io.mixnetspark.model.WeightsFormat;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mixnet convert}: loads weights of any supported format into the network (so they are
 * checked against it) and writes them as timm-keyed safetensors or as a MindCV MindSpore
 * checkpoint.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert weights between timm safetensors and MindCV .ckpt (checked against the network).")
public final class ConvertCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--weights", required = true, description = "Input weights (safetensors or .ckpt).")
    Path weights;

    @Option(names = "--output", required = true, description = "Output file.")
    Path output;

    @Option(names = "--format", defaultValue = "safetensors",
            description = "Output format: safetensors or ckpt. Default: ${DEFAULT-VALUE}.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        WeightsFormat target = WeightsFormat.parse(format);
        OfflineEngine.pytorch();
        try (MixNetModel model = MixNetModel.create(modelOptions.toConfig(), Device.cpu())) {
            ModelWeights.load(model, weights);
            if (target == WeightsFormat.SAFETENSORS) {
                ModelWeights.saveSafetensors(model, output);
            } else {
                MindCvCheckpoint.write(model, output);
            }
        }
        spec.commandLine().getOut().printf("Wrote %s weights to %s%n", format, output);
        return 0;
    }
}
