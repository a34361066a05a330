package io.mixnetspark.collective.bench;

import io.mixnetspark.collective.PeerAddress;
import io.mixnetspark.collective.RingCollective;
import io.mixnetspark.collective.RingListener;
import io.mixnetspark.collective.StageSecret;
import io.mixnetspark.collective.WireFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * {@code AllReduceBenchmark} measures the ring allReduce of MixNet-S's full gradient (4,134,606
 * float32 values, 16.5 MB by default) between N ranks on loopback, each rank a child JVM limited to
 * one processor (or, with {@code --threads}, a thread of this JVM), next to the ring's lower bound
 * {@code 2 (N - 1) / N x bytes / loopback bandwidth}, the bandwidth measured in the same run by a
 * single-stream copy of the same bytes. A round's time is that of its slowest rank; the table shows
 * the median and best of the timed rounds, and checks that all ranks ended with the same bits.
 *
 * <pre>
 * usage: AllReduceBenchmark [--ranks 2,4,8] [--values 4134606] [--warmup 2] [--rounds 5]
 *     [--wire float32|float16|bfloat16] [--threads]
 * </pre>
 */
public final class AllReduceBenchmark {

    private AllReduceBenchmark() {}

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
     * @param out where the table goes
     */
    static void run(Options options, PrintStream out) {
        int bytes = options.values() * 4;
        double bandwidth = LoopbackBandwidth.bytesPerSecond(bytes, 5);
        out.printf(Locale.ROOT, "Ring allReduce of %,d float32 values (%.1f MB), wire %s, %s, %d cores;"
                + " loopback single stream %.0f MB/s%n%n", options.values(), bytes / 1e6, options.wire(),
                options.threads() ? "ranks as threads" : "ranks as 1-processor JVMs",
                Runtime.getRuntime().availableProcessors(), bandwidth / 1e6);
        out.println("| ranks | median ms | best ms | lower bound ms | median / bound | identical bits |");
        out.println("|---:|---:|---:|---:|---:|:---|");
        for (int n : options.ranks()) {
            List<String> results = options.threads() ? onThreads(n, options) : inProcesses(n, options);
            double[] rounds = slowestPerRound(results, options.rounds());
            double bound = 2.0 * (n - 1) / n * bytes / bandwidth * 1e3;
            double median = median(rounds);
            boolean identical = results.stream().map(r -> r.split(" ")[1]).distinct().count() == 1;
            out.printf(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %.1f | %s |%n", n, median,
                    Arrays.stream(rounds).min().orElse(0), bound, median / bound, identical ? "yes" : "NO");
        }
    }

    /** Runs N ranks on threads of this JVM. */
    private static List<String> onThreads(int n, Options options) {
        StageSecret secret = StageSecret.generate();
        List<RingListener> listeners = new ArrayList<>();
        try {
            for (int rank = 0; rank < n; rank++) {
                listeners.add(RingListener.open(BenchRank.settings(options.wire())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<PeerAddress> peers = listeners.stream().map(RingListener::address).toList();
        List<CompletableFuture<String>> ranks = new ArrayList<>();
        for (int rank = 0; rank < n; rank++) {
            int r = rank;
            ranks.add(CompletableFuture.supplyAsync(() -> {
                try (RingCollective ring = listeners.get(r).join(r, peers, secret)) {
                    return BenchRank.time(ring, options.values(), options.warmup(), options.rounds());
                }
            }, task -> new Thread(task, "rank-" + r).start()));
        }
        return ranks.stream().map(CompletableFuture::join).toList();
    }

    /** Runs N ranks as child JVMs with one processor each. */
    private static List<String> inProcesses(int n, Options options) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        try {
            for (int rank = 0; rank < n; rank++) {
                children.add(new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=1",
                        "-cp", System.getProperty("java.class.path"), BenchRank.class.getName(),
                        Integer.toString(options.values()), Integer.toString(options.warmup()),
                        Integer.toString(options.rounds()), options.wire().name())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
            List<BufferedReader> outputs = children.stream().map(p -> new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))).toList();
            List<String> addresses = new ArrayList<>();
            for (BufferedReader output : outputs) {
                addresses.add(expect(output, "ADDRESS "));
            }
            String secret = StageSecret.generate().encoded();
            for (int rank = 0; rank < n; rank++) {
                Writer input = new OutputStreamWriter(children.get(rank).getOutputStream(),
                        StandardCharsets.UTF_8);
                input.write(rank + " " + secret + " " + String.join(",", addresses) + "\n");
                input.flush();
            }
            List<String> results = new ArrayList<>();
            for (BufferedReader output : outputs) {
                results.add(expect(output, "RESULT "));
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            children.forEach(Process::destroy);
        }
    }

    /** Reads lines until one starts with the prefix; returns the rest of it. */
    private static String expect(BufferedReader output, String prefix) throws IOException {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new IllegalStateException("a rank ended without printing " + prefix.trim());
    }

    /** The slowest rank's time of each round. */
    private static double[] slowestPerRound(List<String> results, int rounds) {
        double[] slowest = new double[rounds];
        for (String result : results) {
            String[] millis = result.split(" ")[2].split(",");
            for (int i = 0; i < rounds; i++) {
                slowest[i] = Math.max(slowest[i], Double.parseDouble(millis[i]));
            }
        }
        return slowest;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The command line. */
    record Options(int[] ranks, int values, int warmup, int rounds, WireFormat wire, boolean threads) {

        static Options parse(String[] args) {
            int[] ranks = {2, 4, 8};
            int values = 4_134_606;
            int warmup = 2;
            int rounds = 5;
            WireFormat wire = WireFormat.FLOAT32;
            boolean threads = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--ranks" -> ranks = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                    case "--values" -> values = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--wire" -> wire = WireFormat.valueOf(args[++i].toUpperCase(Locale.ROOT));
                    case "--threads" -> threads = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage:"
                            + " [--ranks 2,4,8] [--values N] [--warmup N] [--rounds N]"
                            + " [--wire float32|float16|bfloat16] [--threads]");
                }
            }
            if (rounds < 1) {
                throw new IllegalArgumentException("--rounds must be at least 1");
            }
            return new Options(ranks, values, warmup, rounds, wire, threads);
        }
    }
}
