package io.mixnetspark.spark.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mixnetspark.spark.exec.ModelPayload;
import io.mixnetspark.spark.io.HadoopFiles;
import io.mixnetspark.spark.io.SparkMlPersistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.util.MLWriter;

/**
 * {@code MixNetModelWriter} saves a {@link MixNetClassificationModel} as Spark ML stages are saved:
 * {@code metadata/} (class, uid, params) and {@code data/} holding {@code weights.safetensors}
 * (timm keys), {@code config.json} (the network configuration and format version) and {@code
 * classes.json} (one {@code [id, name]} per output).
 */
final class MixNetModelWriter extends MLWriter {

    /** Version of the {@code data/} layout, checked by the reader. */
    static final int FORMAT_VERSION = 1;

    private final MixNetClassificationModel model;

    MixNetModelWriter(MixNetClassificationModel model) {
        this.model = model;
    }

    @Override
    public void saveImpl(String path) {
        SparkMlPersistence.saveMetadata(model, path, sparkSession());
        ModelPayload payload = model.payload();
        Configuration conf = sparkSession().sparkContext().hadoopConfiguration();
        ObjectMapper json = new ObjectMapper();
        try {
            HadoopFiles.write(conf, path + "/data/weights.safetensors", payload.weights());
            HadoopFiles.write(conf, path + "/data/config.json",
                    json.writeValueAsBytes(new SavedConfig(FORMAT_VERSION, payload.config())));
            List<List<String>> classes = new ArrayList<>();
            for (int i = 0; i < payload.classes().size(); i++) {
                classes.add(List.of(payload.classes().ids().get(i), payload.classes().names().get(i)));
            }
            HadoopFiles.write(conf, path + "/data/classes.json", json.writeValueAsBytes(classes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + path, e);
        }
    }

    /**
     * The content of {@code config.json}.
     *
     * @param formatVersion the data layout version
     * @param network the network configuration
     */
    record SavedConfig(int formatVersion, io.mixnetspark.model.arch.MixNetConfig network) {}
}
