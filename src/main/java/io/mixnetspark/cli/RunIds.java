package io.mixnetspark.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** {@code RunIds} makes the run ids commands use when none is given: kind, local time, random suffix. */
final class RunIds {

    private RunIds() {}

    /**
     * Makes a new run id, e.g. {@code validate-20250101-120000-1a2b3c4d}.
     *
     * @param kind the run kind
     * @return the id
     */
    static String next(String kind) {
        return kind + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
