package io.mixnetspark.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code CliReference} writes {@code docs/cli.md}, the command-line reference, from the usage help
 * of {@code mixnet} and every subcommand, so the page says what the commands accept and cannot
 * drift from them. The help is rendered without colours at a fixed width, so the page is the same
 * on every machine; {@code CliReferenceTest} fails when the committed page differs.
 */
public final class CliReference {

    /** Where the reference is kept, relative to the project folder. */
    public static final Path PAGE = Path.of("docs", "cli.md");

    /** The command that writes {@link #PAGE} again, run from the project folder. */
    public static final String REGENERATE =
            "mvn -B -q compile exec:java -Dexec.mainClass=io.mixnetspark.cli.CliReference"
                    + " -Dexec.classpathScope=compile";

    private static final int WIDTH = 100;

    private CliReference() {}

    /**
     * Renders the reference: a contents list, then one section per command in the order
     * {@code mixnet --help} lists them, each holding that command's usage help.
     *
     * @return the Markdown text of {@link #PAGE}
     */
    public static String markdown() {
        List<CommandLine> commands = new ArrayList<>();
        collect(new CommandLine(new MixNetCli()), commands);
        StringBuilder md = new StringBuilder()
                .append("# Command-line reference\n\n")
                .append("Generated from the commands' own usage help (`mixnet COMMAND --help`) by\n")
                .append("`io.mixnetspark.cli.CliReference`; do not edit it by hand. After changing a command, run\n\n")
                .append("```bash\n").append(REGENERATE).append("\n```\n\n")
                .append("from the project folder (`CliReferenceTest` fails until then). Task-level guides are in\n")
                .append("[the documentation index](README.md).\n\n");
        for (CommandLine c : commands) {
            md.append("- [`").append(name(c)).append("`](#").append(anchor(c)).append(")\n");
        }
        for (CommandLine c : commands) {
            String usage = c.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
            md.append("\n## ").append(name(c)).append("\n\n```text\n")
                    .append(usage.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse(""))
                    .append("\n```\n");
        }
        return md.toString();
    }

    /**
     * Writes {@link #PAGE}, or the file named by the first argument.
     *
     * @param args optionally, where to write instead of {@code docs/cli.md}
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0]) : PAGE;
        Files.writeString(out, markdown(), StandardCharsets.UTF_8);
        System.out.println("Wrote " + out);
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        command.setUsageHelpAutoWidth(false);
        command.setUsageHelpWidth(WIDTH);
        into.add(command);
        for (CommandLine sub : command.getSubcommands().values()) {
            if (!into.contains(sub)) {
                collect(sub, into);
            }
        }
    }

    private static String name(CommandLine command) {
        return command.getCommandSpec().qualifiedName(" ");
    }

    private static String anchor(CommandLine command) {
        return name(command).replace(' ', '-');
    }
}
