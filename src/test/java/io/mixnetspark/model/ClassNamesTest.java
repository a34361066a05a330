package io.mixnetspark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Class-name JSON of the right shape reads; any other shape is named with the file and the entry, never an NPE. */
class ClassNamesTest {

    @Test
    void entriesOfIdAndNameOrIdAloneRead() throws IOException {
        ClassNames classes = read("[[\"n01440764\", \"tench\", 0], [\"cat\"], [7, \"seven\"]]");
        assertEquals(List.of("n01440764", "cat", "7"), classes.ids());
        assertEquals(List.of("tench", "cat", "seven"), classes.names());
        assertEquals(1000, ClassNames.imagenet().size());
    }

    @Test
    void otherShapesAreNamedWithTheFileAndTheEntry() {
        for (String json : new String[] {"{\"n01440764\": \"tench\"}", "[]", "", "null", "42"}) {
            assertMessage(json, "classes.json: expected a non-empty JSON array of [id, name] entries");
        }
        for (String json : new String[] {"[[\"a\", \"b\"], {}]", "[[\"a\"], []]", "[[\"a\"], [null, \"b\"]]",
                "[[\"a\"], [\"b\", {\"x\": 1}]]", "[[\"a\"], \"b\"]"}) {
            assertMessage(json, "classes.json: entry 1 is not [id, name]");
        }
    }

    private static void assertMessage(String json, String expected) {
        IOException e = assertThrows(IOException.class, () -> read(json), json);
        assertTrue(e.getMessage().startsWith(expected), json + " -> " + e.getMessage());
    }

    private static ClassNames read(String json) throws IOException {
        return ClassNames.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "classes.json");
    }
}
