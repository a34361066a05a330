package io.mixnetspark.data.layout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * {@code MatFile} is a minimal reader of MATLAB Level 5 MAT-files (the format of the ILSVRC2012
 * devkit's {@code data/meta.mat}; also "v7", which adds zlib-compressed elements). It reads
 * numeric arrays (as doubles), char arrays, struct arrays and cell arrays, which is what the
 * devkit uses; sparse arrays, objects and v7.3 (HDF5) files are refused. Layout as in MathWorks,
 * "MAT-File Format" (matfile_format.pdf), chapter 1.
 *
 * <p>The whole file is read into memory; it is meant for small metadata files on the driver.
 */
final class MatFile {

    private static final int MI_INT8 = 1;
    private static final int MI_UINT8 = 2;
    private static final int MI_INT16 = 3;
    private static final int MI_UINT16 = 4;
    private static final int MI_INT32 = 5;
    private static final int MI_UINT32 = 6;
    private static final int MI_SINGLE = 7;
    private static final int MI_DOUBLE = 9;
    private static final int MI_INT64 = 12;
    private static final int MI_UINT64 = 13;
    private static final int MI_MATRIX = 14;
    private static final int MI_COMPRESSED = 15;
    private static final int MI_UTF8 = 16;
    private static final int MI_UTF16 = 17;
    private static final int MX_CELL = 1;
    private static final int MX_STRUCT = 2;
    private static final int MX_CHAR = 4;
    private static final int MX_DOUBLE = 6;
    private static final int MX_UINT64 = 15;
    private static final int HEADER_BYTES = 128;

    private final String source;

    private MatFile(String source) {
        this.source = source;
    }

    /** A value read from the file. */
    sealed interface Value permits Numeric, Chars, Struct, Cell {}

    /**
     * A numeric array (any class), column-major.
     *
     * @param values the real parts as doubles
     */
    record Numeric(double[] values) implements Value {}

    /**
     * A char array, as its rows.
     *
     * @param rows each row's text
     */
    record Chars(List<String> rows) implements Value {
        /** Returns the text of a one-row array (rows joined with newlines otherwise). */
        String text() {
            return String.join("\n", rows);
        }
    }

    /**
     * A struct array, element by element (column-major).
     *
     * @param elements each element's fields by name
     */
    record Struct(List<Map<String, Value>> elements) implements Value {}

    /**
     * A cell array, column-major.
     *
     * @param elements the cells
     */
    record Cell(List<Value> elements) implements Value {}

    /**
     * Reads all top-level variables.
     *
     * @param in the file's bytes
     * @param source the file's path, for error messages
     * @return the variables by name, in file order
     * @throws CorruptShardException when the file is not a readable Level 5 MAT-file
     * @throws IOException when reading fails
     */
    static Map<String, Value> read(InputStream in, String source) throws IOException {
        byte[] bytes = in.readAllBytes();
        MatFile reader = new MatFile(source);
        if (bytes.length < HEADER_BYTES) {
            throw reader.corrupt("shorter than the 128-byte MAT-file header");
        }
        String text = new String(bytes, 0, 116, StandardCharsets.ISO_8859_1);
        if (text.startsWith("MATLAB 7.3")) {
            throw reader.corrupt("MATLAB 7.3 (HDF5) files are not supported; save with -v7");
        }
        ByteOrder order;
        if (bytes[126] == 'I' && bytes[127] == 'M') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (bytes[126] == 'M' && bytes[127] == 'I') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw reader.corrupt("no MATLAB Level 5 header (endian indicator missing)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(order);
        buffer.position(HEADER_BYTES);
        Map<String, Value> variables = new LinkedHashMap<>();
        try {
            while (buffer.remaining() >= 8) {
                reader.readVariable(buffer, variables);
            }
        } catch (RuntimeException e) {
            throw reader.corrupt("malformed element (" + e + ")");
        }
        return variables;
    }

    private void readVariable(ByteBuffer buffer, Map<String, Value> variables) throws IOException {
        Element element = readElement(buffer);
        if (element.type == MI_COMPRESSED) {
            ByteBuffer inflated = ByteBuffer.wrap(inflate(element.data)).order(buffer.order());
            while (inflated.remaining() >= 8) {
                readVariable(inflated, variables);
            }
        } else if (element.type == MI_MATRIX) {
            String[] name = new String[1];
            Value value = readMatrix(element.data.order(buffer.order()), name);
            variables.put(name[0], value);
        }
    }

    private Value readMatrix(ByteBuffer matrix, String[] nameOut) throws IOException {
        if (!matrix.hasRemaining()) {
            nameOut[0] = "";
            return new Numeric(new double[0]);
        }
        Element flags = readElement(matrix);
        int arrayClass = flags.data.order(matrix.order()).getInt(0) & 0xFF;
        int[] dims = ints(readElement(matrix), matrix.order());
        nameOut[0] = new String(bytesOf(readElement(matrix)), StandardCharsets.UTF_8);
        int count = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        if (arrayClass == MX_CHAR) {
            return chars(readElement(matrix), matrix.order(), dims);
        }
        if (arrayClass >= MX_DOUBLE && arrayClass <= MX_UINT64) {
            return new Numeric(numbers(readElement(matrix), matrix.order()));
        }
        if (arrayClass == MX_STRUCT) {
            int nameLength = ints(readElement(matrix), matrix.order())[0];
            byte[] names = bytesOf(readElement(matrix));
            List<String> fields = new ArrayList<>();
            for (int i = 0; i + nameLength <= names.length; i += nameLength) {
                int end = i;
                while (end < i + nameLength && names[end] != 0) {
                    end++;
                }
                fields.add(new String(names, i, end - i, StandardCharsets.US_ASCII));
            }
            List<Map<String, Value>> elements = new ArrayList<>();
            for (int e = 0; e < count; e++) {
                Map<String, Value> element = new LinkedHashMap<>();
                for (String field : fields) {
                    element.put(field, readChild(matrix));
                }
                elements.add(element);
            }
            return new Struct(elements);
        }
        if (arrayClass == MX_CELL) {
            List<Value> cells = new ArrayList<>();
            for (int e = 0; e < count; e++) {
                cells.add(readChild(matrix));
            }
            return new Cell(cells);
        }
        throw corrupt("unsupported MATLAB array class " + arrayClass + " in variable '" + nameOut[0] + "'");
    }

    private Value readChild(ByteBuffer parent) throws IOException {
        Element child = readElement(parent);
        if (child.type != MI_MATRIX) {
            throw corrupt("expected a matrix element, found type " + child.type);
        }
        return readMatrix(child.data.order(parent.order()), new String[1]);
    }

    /** One data element: its type and a buffer over exactly its data bytes. */
    private record Element(int type, ByteBuffer data) {}

    private Element readElement(ByteBuffer buffer) throws CorruptShardException {
        int first = buffer.getInt();
        if ((first >>> 16) != 0) {
            int type = first & 0xFFFF;
            int size = first >>> 16;
            ByteBuffer data = slice(buffer, buffer.position(), size);
            buffer.position(buffer.position() + 4);
            return new Element(type, data);
        }
        int type = first;
        int size = buffer.getInt();
        if (size < 0 || size > buffer.remaining()) {
            throw corrupt("element of type " + type + " claims " + size + " bytes, " + buffer.remaining() + " left");
        }
        ByteBuffer data = slice(buffer, buffer.position(), size);
        int padded = type == MI_COMPRESSED || type == MI_MATRIX ? size : (size + 7) & ~7;
        buffer.position(Math.min(buffer.limit(), buffer.position() + padded));
        return new Element(type, data);
    }

    private static ByteBuffer slice(ByteBuffer buffer, int from, int length) {
        return buffer.duplicate().position(from).limit(from + length).slice().order(buffer.order());
    }

    private static byte[] bytesOf(Element element) {
        byte[] bytes = new byte[element.data.remaining()];
        element.data.duplicate().get(bytes);
        return bytes;
    }

    private static int[] ints(Element element, ByteOrder order) {
        ByteBuffer data = element.data.duplicate().order(order);
        int[] values = new int[data.remaining() / 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.getInt();
        }
        return values;
    }

    private double[] numbers(Element element, ByteOrder order) throws CorruptShardException {
        ByteBuffer data = element.data.duplicate().order(order);
        int width = switch (element.type) {
            case MI_INT8, MI_UINT8 -> 1;
            case MI_INT16, MI_UINT16 -> 2;
            case MI_INT32, MI_UINT32, MI_SINGLE -> 4;
            case MI_DOUBLE, MI_INT64, MI_UINT64 -> 8;
            default -> throw corrupt("numeric data of unsupported type " + element.type);
        };
        double[] values = new double[data.remaining() / width];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (element.type) {
                case MI_INT8 -> data.get();
                case MI_UINT8 -> data.get() & 0xFF;
                case MI_INT16 -> data.getShort();
                case MI_UINT16 -> data.getShort() & 0xFFFF;
                case MI_INT32 -> data.getInt();
                case MI_UINT32 -> data.getInt() & 0xFFFFFFFFL;
                case MI_SINGLE -> data.getFloat();
                case MI_DOUBLE -> data.getDouble();
                default -> data.getLong();
            };
        }
        return values;
    }

    private Chars chars(Element element, ByteOrder order, int[] dims) throws CorruptShardException {
        String flat;
        ByteBuffer data = element.data.duplicate().order(order);
        if (element.type == MI_UTF8 || element.type == MI_UINT8 || element.type == MI_INT8) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            flat = new String(bytes, element.type == MI_UTF8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        } else if (element.type == MI_UINT16 || element.type == MI_UTF16) {
            StringBuilder text = new StringBuilder();
            while (data.remaining() >= 2) {
                text.append(data.getChar());
            }
            flat = text.toString();
        } else {
            throw corrupt("char data of unsupported type " + element.type);
        }
        int rows = dims.length == 0 ? 0 : dims[0];
        List<String> out = new ArrayList<>();
        if (rows == 0 || flat.isEmpty()) {
            return new Chars(out);
        }
        int columns = flat.length() / rows;
        for (int r = 0; r < rows; r++) {
            StringBuilder row = new StringBuilder(columns);
            for (int c = 0; c < columns; c++) {
                row.append(flat.charAt(r + c * rows));
            }
            out.add(row.toString());
        }
        return new Chars(out);
    }

    private byte[] inflate(ByteBuffer compressed) throws CorruptShardException {
        Inflater inflater = new Inflater();
        try {
            byte[] input = new byte[compressed.remaining()];
            compressed.duplicate().get(input);
            inflater.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length * 4);
            byte[] chunk = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw corrupt("truncated compressed element");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new CorruptShardException("MAT-file " + source + ": bad compressed element", e);
        } finally {
            inflater.end();
        }
    }

    private CorruptShardException corrupt(String problem) {
        return new CorruptShardException("MAT-file " + source + ": " + problem);
    }
}
