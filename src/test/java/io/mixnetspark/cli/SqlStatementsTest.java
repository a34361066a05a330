package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Statements split at semicolons outside quotes and comments; the shell knows when one is complete. */
class SqlStatementsTest {

    @Test
    void semicolonsInQuotesAndCommentsDoNotSplit() {
        assertEquals(List.of("SELECT 'a;b' AS x", "SELECT \"c;\" , `d;e`", "SELECT 3"),
                SqlStatements.split("SELECT 'a;b' AS x; SELECT \"c;\" , `d;e`;\n-- a comment; with a semicolon\nSELECT 3"));
        assertEquals(List.of("SELECT /* x; y */ 1", "SELECT 'it''s'", "SELECT 'a\\';b'"),
                SqlStatements.split("SELECT /* x; y */ 1;;  ; SELECT 'it''s'; SELECT 'a\\';b'"));
        assertEquals(List.of(), SqlStatements.split("  ;\n -- nothing\n"));
    }

    @Test
    void aStatementIsCompleteAtASemicolonOutsideQuotes() {
        assertFalse(SqlStatements.complete("SELECT 1\n"));
        assertFalse(SqlStatements.complete("SELECT 'a;\n"));
        assertFalse(SqlStatements.complete("SELECT 1; SELECT 2\n"));
        assertTrue(SqlStatements.complete("SELECT 1\n+ 1;\n"));
        assertTrue(SqlStatements.complete("SELECT 1; -- done\n"));
    }
}
