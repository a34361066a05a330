package io.mixnetspark.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.mixnetspark.model.SafetensorsFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Named tensors to and from safetensors streams (the tensor files of a checkpoint). */
final class TensorFiles {

    private TensorFiles() {}

    /** Writes copies of the tensors, named by their keys. */
    static void write(Map<String, NDArray> tensors, OutputStream out) throws IOException {
        try (NDList list = new NDList()) {
            for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
                NDArray copy = e.getValue().duplicate();
                copy.setName(e.getKey());
                list.add(copy);
            }
            list.encode(out, NDList.Encoding.SAFETENSORS);
        }
    }

    /** Reads every tensor of a safetensors stream, by name; the arrays belong to the manager. */
    static Map<String, NDArray> read(NDManager manager, InputStream in, String source) throws IOException {
        return SafetensorsFile.read(manager, in.readAllBytes(), source);
    }
}
