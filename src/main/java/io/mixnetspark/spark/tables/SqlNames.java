package io.mixnetspark.spark.tables;

import java.util.regex.Pattern;

/**
 * {@code SqlNames} checks the names that are pasted into SQL text: database and table identifiers
 * and run ids (partition values), so neither can break out of the statement.
 */
public final class SqlNames {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_.:-]+");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SqlNames() {}

    /**
     * Checks a database or table name.
     *
     * @param what what the name is, for the message (e.g. {@code table})
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException naming the bad name and what is allowed
     */
    public static String identifier(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name '" + name
                    + "' is not allowed: use letters, digits and '_', not starting with a digit");
        }
        return name;
    }

    /**
     * Checks a run id.
     *
     * @param runId the run id
     * @return the run id
     * @throws IllegalArgumentException for a run id with other characters than letters, digits and
     *     {@code _ . : -}
     */
    public static String runId(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id '" + runId + "' is not allowed: use letters, digits and _ . : -");
        }
        return runId;
    }
}
