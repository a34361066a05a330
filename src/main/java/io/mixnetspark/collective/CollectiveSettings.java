package io.mixnetspark.collective;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code CollectiveSettings} are one rank's choices for the ring: where it listens, how long it
 * waits, and the wire format of allReduce (which all ranks must share: the handshake checks it).
 *
 * @param host the local address to bind, which is also the address published to the other
 *     ranks (in Spark, the executor's host); never a wildcard, so the ring listens only there
 * @param ports where to listen: {@link PortRange#EPHEMERAL} or a range opened in the firewall
 * @param connectTimeout the longest wait for the ring to form (connect, accept, handshake)
 * @param exchangeTimeout the longest wait for one ring step: a neighbour's chunk to arrive and ours
 *     to be taken; a stalled or dead peer fails the operation after at most this long
 * @param wire how allReduce sends floats ({@link WireFormat#FLOAT32} unless compressing)
 */
public record CollectiveSettings(String host, PortRange ports, NamedTimeout connectTimeout,
        NamedTimeout exchangeTimeout, WireFormat wire) {

    /**
     * Checks the fields.
     *
     * @throws NullPointerException when one is missing
     */
    public CollectiveSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(exchangeTimeout, "exchangeTimeout");
        Objects.requireNonNull(wire, "wire");
    }

    /**
     * Returns the defaults on a host: an ephemeral port, 60 s to connect, 60 s per ring step,
     * float32 on the wire; the timeouts are named after these settings' fields.
     *
     * @param host the address to bind and publish
     * @return the settings
     */
    public static CollectiveSettings defaults(String host) {
        return new CollectiveSettings(host, PortRange.EPHEMERAL,
                new NamedTimeout(Duration.ofSeconds(60), "CollectiveSettings.connectTimeout"),
                new NamedTimeout(Duration.ofSeconds(60), "CollectiveSettings.exchangeTimeout"), WireFormat.FLOAT32);
    }
}
