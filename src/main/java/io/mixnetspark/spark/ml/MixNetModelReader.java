package io.mixnetspark.spark.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mixnetspark.model.ClassNames;
import io.mixnetspark.spark.exec.ModelPayload;
import io.mixnetspark.spark.io.HadoopFiles;
import io.mixnetspark.spark.io.SparkMlPersistence;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.util.MLReader;

/**
 * {@code MixNetModelReader} loads what {@link MixNetModelWriter} saved, checking the stage class
 * and the data format version.
 */
final class MixNetModelReader extends MLReader<MixNetClassificationModel> {

    @Override
    public MixNetClassificationModel load(String path) {
        String className = MixNetClassificationModel.class.getName();
        String uid = SparkMlPersistence.loadUid(path, sparkSession(), className);
        Configuration conf = sparkSession().sparkContext().hadoopConfiguration();
        ObjectMapper json = new ObjectMapper();
        try {
            MixNetModelWriter.SavedConfig saved = json.readValue(
                    HadoopFiles.read(conf, path + "/data/config.json"), MixNetModelWriter.SavedConfig.class);
            if (saved.formatVersion() > MixNetModelWriter.FORMAT_VERSION) {
                throw new IllegalArgumentException("The model at " + path + " was saved in data format "
                        + saved.formatVersion() + "; this version reads up to " + MixNetModelWriter.FORMAT_VERSION);
            }
            String classNames = path + "/data/classes.json";
            ClassNames classes = ClassNames.fromJson(new ByteArrayInputStream(HadoopFiles.read(conf, classNames)),
                    classNames);
            byte[] weights = HadoopFiles.read(conf, path + "/data/weights.safetensors");
            MixNetClassificationModel model =
                    new MixNetClassificationModel(uid, new ModelPayload(saved.network(), weights, classes));
            SparkMlPersistence.restoreParams(model, path, sparkSession(), className);
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the model from " + path, e);
        }
    }
}
