package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.LocalSparkSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mixnet sql-server}'s refusals, usage errors with a reason: an unauthenticated non-loopback
 * address, a port out of range. (The server itself: {@code SqlServerTest}.)
 */
class SqlServerCommandTest {

    @AfterAll
    static void stopSpark() {
        LocalSparkSessions.stopActive();
    }

    @Test
    void refusesANonLoopbackAddressWithoutAuthenticationOrInsecure() {
        CliRun run = CliRun.of("sql-server", "--host", "0.0.0.0", "--port", "0");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("refusing to serve the catalog on 0.0.0.0 without authentication"), run.err());
        assertTrue(run.err().contains("--insecure"), run.err());
    }

    @Test
    void refusesAPortOutOfRange() {
        CliRun run = CliRun.of("sql-server", "--port", "70000");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--port must be between 0 and 65535"), run.err());
    }
}
