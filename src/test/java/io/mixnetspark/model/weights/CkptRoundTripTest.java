package io.mixnetspark.model.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** MindSpore checkpoint writer and reader (spec 4.3): exact bytes, round trips, tolerated forms. */
class CkptRoundTripTest {

    @Test
    void writesExactlyMindSporesBytes() throws IOException {
        Map<String, RawTensor> one = new LinkedHashMap<>();
        one.put("a", RawTensor.ofFloats(new long[] {2}, new float[] {1f, -2f}));
        byte[] got = write(new MindSporeCheckpointWriter(), one);
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        // Checkpoint.value (0x0A, 26 bytes) { tag (0x0A) "a", tensor (0x12, 21 bytes) {
        //   dims (0x08) 2, tensor_type (0x12) "Float32", tensor_content (0x1A) 8 bytes } }
        want.writeBytes(new byte[] {0x0A, 26, 0x0A, 1, 'a', 0x12, 21, 0x08, 2, 0x12, 7});
        want.writeBytes("Float32".getBytes(StandardCharsets.US_ASCII));
        want.writeBytes(new byte[] {0x1A, 8});
        want.writeBytes(floatBytes(1f, -2f));
        assertArrayEquals(want.toByteArray(), got);
    }

    @Test
    void roundTripsEveryDtypeScalarsAndUnknownTypes() throws IOException {
        Random random = new Random(7);
        Map<String, RawTensor> tensors = new LinkedHashMap<>();
        tensors.put("stem_conv.0.weight", floats(random, 4, 3, 3, 3));
        tensors.put("f16", randomTensor(random, "F16", 2, 5));
        tensors.put("bf16", randomTensor(random, "BF16", 3));
        tensors.put("f64", randomTensor(random, "F64", 2, 2));
        tensors.put("i64", randomTensor(random, "I64", 3));
        tensors.put("i32", randomTensor(random, "I32", 1, 4));
        tensors.put("i16", randomTensor(random, "I16", 2));
        tensors.put("i8", randomTensor(random, "I8", 7));
        tensors.put("u8", randomTensor(random, "U8", 2, 3));
        tensors.put("flag", new RawTensor("BOOL", new long[] {2}, new byte[] {1, 0}));
        tensors.put("global_step", randomTensor(random, "I32", new long[0]));
        tensors.put("learning_rate", RawTensor.ofFloats(new long[0], new float[] {0.1f}));
        tensors.put("empty", new RawTensor("F32", new long[] {0}, new byte[0]));
        tensors.put("empty2d", new RawTensor("F32", new long[] {0, 5}, new byte[0]));
        tensors.put(
                "note",
                new RawTensor("str", new long[0], "hello".getBytes(StandardCharsets.UTF_8)));
        for (boolean crc : new boolean[] {false, true}) {
            byte[] bytes = write(new MindSporeCheckpointWriter().withCrcTrailer(crc), tensors);
            LinkedHashMap<String, RawTensor> back = MindSporeCheckpointReader.read(bytes, "mem");
            assertEquals(new ArrayList<>(tensors.keySet()), new ArrayList<>(back.keySet()));
            assertEquals(tensors, back);
            assertFalse(back.get("note").isKnownDtype());
            assertTrue(back.get("u8").isKnownDtype());
        }
        // A scalar is written as dims [0], as MindSpore does.
        byte[] scalar =
                write(new MindSporeCheckpointWriter(), Map.of("s", tensors.get("global_step")));
        assertEquals(0x08, scalar[7]);
        assertEquals(0x00, scalar[8]);
    }

    @Test
    void readsAndWritesFiles(@TempDir Path dir) throws IOException {
        Map<String, RawTensor> tensors = new LinkedHashMap<>();
        tensors.put("classifier.weight", floats(new Random(1), 10, 6));
        tensors.put("classifier.bias", floats(new Random(2), 10));
        Path file = dir.resolve("model.ckpt");
        new MindSporeCheckpointWriter().write(tensors, file);
        assertEquals(tensors, MindSporeCheckpointReader.read(file));
    }

    @Test
    void chunkedTensorIsConcatenated() throws IOException {
        Map<String, RawTensor> tensors = new LinkedHashMap<>();
        RawTensor big = floats(new Random(3), 3, 5); // 60 bytes
        tensors.put("before", floats(new Random(4), 2));
        tensors.put("big", big);
        tensors.put("after", floats(new Random(5), 2));
        // 40-byte slices: ceil(60 / 40) = 2 chunks of 8 and 7 elements (numpy.array_split).
        byte[] bytes = write(new MindSporeCheckpointWriter().withSliceBytes(40), tensors);
        List<String> tags = topLevelTags(bytes);
        assertEquals(List.of("before", "big", "big", "after"), tags);
        LinkedHashMap<String, RawTensor> back = MindSporeCheckpointReader.read(bytes, "mem");
        assertEquals(tensors, back);
        assertEquals(List.of("before", "big", "after"), new ArrayList<>(back.keySet()));

        // The same chunks written by hand, sizes chosen freely (MindSpore only concatenates).
        byte[] data = big.data();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeValue(out, "big", new long[] {3, 5}, false, "Float32", slice(data, 0, 4));
        writeValue(out, "big", new long[] {3, 5}, false, "Float32", slice(data, 4, 60));
        assertEquals(big, MindSporeCheckpointReader.read(out.toByteArray(), "mem").get("big"));
    }

    @Test
    void acceptsPackedDimsMapTensorsAndUnknownFields() throws IOException {
        RawTensor t = floats(new Random(6), 2, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Packed dims (0x0A) instead of proto2's unpacked varints.
        writeValue(out, "packed", new long[] {2, 3}, true, "Float32", t.data());
        // A MapParameter value: tag + maptensor (field 3), no tensor -> skipped.
        ByteArrayOutputStream map = new ByteArrayOutputStream();
        CodedOutputStream c = CodedOutputStream.newInstance(map);
        c.writeString(1, "embedding_store");
        c.writeByteArray(3, new byte[] {0x0A, 0x00});
        c.writeUInt64(9, 12345); // unknown field inside Value
        c.flush();
        topLevel(out, map.toByteArray());
        // Unknown top-level field between values.
        CodedOutputStream top = CodedOutputStream.newInstance(out);
        top.writeUInt32(5, 77);
        top.flush();
        // Unknown field inside a TensorProto, before the known ones.
        ByteArrayOutputStream tensor = new ByteArrayOutputStream();
        CodedOutputStream tc = CodedOutputStream.newInstance(tensor);
        tc.writeString(15, "ignored");
        tc.writeInt64(1, 2);
        tc.writeString(2, "Float16");
        tc.writeByteArray(3, new byte[] {0x00, 0x3C, 0x00, (byte) 0xC0}); // 1.0, -2.0
        tc.flush();
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        CodedOutputStream vc = CodedOutputStream.newInstance(value);
        vc.writeString(1, "half");
        vc.writeByteArray(2, tensor.toByteArray());
        vc.flush();
        topLevel(out, value.toByteArray());

        LinkedHashMap<String, RawTensor> back =
                MindSporeCheckpointReader.read(out.toByteArray(), "m");
        assertEquals(List.of("packed", "half"), new ArrayList<>(back.keySet()));
        assertEquals(t, back.get("packed"));
        assertEquals("F16", back.get("half").dtype());
        assertArrayEquals(new float[] {1f, -2f}, back.get("half").toFloats());
    }

    @Test
    void scalarWithEmptyDimsIsAScalar() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeValue(out, "momentum", new long[0], false, "Float32", floatBytes(0.9f));
        RawTensor t = MindSporeCheckpointReader.read(out.toByteArray(), "m").get("momentum");
        assertArrayEquals(new long[0], t.shape());
        assertArrayEquals(new float[] {0.9f}, t.toFloats());
    }

    // ---- helpers shared with the other checkpoint tests ----

    static byte[] write(MindSporeCheckpointWriter writer, Map<String, RawTensor> tensors)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(tensors, out);
        return out.toByteArray();
    }

    static RawTensor floats(Random random, long... shape) {
        float[] values = new float[(int) RawTensor.elementCount(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return RawTensor.ofFloats(shape, values);
    }

    static RawTensor randomTensor(Random random, String dtype, long... shape) {
        byte[] data =
                new byte[(int) (RawTensor.elementCount(shape) * RawTensor.elementSize(dtype))];
        random.nextBytes(data);
        return new RawTensor(dtype, shape, data);
    }

    static byte[] floatBytes(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] slice(byte[] data, int from, int to) {
        return java.util.Arrays.copyOfRange(data, from, to);
    }

    /** Appends one {@code Checkpoint{value}} record whose Value bytes are given. */
    static void topLevel(ByteArrayOutputStream out, byte[] value) throws IOException {
        CodedOutputStream c = CodedOutputStream.newInstance(out);
        c.writeByteArray(1, value);
        c.flush();
    }

    /** Appends one Value by hand, with dims unpacked (MindSpore) or packed. */
    static void writeValue(
            ByteArrayOutputStream out,
            String tag,
            long[] dims,
            boolean packed,
            String type,
            byte[] content)
            throws IOException {
        ByteArrayOutputStream tensor = new ByteArrayOutputStream();
        CodedOutputStream tc = CodedOutputStream.newInstance(tensor);
        if (packed) {
            int size = 0;
            for (long d : dims) {
                size += CodedOutputStream.computeInt64SizeNoTag(d);
            }
            tc.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            tc.writeUInt32NoTag(size);
            for (long d : dims) {
                tc.writeInt64NoTag(d);
            }
        } else {
            for (long d : dims) {
                tc.writeInt64(1, d);
            }
        }
        tc.writeString(2, type);
        tc.writeByteArray(3, content);
        tc.flush();
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        CodedOutputStream vc = CodedOutputStream.newInstance(value);
        vc.writeString(1, tag);
        vc.writeByteArray(2, tensor.toByteArray());
        vc.flush();
        topLevel(out, value.toByteArray());
    }

    /** Lists the tag of every top-level Value record, in order (a minimal independent parser). */
    static List<String> topLevelTags(byte[] bytes) throws IOException {
        com.google.protobuf.CodedInputStream in =
                com.google.protobuf.CodedInputStream.newInstance(bytes);
        List<String> tags = new ArrayList<>();
        while (!in.isAtEnd()) {
            assertEquals(0x0A, in.readTag());
            com.google.protobuf.CodedInputStream value =
                    com.google.protobuf.CodedInputStream.newInstance(in.readByteArray());
            assertEquals(0x0A, value.readTag());
            tags.add(value.readStringRequireUtf8());
        }
        return tags;
    }
}
