package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every subcommand, nested ones included, answers {@code --help}; an unknown flag is a usage error. */
class CliHelpTest {

    @Test
    void everySubcommandPrintsItsHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(MixNetCli.commandLine(), new ArrayList<>(), paths);
        assertTrue(paths.size() >= 7, paths.toString());
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(new String[0]));
            assertEquals(0, run.exitCode(), path + ": " + run.err());
            assertTrue(run.out().contains("Usage: mixnet " + String.join(" ", path)), path + ": " + run.out());
            assertTrue(run.out().contains("--verbose"), path + " offers --verbose");
        }
    }

    @Test
    void anUnknownFlagIsAUsageError() {
        CliRun run = CliRun.of("info", "--no-such-flag");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--no-such-flag"), run.err());
    }

    private static void collect(CommandLine command, List<String> prefix, List<List<String>> out) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> path = new ArrayList<>(prefix);
                path.add(name);
                out.add(path);
                collect(sub, path, out);
            }
        });
    }
}
