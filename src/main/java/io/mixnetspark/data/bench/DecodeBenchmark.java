package io.mixnetspark.data.bench;

import io.mixnetspark.data.decode.DecodeOptions;
import io.mixnetspark.data.decode.ImageDecoder;
import io.mixnetspark.data.decode.ParallelDecoder;
import io.mixnetspark.data.transform.EvalTransform;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code DecodeBenchmark} measures decode + eval preprocessing (encoded bytes to the normalised
 * 224x224 CHW tensor MixNet takes) in images per second, for this project's decoder and for PIL on
 * the same machine in the same run: per set of images, each round runs Java exact, Java with
 * DCT-domain reduction, PIL without and with {@code draft}, all on one thread (so images/s is per
 * core), then Java on {@code --threads} threads. Rounds are interleaved so that load from other
 * processes hits both sides alike; the report gives medians (and bests) and the same-run ratios,
 * plus the pixel difference of the reduced paths from the exact ones.
 *
 * <p>Run through {@code scripts/decode-bench.sh}, which builds the class path and makes the larger
 * JPEGs; {@code java ... DecodeBenchmark} without arguments prints the options.
 */
public final class DecodeBenchmark {

    private static final int REDUCE_TO = 256;

    private DecodeBenchmark() {}

    /**
     * Runs the benchmark and prints a Markdown report.
     *
     * @param args see {@link BenchOptions#USAGE}
     * @throws IOException when images cannot be read or the PIL side fails
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        run(BenchOptions.parse(args), System.out);
    }

    static void run(BenchOptions options, PrintStream out) throws IOException {
        DecodeOptions decodeOptions = DecodeOptions.defaults().withJpegBackend(options.backend());
        ImageDecoder exactDecoder = new ImageDecoder(decodeOptions);
        ImageDecoder reducedDecoder = new ImageDecoder(decodeOptions.withReduceToAtLeast(REDUCE_TO));
        JavaPipeline exact = new JavaPipeline(exactDecoder);
        JavaPipeline reduced = new JavaPipeline(reducedDecoder);
        PilPipeline pil = options.python() == null ? null : new PilPipeline(options.python(), options.pilScript());
        Path tmp = Files.createTempDirectory("decode-bench");
        List<String> rows = new ArrayList<>();
        List<String> diffRows = new ArrayList<>();
        String pilVersion = "not measured";
        try (ParallelDecoder exactPool = new ParallelDecoder(exactDecoder, options.threads());
                ParallelDecoder reducedPool = new ParallelDecoder(reducedDecoder, options.threads())) {
            for (BenchOptions.BenchSet set : options.sets()) {
                List<Path> files = images(set.folder(), options.limit());
                List<byte[]> data = new ArrayList<>();
                for (Path f : files) {
                    data.add(Files.readAllBytes(f));
                }
                Path list = PilPipeline.writeList(files, tmp);
                exact.singleThread(data); // warm-up passes, untimed
                reduced.singleThread(data);
                double[][] m = new double[6][options.rounds()];
                PilPipeline.Result pilResult = null;
                for (int r = 0; r < options.rounds(); r++) {
                    m[0][r] = exact.singleThread(data);
                    m[1][r] = reduced.singleThread(data);
                    if (pil != null) {
                        pilResult = pil.run(list);
                        m[2][r] = pilResult.plain();
                        m[3][r] = pilResult.draft();
                    }
                    m[4][r] = exact.parallel(data, exactPool);
                    m[5][r] = reduced.parallel(data, reducedPool);
                }
                rows.add(row(set.name(), data.size(), m, pil != null, options.threads()));
                diffRows.add(diffRow(set.name(), data, exactDecoder, reducedDecoder, pilResult));
                if (pilResult != null) {
                    pilVersion = pilResult.version();
                }
            }
        } finally {
            try (Stream<Path> left = Files.list(tmp)) {
                for (Path p : left.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(tmp);
        }
        printReport(out, options, pilVersion, rows, diffRows);
        out.printf(Locale.ROOT, "%n(checksum %.3f)%n", exact.checksum() + reduced.checksum());
    }

    private static void printReport(PrintStream out, BenchOptions o, String pilVersion, List<String> rows,
            List<String> diffRows) {
        out.println("Machine: " + Machine.describe() + "; Java " + Runtime.version()
                + "; JPEG backend: " + o.backend().resolve() + " = " + o.backend().describe()
                + "; PIL " + pilVersion);
        out.println("Rounds: " + o.rounds() + ", interleaved; median images/s (best in brackets);"
                + " 1 thread unless marked; ratio = Java / PIL (medians).");
        out.println();
        out.println("| set | images | Java exact | PIL | ratio | Java DCT-reduced | PIL draft | ratio"
                + " | Java exact, " + o.threads() + " threads | Java reduced, " + o.threads() + " threads |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(out::println);
        out.println();
        out.println("Eval crops (224x224, 8-bit) of the reduced paths against the exact paths, levels of 255:");
        out.println();
        out.println("| set | Java reduced vs exact: mean | max | PIL draft vs plain: mean | max |");
        out.println("|---|---:|---:|---:|---:|");
        diffRows.forEach(out::println);
    }

    private static String row(String name, int images, double[][] m, boolean withPil, int threads) {
        double[] med = new double[m.length];
        double[] best = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double[] sorted = m[i].clone();
            Arrays.sort(sorted);
            med[i] = sorted[sorted.length / 2];
            best[i] = sorted[sorted.length - 1];
        }
        String pil = withPil ? cell(med[2], best[2]) : "-";
        String pilDraft = withPil ? cell(med[3], best[3]) : "-";
        String ratio = withPil ? String.format(Locale.ROOT, "%.2fx", med[0] / med[2]) : "-";
        String ratioDraft = withPil ? String.format(Locale.ROOT, "%.2fx", med[1] / med[3]) : "-";
        return "| " + name + " | " + images + " | " + cell(med[0], best[0]) + " | " + pil + " | " + ratio
                + " | " + cell(med[1], best[1]) + " | " + pilDraft + " | " + ratioDraft
                + " | " + cell(med[4], best[4]) + " | " + cell(med[5], best[5]) + " |";
    }

    private static String cell(double median, double best) {
        return String.format(Locale.ROOT, "%.0f (%.0f)", median, best);
    }

    private static String diffRow(String name, List<byte[]> data, ImageDecoder exact, ImageDecoder reduced,
            PilPipeline.Result pil) {
        EvalTransform eval = EvalTransform.mixnet();
        long sum = 0;
        long count = 0;
        int max = 0;
        for (byte[] image : data) {
            byte[] a = eval.resizeAndCrop(exact.decode(image).image()).pixels();
            byte[] b = eval.resizeAndCrop(reduced.decode(image).image()).pixels();
            for (int i = 0; i < a.length; i++) {
                int d = Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
                sum += d;
                max = Math.max(max, d);
            }
            count += a.length;
        }
        String pilCells = pil == null ? "- | -" : String.format(Locale.ROOT, "%.3f | %d", pil.diffMean(), pil.diffMax());
        return String.format(Locale.ROOT, "| %s | %.3f | %d | %s |", name, sum / (double) count, max, pilCells);
    }

    /** JPEG files under a folder, sorted, evenly thinned to at most {@code limit}. */
    static List<Path> images(Path folder, int limit) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(folder)) {
            all = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.jpe?g"))
                    .sorted()
                    .toList();
        }
        if (all.isEmpty()) {
            throw new IOException("no .jpg/.jpeg files under " + folder);
        }
        int step = Math.max(1, all.size() / limit);
        List<Path> picked = new ArrayList<>();
        for (int i = 0; i < all.size() && picked.size() < limit; i += step) {
            picked.add(all.get(i));
        }
        return picked;
    }
}
