package io.mixnetspark.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.ModelWeights;
import io.mixnetspark.model.NpyFile;
import io.mixnetspark.model.OfflineEngine;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mixnet infer-tensor}: runs the eval-mode forward of a network with given weights on a
 * float32 NCHW {@code .npy} batch and writes the logits as {@code .npy}, the tool to check a
 * converted checkpoint against another implementation.
 */
@Command(name = "infer-tensor", mixinStandardHelpOptions = true,
        description = "Eval forward of a float32 NCHW .npy batch; writes the logits as .npy.")
public final class InferTensorCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--weights", required = true,
            description = "Weights: timm safetensors or MindCV MindSpore .ckpt.")
    Path weights;

    @Option(names = "--input", required = true, description = "Input batch, float32 (N, 3, H, W) .npy.")
    Path input;

    @Option(names = "--output", required = true, description = "Where to write the logits (.npy).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OfflineEngine.pytorch();
        try (MixNetModel model = MixNetModel.create(modelOptions.toConfig(), Device.cpu());
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ModelWeights.load(model, weights);
            NDArray batch = NpyFile.read(manager, input);
            NDArray logits = model.logits(batch);
            try (OutputStream out = Files.newOutputStream(output)) {
                NpyFile.write(logits, out);
            }
            spec.commandLine().getOut().printf("Wrote logits %s to %s%n", logits.getShape(), output);
        }
        return 0;
    }
}
