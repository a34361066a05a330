package io.mixnetspark.data.layout;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code TfExample} is a {@code tf.train.Example} read and written at protobuf wire level, without
 * generated classes (TF {@code core/example/example.proto}, {@code feature.proto}):
 *
 * <pre>
 * Example  { Features features = 1; }
 * Features { map&lt;string, Feature&gt; feature = 1; }
 * Feature  { oneof kind { BytesList bytes_list = 1; FloatList float_list = 2; Int64List int64_list = 3; } }
 * BytesList { repeated bytes value = 1; }   Int64List { repeated int64 value = 1 [packed]; }
 * </pre>
 *
 * <p>Bytes and int64 features are kept; float features (bounding boxes in the ImageNet layout) and
 * unknown fields are skipped. Int64 lists are accepted packed and unpacked. Immutable; build one
 * with {@link #builder()}.
 */
public final class TfExample {

    private static final int LENGTH_DELIMITED_1 = tag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int LENGTH_DELIMITED_2 = tag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int LENGTH_DELIMITED_3 = tag(3, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int VARINT_1 = tag(1, WireFormat.WIRETYPE_VARINT);

    private static int tag(int field, int wireType) {
        return field << 3 | wireType;
    }

    private final Map<String, List<byte[]>> bytesFeatures;
    private final Map<String, long[]> int64Features;

    private TfExample(Map<String, List<byte[]>> bytesFeatures, Map<String, long[]> int64Features) {
        this.bytesFeatures = bytesFeatures;
        this.int64Features = int64Features;
    }

    /**
     * Returns a builder for a new example.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a bytes feature's values.
     *
     * @param name the feature name, e.g. {@code image/encoded}
     * @return the values, empty when the feature is absent or not a bytes list
     */
    public List<byte[]> bytes(String name) {
        return bytesFeatures.getOrDefault(name, List.of());
    }

    /**
     * Returns an int64 feature's values.
     *
     * @param name the feature name, e.g. {@code image/class/label}
     * @return the values (a copy), empty when the feature is absent or not an int64 list
     */
    public long[] int64s(String name) {
        long[] values = int64Features.get(name);
        return values == null ? new long[0] : values.clone();
    }

    /**
     * Parses a serialized {@code tf.train.Example}.
     *
     * @param data the record's bytes
     * @return the example
     * @throws InvalidProtocolBufferException when the bytes are not a valid message
     */
    public static TfExample parse(byte[] data) throws InvalidProtocolBufferException {
        Builder builder = new Builder();
        CodedInputStream in = CodedInputStream.newInstance(data);
        try {
            int tag;
            while ((tag = in.readTag()) != 0) {
                if (tag == LENGTH_DELIMITED_1) {
                    int outer = enter(in);
                    readFeatures(in, builder);
                    leave(in, outer);
                } else {
                    skip(in, tag);
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidProtocolBufferException(e);
        }
        return builder.build();
    }

    /** {@code Features}: repeated map entries in field 1. */
    private static void readFeatures(CodedInputStream in, Builder builder) throws IOException {
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag == LENGTH_DELIMITED_1) {
                int outer = enter(in);
                readEntry(in, builder);
                leave(in, outer);
            } else {
                skip(in, tag);
            }
        }
    }

    /**
     * A map entry {@code {string key = 1; Feature value = 2;}} whose {@code Feature} holds a
     * {@code BytesList} (field 1) or an {@code Int64List} (field 3); float lists are skipped.
     */
    private static void readEntry(CodedInputStream in, Builder builder) throws IOException {
        String name = "";
        List<byte[]> bytes = null;
        long[] int64s = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag == LENGTH_DELIMITED_1) {
                name = in.readStringRequireUtf8();
            } else if (tag == LENGTH_DELIMITED_2) {
                int outer = enter(in);
                int kind;
                while ((kind = in.readTag()) != 0) {
                    if (kind == LENGTH_DELIMITED_1) {
                        int list = enter(in);
                        bytes = readBytesList(in);
                        leave(in, list);
                    } else if (kind == LENGTH_DELIMITED_3) {
                        int list = enter(in);
                        int64s = readInt64List(in);
                        leave(in, list);
                    } else {
                        skip(in, kind);
                    }
                }
                leave(in, outer);
            } else {
                skip(in, tag);
            }
        }
        if (bytes != null) {
            builder.putBytes(name, bytes);
        } else if (int64s != null) {
            builder.putInt64s(name, int64s);
        }
    }

    private static List<byte[]> readBytesList(CodedInputStream in) throws IOException {
        List<byte[]> values = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag == LENGTH_DELIMITED_1) {
                values.add(in.readByteArray());
            } else {
                skip(in, tag);
            }
        }
        return values;
    }

    /** An {@code Int64List}, packed (length-delimited) or not (one varint per value). */
    private static long[] readInt64List(CodedInputStream in) throws IOException {
        List<Long> values = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag == LENGTH_DELIMITED_1) {
                int packed = enter(in);
                while (in.getBytesUntilLimit() > 0) {
                    values.add(in.readInt64());
                }
                leave(in, packed);
            } else if (tag == VARINT_1) {
                values.add(in.readInt64());
            } else {
                skip(in, tag);
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** Enters a length-delimited submessage; returns the limit to restore. */
    private static int enter(CodedInputStream in) throws IOException {
        return in.pushLimit(in.readRawVarint32());
    }

    /** Leaves a submessage, skipping what was not read. */
    private static void leave(CodedInputStream in, int outerLimit) throws IOException {
        in.skipRawBytes(in.getBytesUntilLimit());
        in.popLimit(outerLimit);
    }

    private static void skip(CodedInputStream in, int tag) throws IOException {
        if (!in.skipField(tag)) {
            throw new InvalidProtocolBufferException("unexpected end-group tag " + tag);
        }
    }

    /**
     * Serializes the example. Features are written in name order, so equal examples give equal
     * bytes; int64 lists are packed, as TensorFlow writes them.
     *
     * @return the {@code tf.train.Example} bytes
     */
    public byte[] toByteArray() {
        TreeMap<String, byte[]> features = new TreeMap<>();
        bytesFeatures.forEach((name, values) -> features.put(name, message(out -> {
            for (byte[] value : values) {
                out.writeByteArray(1, value);
            }
        })));
        int64Features.forEach((name, values) -> features.put(name, message(out -> {
            out.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            int size = 0;
            for (long value : values) {
                size += CodedOutputStream.computeInt64SizeNoTag(value);
            }
            out.writeUInt32NoTag(size);
            for (long value : values) {
                out.writeInt64NoTag(value);
            }
        })));
        byte[] featuresMessage = message(out -> {
            for (Map.Entry<String, byte[]> feature : features.entrySet()) {
                boolean isBytes = bytesFeatures.containsKey(feature.getKey());
                byte[] featureMessage = message(f -> f.writeByteArray(isBytes ? 1 : 3, feature.getValue()));
                out.writeByteArray(1, message(e -> {
                    e.writeString(1, feature.getKey());
                    e.writeByteArray(2, featureMessage);
                }));
            }
        });
        return message(out -> out.writeByteArray(1, featuresMessage));
    }

    private static byte[] message(MessageBody body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            body.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** Writes the fields of one message. */
    @FunctionalInterface
    private interface MessageBody {
        void writeTo(CodedOutputStream out) throws IOException;
    }

    /** Collects features for a {@link TfExample}; a later put of the same name replaces it. */
    public static final class Builder {
        private final Map<String, List<byte[]>> bytesFeatures = new TreeMap<>();
        private final Map<String, long[]> int64Features = new TreeMap<>();

        private Builder() {}

        /**
         * Sets a bytes feature.
         *
         * @param name the feature name
         * @param values its values (not copied)
         * @return this builder
         */
        public Builder putBytes(String name, List<byte[]> values) {
            int64Features.remove(name);
            bytesFeatures.put(name, List.copyOf(values));
            return this;
        }

        /**
         * Sets a bytes feature with one value.
         *
         * @param name the feature name
         * @param value its value (not copied)
         * @return this builder
         */
        public Builder putBytes(String name, byte[] value) {
            return putBytes(name, List.of(value));
        }

        /**
         * Sets an int64 feature.
         *
         * @param name the feature name
         * @param values its values
         * @return this builder
         */
        public Builder putInt64s(String name, long... values) {
            bytesFeatures.remove(name);
            int64Features.put(name, values.clone());
            return this;
        }

        /**
         * Builds the example.
         *
         * @return the immutable example
         */
        public TfExample build() {
            return new TfExample(
                    Collections.unmodifiableMap(new TreeMap<>(bytesFeatures)),
                    Collections.unmodifiableMap(new TreeMap<>(int64Features)));
        }
    }
}
