package io.mixnetspark.spark.sql;

import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.WeightsFormat;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetConfig.SeActivation;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.model.pretrained.PretrainedName;
import io.mixnetspark.spark.exec.ModelPayload;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * {@code SqlModels} resolves the model a SQL labeling call names, on the driver, once per
 * application: a pretrained name is fetched (or found in the Hugging Face cache), a weights file
 * or a saved model folder is read, and the network is broadcast once. Later queries reuse the
 * model and its broadcast; the executors keep one network per JVM as for the labeling stage.
 */
final class SqlModels {

    private static final Map<String, Loaded> LOADED = new ConcurrentHashMap<>();

    private SqlModels() {}

    /**
     * A resolved model and its broadcast payload.
     *
     * @param model the labeling stage, with the model's own params
     * @param payload the network, broadcast to the executors
     * @param payloadKey the payload's content key
     */
    record Loaded(MixNetClassificationModel model, Broadcast<ModelPayload> payload, String payloadKey) {}

    /**
     * Returns the model a call names, loading it on first use in this application.
     *
     * @param sc the running context
     * @param spec a pretrained name, a weights file or a saved model folder (any Hadoop URI)
     * @param variant the network of a weights file
     * @return the model and its broadcast
     * @throws IllegalArgumentException when the spec names nothing usable (the message says what)
     */
    static Loaded get(SparkContext sc, String spec, String variant) {
        String application = sc.applicationId();
        LOADED.keySet().removeIf(key -> !key.startsWith(application + "|"));
        return LOADED.computeIfAbsent(application + "|" + spec + "|" + variant, key -> {
            MixNetClassificationModel model = load(sc, spec, variant);
            JavaSparkContext context = JavaSparkContext.fromSparkContext(sc);
            return new Loaded(model, context.broadcast(model.payload()), model.payload().key());
        });
    }

    private static MixNetClassificationModel load(SparkContext sc, String spec, String variant) {
        try {
            if (PretrainedName.isName(spec)) {
                return MixNetClassificationModel.pretrained(spec);
            }
            Path path = new Path(spec);
            FileSystem fs = path.getFileSystem(sc.hadoopConfiguration());
            if (fs.exists(new Path(path, "metadata"))) {
                return MixNetClassificationModel.load(spec);
            }
            String scheme = path.toUri().getScheme();
            if (!fs.isFile(path) || (scheme != null && !scheme.equals("file"))) {
                throw new IllegalArgumentException(SqlLabelingSettings.PREFIX + "model=" + spec + " is neither a"
                        + " pretrained name (" + PretrainedName.ALLOWED + "), a local weights file nor a saved model"
                        + " folder");
            }
            java.nio.file.Path weights = Paths.get(path.toUri().getPath());
            SeActivation se = WeightsFormat.detect(weights) == WeightsFormat.MINDSPORE_CKPT ? SeActivation.RELU
                    : SeActivation.SWISH;
            MixNetConfig config = MixNetConfig.builder(MixNetVariant.fromName(variant)).optSeActivation(se).build();
            return MixNetClassificationModel.fromPretrained(config, weights, ClassNames.imagenet());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the model " + spec + ": " + e.getMessage(), e);
        }
    }
}
