package io.mixnetspark.data.layout;

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
 * A hostile file cannot make it run away: the file, what its compressed elements inflate to, how
 * deep arrays nest and how many elements one array has are bounded ({@link #MAX_FILE_BYTES},
 * {@link #MAX_INFLATED_BYTES}, {@link #MAX_DEPTH}, {@link #MAX_ELEMENTS}), and every size and count
 * is checked against the bytes that hold it before anything is allocated for it.
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

    /**
     * The largest file read: the ILSVRC2012 devkit's {@code meta.mat}, with every synset's words
     * and gloss, is well under a megabyte (the whole devkit archive is 2.5 MB).
     */
    static final int MAX_FILE_BYTES = 32 << 20;

    /** The most bytes all compressed elements of one file may inflate to, so a zlib bomb stops early. */
    static final int MAX_INFLATED_BYTES = 32 << 20;

    /**
     * How deep arrays may nest (cells in cells, structs in structs, compressed elements in
     * compressed ones): the devkit nests three deep, and recursion this deep stays far from the
     * stack's end.
     */
    static final int MAX_DEPTH = 64;

    /**
     * The most elements of one array: the devkit's largest, {@code synsets}, has 1,860; a million
     * structs or cells take tens of MB.
     */
    static final int MAX_ELEMENTS = 1_000_000;

    private final String source;
    private long inflated;

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
        byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        MatFile reader = new MatFile(source);
        if (bytes.length > MAX_FILE_BYTES) {
            throw reader.corrupt("larger than the " + MAX_FILE_BYTES + " bytes a metadata file may have"
                    + " (MatFile.MAX_FILE_BYTES)");
        }
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
                reader.readVariable(buffer, variables, 0);
            }
        } catch (RuntimeException e) {
            throw reader.corrupt("malformed element (" + e + ")");
        }
        return variables;
    }

    private void readVariable(ByteBuffer buffer, Map<String, Value> variables, int depth) throws IOException {
        checkDepth(depth);
        Element element = readElement(buffer);
        if (element.type == MI_COMPRESSED) {
            ByteBuffer inflated = inflate(element.data).order(buffer.order());
            while (inflated.remaining() >= 8) {
                readVariable(inflated, variables, depth + 1);
            }
        } else if (element.type == MI_MATRIX) {
            String[] name = new String[1];
            Value value = readMatrix(element.data.order(buffer.order()), name, depth);
            variables.put(name[0], value);
        }
    }

    private void checkDepth(int depth) throws CorruptShardException {
        if (depth > MAX_DEPTH) {
            throw corrupt("arrays nest more than " + MAX_DEPTH + " deep (MatFile.MAX_DEPTH)");
        }
    }

    private Value readMatrix(ByteBuffer matrix, String[] nameOut, int depth) throws IOException {
        checkDepth(depth);
        if (!matrix.hasRemaining()) {
            nameOut[0] = "";
            return new Numeric(new double[0]);
        }
        Element flags = readElement(matrix);
        int arrayClass = flags.data.order(matrix.order()).getInt(0) & 0xFF;
        int[] dims = ints(readElement(matrix), matrix.order());
        nameOut[0] = new String(bytesOf(readElement(matrix)), StandardCharsets.UTF_8);
        int count = count(dims, nameOut[0]);
        if (arrayClass == MX_CHAR) {
            return chars(readElement(matrix), matrix.order(), dims);
        }
        if (arrayClass >= MX_DOUBLE && arrayClass <= MX_UINT64) {
            return new Numeric(numbers(readElement(matrix), matrix.order(), count));
        }
        if (arrayClass == MX_STRUCT) {
            int nameLength = ints(readElement(matrix), matrix.order())[0];
            if (nameLength < 1) {
                throw corrupt("struct '" + nameOut[0] + "' gives field names " + nameLength + " bytes long");
            }
            byte[] names = bytesOf(readElement(matrix));
            List<String> fields = new ArrayList<>();
            for (int i = 0; i + nameLength <= names.length; i += nameLength) {
                int end = i;
                while (end < i + nameLength && names[end] != 0) {
                    end++;
                }
                fields.add(new String(names, i, end - i, StandardCharsets.US_ASCII));
            }
            if (!fields.isEmpty()) {
                checkHeld(count, fields.size(), matrix, nameOut[0]);
            }
            List<Map<String, Value>> elements = new ArrayList<>();
            for (int e = 0; e < count; e++) {
                Map<String, Value> element = new LinkedHashMap<>();
                for (String field : fields) {
                    element.put(field, readChild(matrix, depth + 1));
                }
                elements.add(element);
            }
            return new Struct(elements);
        }
        if (arrayClass == MX_CELL) {
            checkHeld(count, 1, matrix, nameOut[0]);
            List<Value> cells = new ArrayList<>();
            for (int e = 0; e < count; e++) {
                cells.add(readChild(matrix, depth + 1));
            }
            return new Cell(cells);
        }
        throw corrupt("unsupported MATLAB array class " + arrayClass + " in variable '" + nameOut[0] + "'");
    }

    private Value readChild(ByteBuffer parent, int depth) throws IOException {
        Element child = readElement(parent);
        if (child.type != MI_MATRIX) {
            throw corrupt("expected a matrix element, found type " + child.type);
        }
        return readMatrix(child.data.order(parent.order()), new String[1], depth);
    }

    /** The number of elements dimensions give, refused past {@link #MAX_ELEMENTS} or when negative. */
    private int count(int[] dims, String name) throws CorruptShardException {
        long count = 1;
        for (int dim : dims) {
            if (dim < 0) {
                throw corrupt("array '" + name + "' has a negative dimension " + dim);
            }
            count = Math.min(count * dim, MAX_ELEMENTS + 1L);
        }
        if (count > MAX_ELEMENTS) {
            throw corrupt("array '" + name + "' claims " + Arrays.toString(dims) + " elements, more than "
                    + MAX_ELEMENTS + " (MatFile.MAX_ELEMENTS)");
        }
        return (int) count;
    }

    /** Refuses a cell or struct count that the bytes left cannot hold (each child takes an 8-byte tag at least). */
    private void checkHeld(int count, int perElement, ByteBuffer matrix, String name) throws CorruptShardException {
        if ((long) count * perElement * 8 > matrix.remaining()) {
            throw corrupt("array '" + name + "' claims " + count + " elements of " + perElement + " value(s), but only "
                    + matrix.remaining() + " bytes hold them");
        }
    }

    /** One data element: its type and a buffer over exactly its data bytes. */
    private record Element(int type, ByteBuffer data) {}

    private Element readElement(ByteBuffer buffer) throws CorruptShardException {
        int first = buffer.getInt();
        if ((first >>> 16) != 0) {
            int type = first & 0xFFFF;
            int size = first >>> 16;
            if (size > 4) {
                throw corrupt("small element of type " + type + " claims " + size + " bytes, at most 4 fit");
            }
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

    private double[] numbers(Element element, ByteOrder order, int count) throws CorruptShardException {
        ByteBuffer data = element.data.duplicate().order(order);
        int width = switch (element.type) {
            case MI_INT8, MI_UINT8 -> 1;
            case MI_INT16, MI_UINT16 -> 2;
            case MI_INT32, MI_UINT32, MI_SINGLE -> 4;
            case MI_DOUBLE, MI_INT64, MI_UINT64 -> 8;
            default -> throw corrupt("numeric data of unsupported type " + element.type);
        };
        if (data.remaining() / width != count) {
            throw corrupt("numeric array of " + count + " elements holds " + data.remaining() / width + " values");
        }
        double[] values = new double[count];
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

    /** Inflates an element within what is left of {@link #MAX_INFLATED_BYTES}, growing its buffer up to that. */
    private ByteBuffer inflate(ByteBuffer compressed) throws CorruptShardException {
        long budget = MAX_INFLATED_BYTES - inflated;
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed.duplicate());
            byte[] out = new byte[(int) Math.min(compressed.remaining() * 4L + 64, budget)];
            int size = 0;
            while (!inflater.finished()) {
                if (size == out.length) {
                    if (size >= budget) {
                        throw corrupt("compressed elements inflate to more than " + MAX_INFLATED_BYTES
                                + " bytes (MatFile.MAX_INFLATED_BYTES)");
                    }
                    out = Arrays.copyOf(out, (int) Math.min(2L * size, budget));
                }
                int n = inflater.inflate(out, size, out.length - size);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw corrupt("truncated compressed element");
                }
                size += n;
            }
            inflated += size;
            return ByteBuffer.wrap(out, 0, size).slice();
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
