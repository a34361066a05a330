package io.mixnetspark.model.weights;

import static io.mixnetspark.model.weights.CkptRoundTripTest.floats;
import static io.mixnetspark.model.weights.CkptRoundTripTest.write;
import static io.mixnetspark.model.weights.CkptRoundTripTest.writeValue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Damaged checkpoints give a {@link CorruptWeightsException} naming the file and the problem. */
class CkptCorruptTest {

    private static Map<String, RawTensor> sample() {
        Map<String, RawTensor> tensors = new LinkedHashMap<>();
        tensors.put("stem_conv.0.weight", floats(new Random(1), 4, 3, 3, 3));
        tensors.put("stem_conv.1.gamma", floats(new Random(2), 4));
        tensors.put("classifier.weight", floats(new Random(3), 5, 4));
        return tensors;
    }

    private static CorruptWeightsException corrupt(byte[] bytes, String name) {
        return assertThrows(
                CorruptWeightsException.class, () -> MindSporeCheckpointReader.read(bytes, name));
    }

    @Test
    void emptyFile(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("empty.ckpt"), new byte[0]);
        CorruptWeightsException e =
                assertThrows(
                        CorruptWeightsException.class, () -> MindSporeCheckpointReader.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void truncatedInsideATensor(@TempDir Path dir) throws IOException {
        byte[] whole = write(new MindSporeCheckpointWriter(), sample());
        Path file = Files.write(dir.resolve("cut.ckpt"), Arrays.copyOf(whole, whole.length - 3));
        CorruptWeightsException e =
                assertThrows(
                        CorruptWeightsException.class, () -> MindSporeCheckpointReader.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    /**
     * Every cut is either corrupt or, when it falls exactly between records (the format has no
     * footer), a clean prefix of the original tensors.
     */
    @Test
    void everyTruncationIsCorruptOrACleanPrefix() throws IOException {
        Map<String, RawTensor> tensors = sample();
        List<Map.Entry<String, RawTensor>> entries = new ArrayList<>(tensors.entrySet());
        byte[] whole = write(new MindSporeCheckpointWriter().withSliceBytes(100), tensors);
        int prefixes = 0;
        for (int cut = 0; cut < whole.length; cut++) {
            byte[] part = Arrays.copyOf(whole, cut);
            LinkedHashMap<String, RawTensor> got;
            try {
                got = MindSporeCheckpointReader.read(part, "cut-" + cut);
            } catch (CorruptWeightsException e) {
                assertTrue(e.getMessage().startsWith("cut-" + cut + ": "), e.getMessage());
                continue;
            }
            prefixes++;
            List<Map.Entry<String, RawTensor>> gotEntries = new ArrayList<>(got.entrySet());
            assertEquals(entries.subList(0, gotEntries.size()), gotEntries, "cut at " + cut);
        }
        // Only the two cuts between whole tensors parse (not the ones between chunks).
        assertEquals(2, prefixes);
    }

    @Test
    void truncatedWithCrcTrailerIsDetected() throws IOException {
        byte[] whole = write(new MindSporeCheckpointWriter().withCrcTrailer(true), sample());
        assertEquals(sample(), MindSporeCheckpointReader.read(whole, "ok"));
        byte[] flipped = whole.clone();
        flipped[40] ^= 0x01; // inside the first tensor's content
        CorruptWeightsException e = corrupt(flipped, "flipped.ckpt");
        assertTrue(e.getMessage().contains("CRC"), e.getMessage());
    }

    @Test
    void randomBytes() {
        Random random = new Random(42);
        for (int trial = 0; trial < 500; trial++) {
            byte[] bytes = new byte[1 + random.nextInt(4096)];
            random.nextBytes(bytes);
            if (trial % 2 == 0) {
                bytes[0] = 0x0A; // looks like a checkpoint to WeightsFormat.detect
            }
            CorruptWeightsException e = corrupt(bytes, "random-" + trial + ".ckpt");
            assertTrue(e.getMessage().startsWith("random-" + trial + ".ckpt: "), e.getMessage());
        }
    }

    @Test
    void textFile() {
        byte[] text =
                "model:\n  name: mixnet_s\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        corrupt(text, "config.yaml");
    }

    @Test
    void contentLengthDoesNotMatchDims() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeValue(
                out,
                "layers.0.convs.0.mixed_depthwise_conv.weight",
                new long[] {2, 3},
                false,
                "Float32",
                new byte[20]);
        CorruptWeightsException e = corrupt(out.toByteArray(), "bad.ckpt");
        String m = e.getMessage();
        assertTrue(m.startsWith("bad.ckpt: "), m);
        assertTrue(m.contains("layers.0.convs.0.mixed_depthwise_conv.weight"), m);
        assertTrue(m.contains("20 content bytes") && m.contains("24"), m);
    }

    @Test
    void chunksThatDoNotAddUp() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeValue(out, "w", new long[] {4}, false, "Float32", new byte[8]);
        writeValue(out, "w", new long[] {4}, false, "Float32", new byte[4]);
        String m = corrupt(out.toByteArray(), "short.ckpt").getMessage();
        assertTrue(m.contains("12 content bytes in 2 chunks"), m);

        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        writeValue(mixed, "w", new long[] {4}, false, "Float32", new byte[8]);
        writeValue(mixed, "w", new long[] {4}, false, "Float16", new byte[4]);
        assertTrue(corrupt(mixed.toByteArray(), "mixed.ckpt").getMessage().contains("disagree"));
    }

    @Test
    void repeatedTagAfterOthers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeValue(out, "a", new long[] {1}, false, "Float32", new byte[4]);
        writeValue(out, "b", new long[] {1}, false, "Float32", new byte[4]);
        writeValue(out, "a", new long[] {1}, false, "Float32", new byte[4]);
        assertTrue(
                corrupt(out.toByteArray(), "dup.ckpt").getMessage().contains("'a' appears again"));
    }

    @Test
    void scalarWithWrongSize() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeValue(out, "global_step", new long[] {0}, false, "Int64", new byte[4]);
        corrupt(out.toByteArray(), "scalar.ckpt");
    }

    @Test
    void onlyUnknownFieldsIsNotACheckpoint() {
        // field 2, varint 1; field 3, varint 5: valid protobuf, but no Checkpoint.value.
        CorruptWeightsException e = corrupt(new byte[] {0x10, 0x01, 0x18, 0x05}, "other.pb");
        assertTrue(e.getMessage().contains("no Checkpoint.value"), e.getMessage());
    }

    @Test
    void valueWithoutTensorOrType() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CkptRoundTripTest.topLevel(out, new byte[] {0x0A, 0x01, 'x'});
        assertTrue(corrupt(out.toByteArray(), "t.ckpt").getMessage().contains("has no tensor"));

        ByteArrayOutputStream noType = new ByteArrayOutputStream();
        // Value{tag "x", tensor{dims 1, content 4 bytes}} without tensor_type.
        CkptRoundTripTest.topLevel(
                noType,
                new byte[] {0x0A, 0x01, 'x', 0x12, 0x08, 0x08, 0x01, 0x1A, 0x04, 0, 0, 0, 0});
        assertTrue(corrupt(noType.toByteArray(), "t.ckpt").getMessage().contains("no tensor_type"));
    }
}
