package io.mixnetspark.spark.ml;

import io.mixnetspark.hub.HubClient;
import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.ModelWeights;
import io.mixnetspark.model.SafetensorsFile;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.pretrained.PretrainedName;
import io.mixnetspark.model.pretrained.PretrainedWeights;
import io.mixnetspark.spark.exec.LabelingSettings;
import io.mixnetspark.spark.exec.LabelingContract;
import io.mixnetspark.spark.exec.ModelPayload;
import io.mixnetspark.spark.exec.PartitionLabeler;
import io.mixnetspark.train.EpochRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * {@code MixNetClassificationModel} labels images with a MixNet, as a Spark ML {@link Model}
 * usable alone or inside a {@code Pipeline}. It reads an input column of encoded image bytes,
 * Spark's image struct or file paths, and adds {@code prediction}, {@code probability}, {@code
 * rawPrediction} (so {@code MulticlassClassificationEvaluator} works on its output), {@code topK}
 * (array of rank, index, wnid, label, probability) and {@code error} (null, or why the row could
 * not be classified; then the prediction columns are null).
 *
 * <p>The work runs on the executors: the weights are broadcast once, each executor JVM loads the
 * network once and shares it between its tasks, and each task labels its partition in batches with
 * decoding overlapped. Saved and loaded with Spark ML persistence ({@link #write()}, {@link
 * #load(String)}) to any Hadoop file system.
 */
public final class MixNetClassificationModel extends Model<MixNetClassificationModel>
        implements MixNetModelParams, MLWritable {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final ModelPayload payload;
    private final ParamTable paramTable;
    private transient List<EpochRecord> trainingHistory;

    /**
     * Creates a model from a payload (config, safetensors weights, class names).
     *
     * @param uid the stage uid
     * @param payload the network to run
     */
    public MixNetClassificationModel(String uid, ModelPayload payload) {
        this.uid = uid;
        this.payload = payload;
        this.paramTable = new ParamTable();
        ParamTable.declareAll(this);
        setDefault(batchSize(), DEFAULT_BATCH_SIZE);
    }

    /**
     * Creates a model from pretrained weights: timm safetensors or a MindCV {@code .ckpt}. The
     * weights are checked against the network here, on the driver.
     *
     * @param config the network (for MindCV weights use {@code SeActivation.RELU})
     * @param weights the weights file
     * @param classes class ids and names, one per output
     * @return the model
     * @throws IOException when the weights cannot be read
     */
    public static MixNetClassificationModel fromPretrained(MixNetConfig config, Path weights, ClassNames classes)
            throws IOException {
        try (MixNetModel model = MixNetModel.create(config, ai.djl.Device.cpu())) {
            ModelWeights.load(model, weights);
            return fromModel(model, classes);
        }
    }

    /**
     * Creates a model from pretrained weights by name ({@code mixnet_s}, {@code mindcv/mixnet_s},
     * {@code hf://ORG/REPO[/FILE]}; see {@link PretrainedName}), fetched on this JVM (the driver)
     * into the Hugging Face cache, or found there, as {@link io.mixnetspark.hub.HubEnvironment#current()} says
     * ({@code HF_HOME}, {@code HF_ENDPOINT}, {@code HF_HUB_OFFLINE}, {@code HF_TOKEN}); progress is
     * shown on standard error. The image size and crop fraction come from the weights' config.
     *
     * @param name the weights' name
     * @return the model
     * @throws IOException when the weights cannot be had or read (the message says what to do)
     */
    public static MixNetClassificationModel pretrained(String name) throws IOException {
        return pretrained(name, HubClient.forThisProcess());
    }

    /**
     * Creates a model from pretrained weights by name, fetched with the given client.
     *
     * @param name the weights' name
     * @param hub the hub settings, cache and progress display
     * @return the model
     * @throws IOException when the weights cannot be had or read
     */
    public static MixNetClassificationModel pretrained(String name, HubClient hub) throws IOException {
        PretrainedWeights weights = PretrainedWeights.resolve(name, hub);
        return fromPretrained(weights.config(), weights.file(), weights.classes())
                .setImageSize(weights.imageSize())
                .setCropPct(weights.cropPct());
    }

    /**
     * Creates a model from a network in memory (its current weights are copied).
     *
     * @param model the network
     * @param classes class ids and names, one per output
     * @return the model
     */
    public static MixNetClassificationModel fromModel(MixNetModel model, ClassNames classes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            SafetensorsFile.write(model.stateDict(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MixNetClassificationModel(
                Identifiable.randomUID("mixnet"), new ModelPayload(model.config(), bytes.toByteArray(), classes));
    }

    /**
     * Returns the network configuration, weights and class names this model runs.
     *
     * @return the payload
     */
    public ModelPayload payload() {
        return payload;
    }

    /**
     * Returns the per-epoch history of the fit that made this model, when {@link MixNetClassifier}
     * fitted it in this JVM (alone or as a {@code Pipeline} stage), so a pipeline's training can be
     * recorded after {@code Pipeline.fit} ({@code TrainingRun.fit}). Like Spark's model summaries, it
     * is not saved: a loaded or pretrained model has none.
     *
     * @return one record per epoch, or empty
     */
    public Optional<List<EpochRecord>> trainingHistory() {
        return Optional.ofNullable(trainingHistory);
    }

    MixNetClassificationModel setTrainingHistory(List<EpochRecord> history) {
        this.trainingHistory = List.copyOf(history);
        return this;
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        LabelingContract.checkTopK(getTopK(), payload.classes().size());
        return LabelingSchema.output(schema, getInputCol(), new OutputColumns(getPredictionCol(), getProbabilityCol(),
                getRawPredictionCol(), getTopKCol(), getErrorCol()));
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType outSchema = transformSchema(dataset.schema());
        Dataset<Row> input = dataset.toDF();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
        return input.mapPartitions(partitionLabeler(sc, input.schema(), sc.broadcast(payload), payload.key()),
                Encoders.row(outSchema));
    }

    /**
     * Returns the function that labels a partition's rows on the executors with this model and its
     * params, as {@link #transform} runs it; the SQL labeling functions run it too. Each output row
     * is the input row followed by the columns of {@link LabelingContract}.
     *
     * @param sc the Spark context (for the Hadoop configuration's broadcast)
     * @param input the schema of the rows to label, with the {@code inputCol} column
     * @param shared this model's payload, broadcast
     * @param payloadKey the payload's {@link ModelPayload#key()}
     * @return the partition function
     * @throws IllegalArgumentException when the input column is missing or of the wrong type
     */
    public PartitionLabeler partitionLabeler(JavaSparkContext sc, StructType input, Broadcast<ModelPayload> shared,
            String payloadKey) {
        Broadcast<SerializableConfiguration> hadoop = sc.broadcast(new SerializableConfiguration(sc.hadoopConfiguration()));
        LabelingSettings settings = new LabelingSettings(getBatchSize(), 2, getTopK(), getImageSize(), getCropPct(),
                getDecodeThreads(), getDevice(), getMaxImageBytes());
        String kind = LabelingSchema.inputKind(input, getInputCol()).name();
        return new PartitionLabeler(shared, payloadKey, hadoop, settings, input.fieldIndex(getInputCol()), kind);
    }

    @Override
    public MixNetClassificationModel copy(ParamMap extra) {
        MixNetClassificationModel copy = new MixNetClassificationModel(uid, payload);
        copy.trainingHistory = trainingHistory;
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new MixNetModelWriter(this);
    }

    /**
     * Returns the reader of saved models.
     *
     * @return the reader
     */
    public static MLReader<MixNetClassificationModel> read() {
        return new MixNetModelReader();
    }

    /**
     * Loads a model saved with {@link #write()}.
     *
     * @param path where it was saved (any Hadoop file system URI)
     * @return the model
     */
    public static MixNetClassificationModel load(String path) {
        return read().load(path);
    }

    // ---- params (see MixNetModelParams) and setters ----

    @Override
    public ParamTable paramTable() {
        return paramTable;
    }

    /** Sets a param after checking it, naming the param and what it allows. */
    private MixNetClassificationModel checked(Param<?> param, Object value) {
        ParamChecks.require(param, value);
        set(param.name(), value);
        return this;
    }

    /**
     * Sets the input column. Default {@code image}.
     *
     * @param value column name
     * @return this model
     */
    public MixNetClassificationModel setInputCol(String value) {
        return checked(inputCol(), value);
    }

    /**
     * Sets the prediction column. Default {@code prediction}.
     *
     * @param value column name
     * @return this model
     */
    public MixNetClassificationModel setPredictionCol(String value) {
        return checked(predictionCol(), value);
    }

    /**
     * Sets the probability column. Default {@code probability}.
     *
     * @param value column name
     * @return this model
     */
    public MixNetClassificationModel setProbabilityCol(String value) {
        return checked(probabilityCol(), value);
    }

    /**
     * Sets the raw prediction (logits) column. Default {@code rawPrediction}.
     *
     * @param value column name
     * @return this model
     */
    public MixNetClassificationModel setRawPredictionCol(String value) {
        return checked(rawPredictionCol(), value);
    }

    /**
     * Sets the top-k column. Default {@code topK}.
     *
     * @param value column name
     * @return this model
     */
    public MixNetClassificationModel setTopKCol(String value) {
        return checked(topKCol(), value);
    }

    /**
     * Sets the error column. Default {@code error}.
     *
     * @param value column name
     * @return this model
     */
    public MixNetClassificationModel setErrorCol(String value) {
        return checked(errorCol(), value);
    }

    /**
     * Sets how many classes to list per image. Default 5.
     *
     * @param value k, at least 1
     * @return this model
     */
    public MixNetClassificationModel setTopK(int value) {
        return checked(topK(), value);
    }

    /**
     * Sets the images per forward pass. Default 32.
     *
     * @param value batch size, at least 1
     * @return this model
     */
    public MixNetClassificationModel setBatchSize(int value) {
        return checked(batchSize(), value);
    }

    /**
     * Sets the decoding threads per task (0 = the task's CPUs). Default 0.
     *
     * @param value thread count
     * @return this model
     */
    public MixNetClassificationModel setDecodeThreads(int value) {
        return checked(decodeThreads(), value);
    }

    /**
     * Sets the device: {@code auto}, {@code cpu} or {@code gpu}. Default {@code auto}.
     *
     * @param value device setting
     * @return this model
     */
    public MixNetClassificationModel setDevice(String value) {
        return checked(device(), value);
    }

    /**
     * Sets the eval crop size. Default 224.
     *
     * @param value pixels
     * @return this model
     */
    public MixNetClassificationModel setImageSize(int value) {
        return checked(imageSize(), value);
    }

    /**
     * Sets the eval crop fraction. Default 0.875.
     *
     * @param value fraction in (0, 1]
     * @return this model
     */
    public MixNetClassificationModel setCropPct(double value) {
        return checked(cropPct(), value);
    }

    /**
     * Sets the largest file read when the input column holds paths. Default 256 MB.
     *
     * @param value bytes, at least 1
     * @return this model
     */
    public MixNetClassificationModel setMaxImageBytes(long value) {
        return checked(maxImageBytes(), value);
    }
}
