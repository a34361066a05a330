package io.mixnetspark.cli;

import io.mixnetspark.hub.HubException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * {@code MixNetCli} is the entry point of {@code ./mixnet}: a picocli command whose subcommands do
 * what a user does with MixNet. Exit codes: 0 success, 1 a failure while running (with the
 * reason), 2 a usage error (bad flag, bad value).
 */
@Command(name = "mixnet", mixinStandardHelpOptions = true, versionProvider = MixNetCli.Version.class,
        description = "MixNet image classification on Apache Spark and DJL.",
        subcommands = {QuickstartCommand.class, InfoCommand.class, InferTensorCommand.class, ConvertCommand.class, ShardCommand.class, TrainCommand.class,
            PredictCommand.class, ValidateCommand.class, ReportCommand.class, SqlCommand.class, SqlServerCommand.class, PretrainedCommand.class, BenchCommand.class})
public final class MixNetCli implements Runnable {

    /** Exit code for a failure while running. */
    public static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Shows Spark's and mixnet-spark's INFO logs and a failure's traces on standard error (the
     * launcher's {@code conf/log4j2.properties} shows only warnings there and writes the rest to
     * the log file). Accepted by every subcommand.
     *
     * @param verbose whether to log at INFO
     */
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show Spark's INFO logs and failures' traces (default: warnings only; all in the log file).")
    void setVerbose(boolean verbose) {
        if (verbose) {
            CliLogging.verbose();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Builds the command line with the project's error handling.
     *
     * @return the configured picocli command line
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new MixNetCli());
        cli.setExecutionExceptionHandler(new FailureReporter());
        return cli;
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * Prints a failure as one line: the reason (the innermost cause's message: what a failed
     * Spark task threw, not Spark's wrapping of it) and where its trace went; returns {@link
     * #EXIT_FAILURE} (2 for a bad value).
     */
    static final class FailureReporter implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
            PrintWriter err = cli.getErr();
            if (e instanceof IllegalArgumentException) {
                err.println("mixnet " + cli.getCommandName() + ": " + e.getMessage());
                err.flush();
                return cli.getCommandSpec().exitCodeOnInvalidInput();
            }
            if (e instanceof HubException || e.getCause() instanceof HubException) {
                // an expected failure whose message says what to do: one line, no class name
                err.println("mixnet " + cli.getCommandName() + ": " + e.getMessage());
                err.flush();
                return EXIT_FAILURE;
            }
            CliLogging.recordFailure(cli.getCommandName(), e);
            err.println("mixnet " + cli.getCommandName() + " failed: " + reason(e)
                    + CliLogging.logFile().map(f -> " (trace in " + f + ")").orElse(""));
            if (Boolean.getBoolean("mixnet.debug")) {
                e.printStackTrace(err);
            }
            err.flush();
            return EXIT_FAILURE;
        }
    }

    /**
     * Says why a command failed: the first line of the innermost cause's message, with its class
     * when that is not an exception whose message speaks for itself.
     *
     * @param failure what the command threw
     * @return one line
     */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? ""
                : root.getMessage().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        boolean speaks = !message.isEmpty() && (root instanceof IllegalArgumentException
                || root instanceof IllegalStateException || root instanceof java.io.IOException
                || root instanceof java.io.UncheckedIOException || root instanceof org.apache.spark.SparkThrowable);
        return speaks ? message : root.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
    }

    /** Reports the project version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = MixNetCli.class.getPackage().getImplementationVersion();
            return new String[] {"mixnet-spark " + (v == null ? "(development build)" : v)};
        }
    }
}
