package io.mixnetspark.data.bench;

import io.mixnetspark.data.decode.JpegBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code BenchOptions} are the benchmark's command-line options.
 *
 * @param sets named folders of images, each measured separately
 * @param limit at most this many images per set (sorted by path)
 * @param rounds measured rounds; each round runs every pipeline once, interleaved
 * @param threads threads for the parallel Java measurement
 * @param python the Python with PIL and NumPy, or null to measure Java only
 * @param pilScript the PIL side's script
 * @param backend the JPEG backend the Java side uses
 */
record BenchOptions(List<BenchSet> sets, int limit, int rounds, int threads, String python, Path pilScript,
        JpegBackend backend) {

    static final String USAGE = "usage: DecodeBenchmark --set NAME=DIR [--set ...] [--limit N] [--rounds N]"
            + " [--threads N] [--backend AUTO|TURBOJPEG|OPENCV|IMAGEIO]"
            + " [--pil PYTHON --pil-script scripts/pil_decode_bench.py]";

    /**
     * Parses the arguments.
     *
     * @param args command line
     * @return the options
     * @throws IllegalArgumentException on an unknown or incomplete option
     */
    static BenchOptions parse(String[] args) {
        List<BenchSet> sets = new ArrayList<>();
        int limit = 500;
        int rounds = 5;
        int threads = Runtime.getRuntime().availableProcessors();
        String python = null;
        Path script = Path.of("scripts", "pil_decode_bench.py");
        JpegBackend backend = JpegBackend.AUTO;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException("missing value after " + args[i] + "\n" + USAGE);
            }
            switch (args[i]) {
                case "--set" -> sets.add(BenchSet.parse(value));
                case "--limit" -> limit = Integer.parseInt(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--pil" -> python = value;
                case "--pil-script" -> script = Path.of(value);
                case "--backend" -> backend = JpegBackend.valueOf(value.toUpperCase(java.util.Locale.ROOT));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
            i++;
        }
        if (sets.isEmpty() || limit < 1 || rounds < 1 || threads < 1) {
            throw new IllegalArgumentException(USAGE);
        }
        return new BenchOptions(List.copyOf(sets), limit, rounds, threads, python, script, backend);
    }

    /**
     * A named folder of images.
     *
     * @param name how the report calls it
     * @param folder searched recursively for .jpg/.jpeg files
     */
    record BenchSet(String name, Path folder) {

        static BenchSet parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--set needs NAME=DIR, got " + spec);
            }
            return new BenchSet(spec.substring(0, eq), Path.of(spec.substring(eq + 1)));
        }
    }
}
