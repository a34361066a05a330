package io.mixnetspark.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.SafetensorsFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * {@code TrainingCheckpoint} saves and resumes a training run through {@link CheckpointFiles}:
 *
 * <ul>
 *   <li>{@value #WEIGHTS}: the network (weights and BatchNorm running statistics) under timm's
 *       keys, loadable by anything that reads timm safetensors;
 *   <li>{@value #OPTIMIZER}: the SGD momentum buffers under the same keys;
 *   <li>{@value #EMA}: the weight average under the same keys, only when the recipe turns EMA on;
 *   <li>{@value #STATE}: a {@link CheckpointState} as JSON (format version, epoch, global step,
 *       steps per epoch, network config, recipe, loss scale of float16 training), written last.
 * </ul>
 *
 * <p>A run resumed from a checkpoint continues exactly as the uninterrupted run would have: same
 * weights, momentum, EMA, loss scale, schedule position and random masks (see {@link
 * CheckpointState}).
 */
public final class TrainingCheckpoint {

    /** The format this class writes and reads. */
    public static final int FORMAT_VERSION = 2;

    /** Network weights file. */
    public static final String WEIGHTS = "model.safetensors";

    /** Momentum buffers file. */
    public static final String OPTIMIZER = "optimizer.safetensors";

    /** EMA weights file. */
    public static final String EMA = "ema.safetensors";

    /** JSON state file. */
    public static final String STATE = "trainer_state.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainingCheckpoint() {}

    /**
     * Writes a trainer's whole state.
     *
     * @param trainer the trainer, between steps
     * @param files where to write
     * @throws IOException when writing fails
     */
    public static void save(EpochTrainer trainer, CheckpointFiles files) throws IOException {
        try (OutputStream out = files.create(WEIGHTS)) {
            SafetensorsFile.write(trainer.model().stateDict(), out);
        }
        try (OutputStream out = files.create(OPTIMIZER)) {
            TensorFiles.write(trainer.optimizer().momentumBuffers(), out);
        }
        if (trainer.ema().isPresent()) {
            try (OutputStream out = files.create(EMA)) {
                TensorFiles.write(trainer.ema().get().tensors(), out);
            }
        }
        CheckpointState state = new CheckpointState(
                FORMAT_VERSION,
                trainer.completedEpochs(),
                trainer.globalStep(),
                trainer.stepsPerEpoch(),
                trainer.model().config(),
                trainer.recipe(),
                trainer.lossScale().map(DynamicLossScale::state).orElse(null));
        try (OutputStream out = files.create(STATE)) {
            JSON.writeValue(out, state);
        }
    }

    /**
     * Reads the JSON state of a checkpoint.
     *
     * @param files where the checkpoint is
     * @return the state
     * @throws IOException when the file is missing, unreadable, or of another format version
     */
    public static CheckpointState readState(CheckpointFiles files) throws IOException {
        JsonNode tree;
        try (InputStream in = files.open(STATE)) {
            tree = JSON.readTree(in);
        }
        int version = tree.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IOException(
                    STATE + " in " + files + " has format version " + version + "; this build reads "
                            + FORMAT_VERSION);
        }
        return JSON.treeToValue(tree, CheckpointState.class);
    }

    /**
     * Loads a checkpoint into a model and returns a trainer positioned where the checkpoint left
     * off.
     *
     * @param model a network built with the checkpoint's config (its weights are replaced)
     * @param files where the checkpoint is
     * @param sync how gradients are shared from now on
     * @param recipe the recipe to continue with: the checkpoint's, or a changed one (more epochs,
     *     another schedule) that keeps its EMA setting and batch size
     * @return the trainer; the caller closes it
     * @throws IOException when a file is missing or unreadable
     * @throws IllegalArgumentException when the model or the files do not match the checkpoint
     */
    public static EpochTrainer resume(MixNetModel model, CheckpointFiles files, GradientSync sync,
            TrainingRecipe recipe) throws IOException {
        CheckpointState state = readState(files);
        if (!state.model().equals(model.config())) {
            throw new IllegalArgumentException(
                    "checkpoint " + files + " is for " + state.model() + ", not " + model.config());
        }
        try (NDManager manager = model.djlModel().getNDManager().newSubManager()) {
            model.loadStateDict(read(manager, files, WEIGHTS), files + "/" + WEIGHTS);
            Map<String, NDArray> momentum = read(manager, files, OPTIMIZER);
            Map<String, NDArray> average = state.recipe().emaDecay() > 0 ? read(manager, files, EMA) : null;
            EpochTrainer trainer = new EpochTrainer(model, recipe, state.stepsPerEpoch(), sync);
            try {
                trainer.restore(state.epoch(), state.globalStep(), momentum, average, state.lossScale(),
                        files.toString());
                return trainer;
            } catch (RuntimeException e) {
                trainer.close();
                throw e;
            }
        }
    }

    private static Map<String, NDArray> read(NDManager manager, CheckpointFiles files, String name)
            throws IOException {
        try (InputStream in = files.open(name)) {
            return TensorFiles.read(manager, in, files + "/" + name);
        }
    }
}
