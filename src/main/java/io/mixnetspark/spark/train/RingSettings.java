package io.mixnetspark.spark.train;

import io.mixnetspark.collective.CollectiveSettings;
import io.mixnetspark.collective.NamedTimeout;
import io.mixnetspark.collective.PortRange;
import io.mixnetspark.collective.StageSecret;
import io.mixnetspark.collective.WireFormat;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code RingSettings} is what the driver tells the training workers about the ring they form for
 * the gradient exchange: the fit's secret (each stage attempt derives its own from it) and the
 * {@code collective*} params.
 *
 * @param secret the fit's {@link StageSecret}, encoded
 * @param timeoutSeconds the connect and per-step exchange timeout ({@code collectiveTimeout})
 * @param ports where workers listen ({@code collectivePorts}): {@code 0} or {@code first-last}
 * @param wire the wire format ({@code collectiveWire}): float32, float16 or bfloat16
 */
public record RingSettings(String secret, int timeoutSeconds, String ports, String wire) implements Serializable {

    /** The timeouts' name in their errors, so the user knows what to raise. */
    static final String TIMEOUT_PARAM = "spark param collectiveTimeout";

    /**
     * Returns settings with a fresh secret, made on the driver once per fit.
     *
     * @param timeoutSeconds the timeout
     * @param ports the port range
     * @param wire the wire format
     * @return the settings
     */
    public static RingSettings withNewSecret(int timeoutSeconds, String ports, String wire) {
        return new RingSettings(StageSecret.generate().encoded(), timeoutSeconds, ports, wire);
    }

    /**
     * Returns one worker's collective settings.
     *
     * @param host the executor's host, where the worker listens and which it publishes
     * @return the settings
     */
    CollectiveSettings on(String host) {
        NamedTimeout timeout = new NamedTimeout(Duration.ofSeconds(timeoutSeconds), TIMEOUT_PARAM);
        return new CollectiveSettings(host, PortRange.parse(ports), timeout, timeout,
                WireFormat.valueOf(wire.toUpperCase(Locale.ROOT)));
    }

    /**
     * Returns the secret of one stage attempt, so a retried stage cannot be joined by a task of
     * an earlier attempt.
     *
     * @param stageAttempt the stage attempt number
     * @return the secret
     */
    StageSecret secretFor(int stageAttempt) {
        return StageSecret.decode(secret).derive("attempt " + stageAttempt);
    }

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
        return "RingSettings[timeoutSeconds=" + timeoutSeconds + ", ports=" + ports + ", wire=" + wire + "]";
    }
}
