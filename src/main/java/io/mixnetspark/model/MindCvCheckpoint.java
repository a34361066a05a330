package io.mixnetspark.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.mixnetspark.model.arch.ArchitecturePlan;
import io.mixnetspark.model.arch.BlockType;
import io.mixnetspark.model.weights.BlockLayout;
import io.mixnetspark.model.weights.MindCvNames;
import io.mixnetspark.model.weights.MindSporeCheckpointReader;
import io.mixnetspark.model.weights.MindSporeCheckpointWriter;
import io.mixnetspark.model.weights.RawTensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code MindCvCheckpoint} brings MindCV's MindSpore checkpoints to and from a network: it parses
 * the {@code .ckpt} file, renames MindCV parameters to timm's keys for this network's block layout
 * (spec section 4.2 and Appendix A) and skips optimizer state. MindCV weights were trained with
 * ReLU inside squeeze-excite: build the network with {@code SeActivation.RELU} to use them.
 */
public final class MindCvCheckpoint {

    /** MindCV names that belong to the network (anything else is optimizer or training state). */
    private static final Pattern MODEL_NAME = Pattern.compile("^(stem_conv|layers|head_conv|classifier)\\..*");

    private MindCvCheckpoint() {}

    /**
     * Reads a MindCV checkpoint as tensors under timm's keys. Network parameters this layout does
     * not know are kept under their MindCV names so that loading reports them as unexpected.
     *
     * @param manager owns the created arrays
     * @param plan the network whose block layout maps the names
     * @param file the checkpoint
     * @return tensors by timm key
     * @throws IOException when the file cannot be read or parsed
     */
    public static Map<String, NDArray> read(NDManager manager, ArchitecturePlan plan, Path file)
            throws IOException {
        MindCvNames names = new MindCvNames(layout(plan));
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, RawTensor> e : MindSporeCheckpointReader.read(file).entrySet()) {
            String timm = names.toTimm(e.getKey());
            if (timm != null) {
                out.put(timm, toArray(manager, e.getValue()));
            } else if (MODEL_NAME.matcher(e.getKey()).matches()) {
                out.put(e.getKey(), toArray(manager, e.getValue()));
            }
        }
        return out;
    }

    /**
     * Writes a network's tensors as a MindSpore checkpoint with MindCV's names, as MindSpore's
     * {@code save_checkpoint} lays it out.
     *
     * @param model the network
     * @param file the checkpoint to write
     * @throws IOException when writing fails
     */
    public static void write(MixNetModel model, Path file) throws IOException {
        MindCvNames names = new MindCvNames(layout(model.network().plan()));
        Map<String, RawTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : model.stateDict().entries().entrySet()) {
            NDArray a = e.getValue().getArray();
            tensors.put(names.toMindCv(e.getKey()), RawTensor.ofFloats(a.getShape().getShape(), a.toFloatArray()));
        }
        new MindSporeCheckpointWriter().write(tensors, file);
    }

    /**
     * The block layout of a plan in MindCV's flat order.
     *
     * @param plan the network plan
     * @return one entry per block
     */
    public static List<BlockLayout> layout(ArchitecturePlan plan) {
        return plan.blocks().stream()
                .map(b -> new BlockLayout(b.stage(), b.index(), b.type() == BlockType.IR, b.hasSqueezeExcite()))
                .toList();
    }

    private static NDArray toArray(NDManager manager, RawTensor t) {
        if (!t.isKnownDtype()) {
            throw new IllegalArgumentException("Unsupported tensor dtype " + t.dtype());
        }
        ByteBuffer data = ByteBuffer.wrap(t.data()).order(ByteOrder.LITTLE_ENDIAN);
        return manager.create(data, new Shape(t.shape()), DataType.fromSafetensors(t.dtype()));
    }
}
