package io.mixnetspark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * {@code SqlShell} is {@code ./mixnet sql}'s interactive mode: JLine line editing and history (in
 * {@code ~/.mixnet_sql_history}), statements over several lines until a semicolon, each statement
 * run as it is completed; a failing statement prints its error and the shell goes on. {@code quit},
 * {@code exit}, or end of input (Ctrl-D) leave; Ctrl-C drops the statement being typed.
 */
final class SqlShell {

    static final String PROMPT = "mixnet-sql> ";
    static final String CONTINUATION = "         -> ";

    private final LineReader reader;
    private final PrintWriter out;

    /**
     * Creates a shell on a terminal.
     *
     * @param terminal the terminal (the console, or streams in tests)
     * @param history the history file
     */
    SqlShell(Terminal terminal, Path history) {
        this.reader = LineReaderBuilder.builder().terminal(terminal).appName("mixnet-sql")
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .build();
        this.out = terminal.writer();
    }

    /**
     * Reads and runs statements until the user leaves.
     *
     * @param run runs one statement, printing its result or its error to the terminal's writer
     */
    void loop(Consumer<String> run) {
        out.println("mixnet sql: statements end with ';'. SHOW TABLES; lists the tables. quit or Ctrl-D leaves.");
        out.flush();
        StringBuilder pending = new StringBuilder();
        while (true) {
            String line;
            try {
                line = reader.readLine(pending.isEmpty() ? PROMPT : CONTINUATION);
            } catch (UserInterruptException e) {
                pending.setLength(0);
                continue;
            } catch (EndOfFileException e) {
                return;
            }
            String word = line.strip().replaceAll(";$", "").toLowerCase(java.util.Locale.ROOT);
            if (pending.isEmpty() && (word.equals("quit") || word.equals("exit"))) {
                return;
            }
            pending.append(line).append('\n');
            if (SqlStatements.complete(pending.toString())) {
                SqlStatements.split(pending.toString()).forEach(run);
                pending.setLength(0);
            }
        }
    }

    /**
     * Returns the writer the shell prints to.
     *
     * @return the terminal's writer
     */
    PrintWriter out() {
        return out;
    }
}
