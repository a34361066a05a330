package io.mixnetspark.collective.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmark runs end to end on a tiny gradient and reports identical bits. */
class AllReduceBenchmarkTest {

    @Test
    void reportsARowPerRingSizeWithIdenticalBits() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AllReduceBenchmark.run(AllReduceBenchmark.Options.parse(new String[] {
            "--threads", "--ranks", "2,3", "--values", "10001", "--warmup", "0", "--rounds", "2", "--wire", "bfloat16"}),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("wire BFLOAT16"), table);
        assertTrue(table.lines().filter(l -> l.startsWith("| 2 |") || l.startsWith("| 3 |"))
                .allMatch(l -> l.endsWith("| yes |")) && table.contains("| 3 |"), table);
    }
}
