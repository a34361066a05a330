package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The committed command-line reference, {@code docs/cli.md}, is what {@link CliReference} makes from
 * the commands as they are now, so the page never drifts from the options they accept.
 */
class CliReferenceTest {

    @Test
    void committedReferenceMatchesTheCommands() throws Exception {
        String committed = Files.readString(CliReference.PAGE, StandardCharsets.UTF_8);
        assertEquals(CliReference.markdown(), committed,
                CliReference.PAGE + " is out of date with the commands; regenerate it with: " + CliReference.REGENERATE);
    }

    @Test
    void everySubcommandHasASection() {
        String page = CliReference.markdown();
        for (String command : MixNetCli.commandLine().getSubcommands().keySet()) {
            assertTrue(page.contains("\n## mixnet " + command + "\n"), command);
        }
        assertTrue(page.contains("\n## mixnet bench forward\n"), "nested subcommands too");
    }
}
