package io.mixnetspark.cli;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.OfflineEngine;
import io.mixnetspark.model.arch.MacCount;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.blocks.FastPaths;
import io.mixnetspark.model.numerics.Numerics;
import io.mixnetspark.model.numerics.NumericsReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mixnet info}: builds a network and prints its size: trainable parameters (counted on the
 * built DJL network), BatchNorm buffers, multiply-adds under both counting rules of {@link
 * MacCount}, blocks and widths; and how this machine computes it: the CPU and the fast paths the
 * numerics self-check chose ({@link NumericsReport}).
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print a MixNet's parameter count, BN buffers and multiply-adds, this CPU and the fast paths"
                + " its numerics self-check chose.")
public final class InfoCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--image_size", defaultValue = "224",
            description = "Square input size for the multiply-add count. Default: ${DEFAULT-VALUE}.")
    int imageSize;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MixNetConfig config = modelOptions.toConfig();
        OfflineEngine.pytorch();
        Map<String, Object> info = new LinkedHashMap<>();
        try (MixNetModel model = MixNetModel.create(config, Device.cpu())) {
            MacCount macs = MacCount.of(model.network().plan(), imageSize);
            info.put("model", config.variant().modelName());
            info.put("num_classes", config.numClasses());
            info.put("width_multiplier", config.effectiveWidth());
            info.put("depth_multiplier", config.depthMultiplier());
            info.put("params", model.stateDict().trainableParameters());
            info.put("bn_buffers", model.stateDict().bufferElements());
            info.put("params_with_bn_buffers",
                    model.stateDict().trainableParameters() + model.stateDict().bufferElements());
            info.put("image_size", imageSize);
            info.put("macs", macs.macs());
            info.put("conv_fc_macs", macs.convFcMacs());
            info.put("macs_rule", "macs = conv_fc_macs + one per element for BN, Swish product,"
                    + " SE pool and gate, residual add and global pool");
            info.put("blocks", model.network().plan().blocks().size());
            info.put("stem_channels", model.network().plan().stemChannels());
            info.put("head_channels", io.mixnetspark.model.arch.MixNetVariant.HEAD_CHANNELS);
        }
        NumericsReport numerics = Numerics.ensureChecked();
        info.put("cpu", numerics.cpu().summary());
        info.put("fast_paths", FastPaths.describe(numerics.paths()));
        info.put("numerics", json ? numerics.toMap() : numerics.summary());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(info));
        } else {
            info.forEach((k, v) -> out.printf("%-22s %s%n", k, v));
        }
        out.flush();
        return 0;
    }
}
