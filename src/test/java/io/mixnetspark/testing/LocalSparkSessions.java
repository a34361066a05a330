package io.mixnetspark.testing;

import org.apache.spark.sql.SparkSession;

/**
 * {@code LocalSparkSessions} starts the small local Spark session tests share: {@code local[2]},
 * no UI, loopback networking, two shuffle partitions. One per test class; stop it in
 * {@code @AfterAll}.
 */
public final class LocalSparkSessions {

    private LocalSparkSessions() {}

    /**
     * Starts (or returns the running) test session.
     *
     * @param appName the application name
     * @return the session
     */
    public static SparkSession start(String appName) {
        return builder(appName).getOrCreate();
    }

    /**
     * Returns the builder of the test session, for a test that adds settings.
     *
     * @param appName the application name
     * @return the builder
     */
    public static SparkSession.Builder builder(String appName) {
        return SparkSession.builder()
                .appName(appName)
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2");
    }

    /** Stops the active session, if any (for {@code @AfterAll} of tests whose code under test starts it). */
    public static void stopActive() {
        if (SparkSession.getActiveSession().isDefined()) {
            SparkSession.active().stop();
        }
    }
}
