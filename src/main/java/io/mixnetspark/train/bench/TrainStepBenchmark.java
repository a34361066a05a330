package io.mixnetspark.train.bench;

import ai.djl.Device;
import io.mixnetspark.data.bench.Machine;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.OfflineEngine;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.model.numerics.Numerics;
import io.mixnetspark.train.Batch;
import io.mixnetspark.train.DynamicLossScale;
import io.mixnetspark.train.EpochStats;
import io.mixnetspark.train.EpochTrainer;
import io.mixnetspark.train.GradientSync;
import io.mixnetspark.train.TrainingRecipe;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code TrainStepBenchmark} measures the speed of one worker's training step (forward in training
 * mode, label-smoothed loss, backward, SGD momentum update) on the CPU: per batch shape, a few
 * warmup steps, then timed steps, reported as milliseconds per step and images per second. The
 * batches are random pixels made before timing, so decoding and augmentation are not included
 * (see the decode benchmark for those), nor is gradient exchange between workers. The network has
 * 1000 classes, as on ImageNet.
 *
 * <pre>
 * usage: TrainStepBenchmark [--model mixnet_s] [--shape 32x224 --shape 64x128] [--warmup 3] [--steps 10]
 *     [--precision float32|float16] [--cpu_replicas N]
 * </pre>
 *
 * <p>{@code --cpu_replicas} is {@link TrainingRecipe#cpuReplicas()}: 0 (the default, one replica per
 * PyTorch thread) or a count; the report names the replicas a step used.
 */
public final class TrainStepBenchmark {

    private TrainStepBenchmark() {}

    /**
     * Runs the benchmark and prints a Markdown table.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        run(Options.parse(args), System.out);
    }

    /**
     * Runs the benchmark.
     *
     * @param options what to measure
     * @param out where the report goes
     */
    static void run(Options options, PrintStream out) {
        out.println("Training step, " + options.variant() + ", CPU, PyTorch "
                + OfflineEngine.pytorch().getVersion() + ", " + Machine.describe());
        out.println("Numerics: " + Numerics.ensureChecked().summary());
        out.println();
        out.println("| model | precision | replicas | batch | size | warmup steps | timed steps | ms/step"
                + " | images/s |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Options.BatchShape shape : options.shapes()) {
            Measured timed = measure(options, shape);
            out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %.0f | %.1f |%n", options.variant(),
                    options.half() ? "float16" : "float32", timed.replicas(), shape.batch(), shape.size(),
                    options.warmup(), options.steps(), timed.stats().msPerStep(), timed.stats().imagesPerSecond());
        }
    }

    /** The timed steps, and how many replicas each used. */
    private record Measured(EpochStats stats, int replicas) {}

    private static Measured measure(Options options, Options.BatchShape shape) {
        OfflineEngine.pytorch().setRandomSeed(0);
        MixNetConfig config = MixNetConfig.builder(options.variant()).build();
        TrainingRecipe recipe = TrainingRecipe.builder()
                .setEpochs(1)
                .setBatchSize(shape.batch())
                .setLr(0.01)
                .optImageSize(shape.size())
                .optCpuReplicas(options.cpuReplicas())
                .build();
        Batch batch = randomBatch(shape, config.numClasses());
        try (MixNetModel model = MixNetModel.create(config, Device.cpu());
                EpochTrainer trainer = new EpochTrainer(model, recipe, options.warmup() + options.steps(),
                        GradientSync.LOCAL, options.half() ? DynamicLossScale.pytorchDefaults() : null)) {
            if (options.warmup() > 0) {
                trainer.trainEpoch(Collections.nCopies(options.warmup(), batch).iterator());
            }
            return new Measured(trainer.trainEpoch(Collections.nCopies(options.steps(), batch).iterator()),
                    trainer.replicasFor(shape.batch()));
        }
    }

    private static Batch randomBatch(Options.BatchShape shape, int classes) {
        Random random = new Random(1);
        float[] pixels = new float[shape.batch() * 3 * shape.size() * shape.size()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[shape.batch()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(classes);
        }
        return new Batch(pixels, labels, shape.size(), shape.size());
    }

    /**
     * The benchmark's options.
     *
     * @param variant the network
     * @param shapes batch shapes to measure
     * @param warmup untimed steps per shape
     * @param steps timed steps per shape
     * @param half whether to train in float16 under a loss scale (mixed precision) instead of float32
     * @param cpuReplicas replicas per step on the CPU, 0 for one per PyTorch thread
     */
    record Options(MixNetVariant variant, List<BatchShape> shapes, int warmup, int steps, boolean half,
            int cpuReplicas) {

        static final String USAGE = "usage: TrainStepBenchmark [--model mixnet_s] [--shape BATCHxSIZE ...]"
                + " [--warmup N] [--steps N] [--precision float32|float16] [--cpu_replicas N]";

        /**
         * A batch size and an image side.
         *
         * @param batch images per step
         * @param size image side in pixels
         */
        record BatchShape(int batch, int size) {
            static BatchShape parse(String text) {
                String[] parts = text.toLowerCase(Locale.ROOT).split("x");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("--shape wants BATCHxSIZE, e.g. 32x224, got " + text);
                }
                return new BatchShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        }

        static Options parse(String[] args) {
            MixNetVariant variant = MixNetVariant.MIXNET_S;
            List<BatchShape> shapes = new ArrayList<>();
            int warmup = 3;
            int steps = 10;
            boolean half = false;
            int cpuReplicas = 0;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + args[i] + "\n" + USAGE);
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--model" -> variant = MixNetVariant.fromName(value);
                    case "--shape" -> shapes.add(BatchShape.parse(value));
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--steps" -> steps = Integer.parseInt(value);
                    case "--cpu_replicas" -> cpuReplicas = Integer.parseInt(value);
                    case "--precision" -> half = switch (value) {
                        case "float32" -> false;
                        case "float16" -> true;
                        default -> throw new IllegalArgumentException(
                                "--precision is float32 or float16, got " + value + "\n" + USAGE);
                    };
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
                }
            }
            if (shapes.isEmpty()) {
                shapes = List.of(new BatchShape(32, 224), new BatchShape(64, 128));
            }
            if (warmup < 0 || steps < 1 || cpuReplicas < 0) {
                throw new IllegalArgumentException(USAGE);
            }
            return new Options(variant, List.copyOf(shapes), warmup, steps, half, cpuReplicas);
        }
    }
}
