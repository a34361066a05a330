package io.mixnetspark.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code SqlStatements} splits SQL text into statements at semicolons that are not inside quotes
 * ({@code '...'}, {@code "..."}, {@code `...`}) or comments ({@code -- ...}, block comments), as
 * {@code spark-sql} does; a trailing statement without a semicolon counts, empty ones do not.
 */
final class SqlStatements {

    private SqlStatements() {}

    /**
     * Splits text into statements.
     *
     * @param text one or more statements
     * @return the statements, trimmed, without their semicolons
     */
    static List<String> split(String text) {
        Scan scan = scan(text);
        List<String> statements = new ArrayList<>(scan.statements());
        if (!scan.rest().isEmpty()) {
            statements.add(scan.rest());
        }
        return statements;
    }

    /**
     * Whether text ends a statement: it ends with a semicolon outside quotes and comments (for the
     * shell, which reads lines until one does).
     *
     * @param text the lines read so far
     * @return true when the text is complete
     */
    static boolean complete(String text) {
        Scan scan = scan(text);
        return !scan.statements().isEmpty() && scan.rest().isEmpty() && !scan.open();
    }

    /** Statements ended by semicolons, the text after the last one, and whether a quote or comment is open. */
    private record Scan(List<String> statements, String rest, boolean open) {}

    private static Scan scan(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean lineComment = false;
        boolean blockComment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (lineComment) {
                lineComment = c != '\n';
            } else if (blockComment) {
                if (c == '*' && next == '/') {
                    blockComment = false;
                    current.append(c);
                    c = next;
                    i++;
                }
            } else if (quote != 0) {
                if (c == '\\' && quote != '`' && next != 0) {
                    current.append(c);
                    c = next;
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '-' && next == '-') {
                lineComment = true;
                continue;
            } else if (c == '/' && next == '*') {
                blockComment = true;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == ';') {
                add(statements, current);
                continue;
            }
            if (!lineComment) {
                current.append(c);
            }
        }
        return new Scan(statements, current.toString().strip(), quote != 0 || blockComment);
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
