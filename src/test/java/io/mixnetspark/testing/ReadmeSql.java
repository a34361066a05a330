package io.mixnetspark.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ReadmeSql} reads the SQL examples of a README.md section, so tests run the queries users
 * copy.
 */
public final class ReadmeSql {

    private ReadmeSql() {}

    /**
     * Returns the statements of the first {@code ```sql} block after a heading, in order, without
     * comment lines.
     *
     * @param heading the section heading line, e.g. {@code ### Labeling a lake into a SQL table}
     * @return the statements
     * @throws IOException when README.md cannot be read
     */
    public static List<String> statements(String heading) throws IOException {
        String readme = Files.readString(Paths.get("README.md"));
        String section = readme.substring(readme.indexOf(heading));
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
