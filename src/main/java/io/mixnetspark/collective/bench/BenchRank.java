package io.mixnetspark.collective.bench;

import io.mixnetspark.collective.CollectiveSettings;
import io.mixnetspark.collective.PeerAddress;
import io.mixnetspark.collective.RingCollective;
import io.mixnetspark.collective.RingListener;
import io.mixnetspark.collective.StageSecret;
import io.mixnetspark.collective.WireFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * {@code BenchRank} is one rank of {@link AllReduceBenchmark}: on a thread, or as the main class of
 * a child JVM that talks to the benchmark over its standard streams (it prints {@code ADDRESS
 * host:port}, reads {@code rank secret address,address,...}, and prints {@code RESULT rank
 * checksum millis,millis,...}).
 */
public final class BenchRank {

    private BenchRank() {}

    /**
     * Runs one rank in a child JVM.
     *
     * @param args the number of values, warmup rounds, timed rounds, and the wire format
     * @throws IOException when the listener cannot open or the parent's line cannot be read
     */
    public static void main(String[] args) throws IOException {
        int values = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        CollectiveSettings settings = settings(WireFormat.valueOf(args[3]));
        try (RingListener listener = RingListener.open(settings)) {
            System.out.println("ADDRESS " + listener.address());
            System.out.flush();
            String[] line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine()
                    .split(" ");
            int rank = Integer.parseInt(line[0]);
            List<PeerAddress> peers = Arrays.stream(line[2].split(",")).map(PeerAddress::parse).toList();
            try (RingCollective ring = listener.join(rank, peers, StageSecret.decode(line[1]))) {
                System.out.println("RESULT " + time(ring, values, warmup, rounds));
            }
        }
    }

    /** Loopback, ephemeral ports, generous timeouts (the shared CPU can be slow). */
    static CollectiveSettings settings(WireFormat wire) {
        CollectiveSettings defaults = CollectiveSettings.defaults("127.0.0.1");
        return new CollectiveSettings(defaults.host(), defaults.ports(), defaults.connectTimeout(),
                defaults.exchangeTimeout(), wire);
    }

    /**
     * Times {@code rounds} allReduce calls of {@code values} random floats, after {@code warmup}
     * untimed ones; an allGather of nothing lines the ranks up before each.
     *
     * @return {@code rank checksum millis,millis,...}, the checksum over the last result's bits
     */
    static String time(RingCollective ring, int values, int warmup, int rounds) {
        float[] pristine = new float[values];
        Random random = new Random(ring.rank());
        for (int i = 0; i < values; i++) {
            pristine[i] = (float) random.nextGaussian();
        }
        float[] gradient = new float[values];
        double[] millis = new double[rounds];
        for (int round = -warmup; round < rounds; round++) {
            System.arraycopy(pristine, 0, gradient, 0, values);
            ring.allGather(new byte[0]);
            long start = System.nanoTime();
            ring.allReduce(gradient);
            if (round >= 0) {
                millis[round] = (System.nanoTime() - start) / 1e6;
            }
        }
        return ring.rank() + " " + Arrays.hashCode(gradient) + " "
                + Arrays.stream(millis).mapToObj(m -> String.format(java.util.Locale.ROOT, "%.2f", m))
                        .collect(Collectors.joining(","));
    }
}
