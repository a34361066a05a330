package io.mixnetspark.data.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Decoding a batch on several threads gives the sequential results, in order, bad rows included. */
class ParallelDecoderTest {

    @Test
    void threadsGiveTheSequentialResultsInOrder() throws IOException {
        List<byte[]> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(SharedData.require("datasets/imagenette2-224-subset/val/n03028079"))) {
            for (Path f : files.sorted().limit(24).toList()) {
                inputs.add(Files.readAllBytes(f));
            }
        }
        inputs.add(7, new byte[0]);
        inputs.add(15, "not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        ImageDecoder decoder = new ImageDecoder();
        try (ParallelDecoder parallel = new ParallelDecoder(decoder, 3)) {
            List<DecodeResult> results = parallel.decodeAll(inputs);
            assertEquals(inputs.size(), results.size());
            for (int i = 0; i < inputs.size(); i++) {
                DecodeResult expected = decoder.decode(inputs.get(i));
                assertEquals(expected.isOk(), results.get(i).isOk(), "row " + i);
                if (expected.isOk()) {
                    assertArrayEquals(expected.image().pixels(), results.get(i).image().pixels(), "row " + i);
                } else {
                    assertEquals(expected.error(), results.get(i).error());
                }
            }
            assertFalse(results.get(7).isOk());
            assertFalse(results.get(15).isOk());
            List<Integer> widths = parallel.decodeAll(inputs, r -> r.isOk() ? r.image().width() : -1);
            assertEquals(-1, widths.get(7));
            assertEquals(224, widths.get(0));
        }
    }

    @Test
    void failureInTheFollowUpStepIsReported() {
        try (ParallelDecoder parallel = new ParallelDecoder(new ImageDecoder(), 2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> parallel.decodeAll(List.of(new byte[0]), r -> r.image()));
            assertTrue(e.getCause().getMessage().contains("empty input"));
        }
    }
}
