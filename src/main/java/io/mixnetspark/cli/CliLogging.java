package io.mixnetspark.cli;

import java.util.Optional;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code CliLogging} is where the command line's logs go, with the launcher's {@code
 * conf/log4j2.properties}: warnings on standard error, everything in a log file, and a failed
 * task's traces (the loggers that configuration sends to the file only: Spark's executor and
 * scheduler loggers, {@link #FAILURE}), so a failure shows as the one line {@link MixNetCli}
 * prints. {@code --verbose} shows INFO and those traces on standard error too. Under another configuration (tests, {@code spark-submit}) it only
 * raises the root level for {@code --verbose}.
 */
final class CliLogging {

    /** The logger a command's failure is written to, with its trace. */
    static final String FAILURE = "mixnet.failure";

    private static final String CONSOLE = "stderr";
    private static final String FILE = "file";

    private CliLogging() {}

    /** Shows INFO, and the lines kept for the log file, on standard error as well. */
    static void verbose() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        Appender console = config.getAppender(CONSOLE);
        if (console == null) {
            Configurator.setRootLevel(Level.INFO);
            return;
        }
        LoggerConfig root = config.getRootLogger();
        root.removeAppender(CONSOLE);
        root.addAppender(console, Level.INFO, null);
        for (LoggerConfig logger : config.getLoggers().values()) {
            // the loggers the configuration keeps off the console: not additive, writing to the file
            if (!logger.isAdditive() && logger.getAppenders().containsKey(FILE)) {
                logger.addAppender(console, Level.INFO, null);
            }
        }
        context.updateLoggers();
    }

    /**
     * Returns the log file, when the configuration writes one.
     *
     * @return its path
     */
    static Optional<String> logFile() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        return context.getConfiguration().getAppender(FILE) instanceof FileAppender file
                ? Optional.of(file.getFileName()) : Optional.empty();
    }

    /**
     * Writes a command's failure, with its trace, to the {@link #FAILURE} logger.
     *
     * @param command the command's name
     * @param failure what went wrong
     */
    static void recordFailure(String command, Throwable failure) {
        Logger log = LoggerFactory.getLogger(FAILURE);
        log.error("mixnet {} failed", command, failure);
    }
}
