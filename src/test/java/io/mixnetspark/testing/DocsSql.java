package io.mixnetspark.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DocsSql} reads the SQL examples of a section of a documentation page, so tests run the
 * queries users copy.
 */
public final class DocsSql {

    /** The page of SQL tables and queries. */
    public static final Path SQL_PAGE = Path.of("docs", "sql.md");

    private DocsSql() {}

    /**
     * Returns the statements of the first {@code ```sql} block after a heading, in order, without
     * comment lines.
     *
     * @param page the Markdown page, relative to the project folder, e.g. {@link #SQL_PAGE}
     * @param heading the section heading line, e.g. {@code ## Queries over the predictions}
     * @return the statements
     * @throws IOException when the page cannot be read
     * @throws IllegalArgumentException when the page has no such heading
     */
    public static List<String> statements(Path page, String heading) throws IOException {
        String text = Files.readString(page);
        int at = text.indexOf(heading + "\n");
        if (at < 0) {
            throw new IllegalArgumentException(page + " has no heading '" + heading + "'");
        }
        String section = text.substring(at);
        int start = section.indexOf("```sql") + 6;
        String sql = section.substring(start, section.indexOf("```", start));
        List<String> out = new ArrayList<>();
        for (String statement : sql.split(";")) {
            String code = statement.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
            if (!code.isEmpty()) {
                out.add(code);
            }
        }
        return out;
    }
}
