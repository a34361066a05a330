package io.mixnetspark.cli;

import ai.djl.Device;
import io.mixnetspark.model.bench.ForwardBenchmark;
import io.mixnetspark.model.numerics.Numerics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mixnet bench}: speed measurements behind BENCHMARKS.md. {@code forward} times the
 * network's eval forward loop on the CPU and names the fast paths it ran on.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Speed measurements (see BENCHMARKS.md).",
        subcommands = {BenchCommand.Forward.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code mixnet bench forward}: images/s of the eval forward loop alone. */
    @Command(name = "forward", mixinStandardHelpOptions = true,
            description = "Time the network's eval forward on a random batch (no decoding, no Spark).")
    static final class Forward implements Callable<Integer> {

        @Mixin
        ModelOptions modelOptions;

        @Option(names = "--batch_size", defaultValue = "32", description = "Images per forward. Default: ${DEFAULT-VALUE}.")
        int batchSize;

        @Option(names = "--image_size", defaultValue = "224", description = "Input side in pixels. Default: ${DEFAULT-VALUE}.")
        int imageSize;

        @Option(names = "--warmup", defaultValue = "3", description = "Untimed forwards. Default: ${DEFAULT-VALUE}.")
        int warmup;

        @Option(names = "--iterations", defaultValue = "10", description = "Timed forwards. Default: ${DEFAULT-VALUE}.")
        int iterations;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ForwardBenchmark bench = new ForwardBenchmark(batchSize, imageSize, warmup, iterations);
            double rate = bench.imagesPerSecond(modelOptions.toConfig(), Device.cpu());
            spec.commandLine().getOut().printf("forward %s batch %d at %d px: %.1f images/s%n",
                    modelOptions.toConfig().variant().modelName(), batchSize, imageSize, rate);
            spec.commandLine().getOut().println("numerics: " + Numerics.ensureChecked().summary());
            return 0;
        }
    }
}
