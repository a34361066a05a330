package io.mixnetspark.spark.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.ModelWeights;
import io.mixnetspark.model.OfflineEngine;
import io.mixnetspark.model.SafetensorsFile;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.numerics.Numerics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code StartWeights} makes, on the driver, the weights every training worker starts from, so
 * that all workers begin identical: timm's initialisation drawn after seeding the engine with the
 * recipe's seed, or pretrained weights (safetensors or MindCV {@code .ckpt}, from any Hadoop file
 * system). A fresh classifier ({@code classifier.weight}, {@code classifier.bias}) starts at zero
 * (see {@link #zeroClassifier}). For fine-tuning, a pretrained file whose classifier has another
 * class count keeps the fresh classifier; every other tensor must fit.
 */
public final class StartWeights {

    private static final Logger LOG = LoggerFactory.getLogger(StartWeights.class);
    private static final List<String> HEAD = List.of("classifier.weight", "classifier.bias");

    private StartWeights() {}

    /**
     * Builds the start weights.
     *
     * @param config the network to train
     * @param seed the recipe's seed
     * @param pretrained a weights file URI, or null to start from scratch
     * @param conf the Hadoop configuration to read it
     * @return safetensors bytes with timm keys
     * @throws IOException when the file cannot be read
     */
    public static byte[] create(MixNetConfig config, long seed, String pretrained, Configuration conf) throws IOException {
        // the JVM's first network runs the numerics self-check, which seeds the engine for its probes:
        // run it before seeding, or a JVM's first fit would draw other weights than the seed gives
        Numerics.ensureChecked();
        OfflineEngine.pytorch().setRandomSeed((int) seed);
        try (MixNetModel model = MixNetModel.create(config, Device.cpu())) {
            zeroClassifier(model);
            if (pretrained != null) {
                loadPretrained(model, pretrained, conf);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SafetensorsFile.write(model.stateDict(), bytes);
            return bytes.toByteArray();
        }
    }

    /**
     * A fresh classifier starts at zero, so every class starts equally likely (loss ln K). timm's
     * and MindCV's range {@code 1/sqrt(classes)}, made for 1000 classes, gives 10 classes logits
     * of standard deviation about 3 over the 1536 non-negative pooled features (2 classes: about 7):
     * a first loss of 5 to 7, and updates that swing the logits and the BatchNorm running
     * statistics so far that the first epochs' validation loss reached 1e4 to 1e8.
     */
    private static void zeroClassifier(MixNetModel model) {
        NDArray weight = model.stateDict().entries().get("classifier.weight").getArray();
        weight.subi(weight);
    }

    private static void loadPretrained(MixNetModel model, String uri, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(uri);
        Path folder = Files.createTempDirectory("mixnet-pretrained");
        Path local = folder.resolve(source.getName());
        try (NDManager manager = NDManager.newBaseManager(model.device())) {
            FileSystem fs = source.getFileSystem(conf);
            fs.copyToLocalFile(false, source, new org.apache.hadoop.fs.Path(local.toUri()), true);
            Map<String, NDArray> tensors = new LinkedHashMap<>(ModelWeights.readTimmKeys(manager, model, local));
            for (String key : HEAD) {
                NDArray own = model.stateDict().entries().get(key).getArray();
                NDArray saved = tensors.get(key);
                if (saved != null && !saved.getShape().equals(own.getShape())) {
                    LOG.info("{}: {} is {}, the network's is {}: fine-tuning with a new classifier", uri, key,
                            saved.getShape(), own.getShape());
                    tensors.put(key, own);
                }
            }
            model.loadStateDict(tensors, uri);
        } finally {
            Files.deleteIfExists(local);
            Files.deleteIfExists(folder);
        }
    }
}
