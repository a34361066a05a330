package io.mixnetspark.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.mixnetspark.model.weights.CorruptWeightsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code SafetensorsFile} reads and writes weights in the safetensors format (8-byte
 * little-endian header length, JSON header of dtype/shape/offsets, raw little-endian data), the
 * format Hugging Face publishes timm checkpoints in. Parsing is DJL's; this class checks the
 * framing first so that a damaged file gives a clear {@link CorruptWeightsException}. No code is
 * ever executed from a file.
 */
public final class SafetensorsFile {

    private SafetensorsFile() {}

    /**
     * Returns whether a file starts like a safetensors file.
     *
     * @param head the first bytes of the file (at least 9 for a positive answer)
     * @param fileSize the file's size
     * @return true for a plausible safetensors header
     */
    public static boolean looksLike(byte[] head, long fileSize) {
        if (head.length < 9) {
            return false;
        }
        long headerLength = ByteBuffer.wrap(head, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return headerLength >= 2 && headerLength <= fileSize - 8 && head[8] == '{';
    }

    /**
     * Reads every tensor of a file.
     *
     * @param manager owns the created arrays
     * @param file the safetensors file
     * @return the tensors by name, in file order
     * @throws CorruptWeightsException when the file is not valid safetensors
     * @throws IOException when the file cannot be read
     */
    public static Map<String, NDArray> read(NDManager manager, Path file) throws IOException {
        return read(manager, Files.readAllBytes(file), file.toString());
    }

    /**
     * Reads every tensor of a safetensors file held in memory.
     *
     * @param manager owns the created arrays
     * @param bytes the whole file
     * @param source names the content in error messages
     * @return the tensors by name, in file order
     * @throws CorruptWeightsException when the bytes are not valid safetensors
     */
    public static Map<String, NDArray> read(NDManager manager, byte[] bytes, String source)
            throws CorruptWeightsException {
        if (!looksLike(bytes, bytes.length)) {
            throw new CorruptWeightsException(
                    source + " is not a safetensors file (" + bytes.length
                            + " bytes; expected an 8-byte header length followed by a JSON header)");
        }
        try {
            NDList list = NDList.decode(manager, new ByteArrayInputStream(bytes));
            return MixNetModel.byName(list);
        } catch (RuntimeException e) {
            throw new CorruptWeightsException(
                    source + " is a damaged safetensors file: " + CorruptWeightsException.describe(e), e);
        }
    }

    /**
     * Writes a network's tensors with timm's keys (float32; no {@code num_batches_tracked}).
     *
     * @param stateDict the tensors to write
     * @param out the stream to write to
     * @throws IOException when writing fails
     */
    public static void write(StateDict stateDict, OutputStream out) throws IOException {
        NDList list = new NDList();
        for (Map.Entry<String, Parameter> e : stateDict.entries().entrySet()) {
            NDArray copy = e.getValue().getArray().duplicate();
            copy.setName(e.getKey());
            list.add(copy);
        }
        try {
            list.encode(out, NDList.Encoding.SAFETENSORS);
        } finally {
            list.close();
        }
    }
}
