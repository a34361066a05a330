package io.mixnetspark.collective;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code NamedTimeout} is a time limit together with the name of the setting that chose it, so that
 * the error raised when it runs out tells the user what to raise, e.g. {@code collective timeout 60
 * s (spark param collectiveTimeout) exceeded waiting for rank 2}.
 *
 * @param duration the limit, positive
 * @param setting the setting's name as the user knows it, e.g. {@code "spark param collectiveTimeout"}
 */
public record NamedTimeout(Duration duration, String setting) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException when the duration is not positive
     */
    public NamedTimeout {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(setting, "setting");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(setting + " must be positive, got " + duration);
        }
    }

    /**
     * Returns the exception for this timeout having run out.
     *
     * @param kind which timeout, e.g. {@code "collective timeout"}
     * @param waitingFor what was waited for, e.g. {@code "rank 2 (10.0.0.5:40001) to send allReduce step 3"}
     * @return the exception to throw
     */
    CollectiveTimeoutException exceeded(String kind, String waitingFor) {
        return new CollectiveTimeoutException(kind + " " + describe() + " (" + setting + ") exceeded waiting for "
                + waitingFor);
    }

    /** Seconds when whole, else milliseconds. */
    private String describe() {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%d ms", millis);
    }
}
