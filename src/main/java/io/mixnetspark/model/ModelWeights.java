package io.mixnetspark.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code ModelWeights} moves weights between files and a {@link MixNetModel}: it reads
 * safetensors (timm keys) and MindSpore checkpoints (MindCV keys, renamed to timm's), checks them
 * against the network, and writes safetensors with timm's keys.
 */
public final class ModelWeights {

    private ModelWeights() {}

    /**
     * Loads a weights file of any supported format into a model.
     *
     * @param model the network to fill
     * @param file the weights file
     * @throws IOException when the file cannot be read or parsed
     * @throws WeightsMismatchException when its tensors do not fit the network
     * @throws NonFiniteWeightsException when a tensor holds NaN or infinite values
     */
    public static void load(MixNetModel model, Path file) throws IOException {
        load(model, file, false);
    }

    /**
     * Loads a weights file of any supported format into a model, taking NaN and infinite values or
     * not ({@link MixNetModel#loadStateDict(Map, String, boolean)}).
     *
     * @param model the network to fill
     * @param file the weights file
     * @param allowNonFinite whether NaN and infinite values are loaded ({@code false} refuses them)
     * @throws IOException when the file cannot be read or parsed
     * @throws WeightsMismatchException when its tensors do not fit the network
     * @throws NonFiniteWeightsException when a tensor holds NaN or infinite values and they are not
     *     allowed
     */
    public static void load(MixNetModel model, Path file, boolean allowNonFinite) throws IOException {
        try (NDManager manager = NDManager.newBaseManager(model.device())) {
            model.loadStateDict(readTimmKeys(manager, model, file), file.toString(), allowNonFinite);
        }
    }

    /**
     * Reads a weights file of any supported format as tensors under timm's keys.
     *
     * @param manager owns the created arrays
     * @param model the network whose block layout maps MindCV names
     * @param file the weights file
     * @return tensors by timm key
     * @throws IOException when the file cannot be read or parsed
     */
    public static Map<String, NDArray> readTimmKeys(NDManager manager, MixNetModel model, Path file)
            throws IOException {
        WeightsFormat format = WeightsFormat.detect(file);
        if (format == WeightsFormat.SAFETENSORS) {
            return SafetensorsFile.read(manager, file);
        }
        return MindCvCheckpoint.read(manager, model.network().plan(), file);
    }

    /**
     * Saves a model's weights as safetensors with timm's keys.
     *
     * @param model the network
     * @param file the file to write (replaced if present)
     * @throws IOException when writing fails
     */
    public static void saveSafetensors(MixNetModel model, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            SafetensorsFile.write(model.stateDict(), out);
        }
    }
}
