package io.mixnetspark.spark.ml;

import static org.apache.spark.sql.functions.col;

import io.mixnetspark.hub.HubClient;
import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.model.pretrained.PretrainedName;
import io.mixnetspark.model.pretrained.PretrainedWeights;
import io.mixnetspark.spark.io.HadoopConf;
import io.mixnetspark.spark.exec.ModelPayload;
import io.mixnetspark.spark.io.SparkMlPersistence;
import io.mixnetspark.spark.train.DistributedFit;
import io.mixnetspark.spark.train.RingSettings;
import io.mixnetspark.spark.train.RunCheckpoints;
import io.mixnetspark.spark.train.StartWeights;
import io.mixnetspark.spark.train.WorkerResult;
import io.mixnetspark.spark.train.WorkerSettings;
import io.mixnetspark.train.BatchMix;
import io.mixnetspark.train.CheckpointRetention;
import io.mixnetspark.train.TrainingRecipe;
import io.mixnetspark.train.input.Augmentation;
import io.mixnetspark.train.input.CropAndFlip;
import io.mixnetspark.train.input.PixelAugmentation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * {@code MixNetClassifier} trains MixNet inside Spark, as a Spark ML {@link Estimator}: {@code
 * fit(trainDf)} returns a {@link MixNetClassificationModel}. The training rows hold encoded images
 * ({@code inputCol}, binary, as the {@code mixnet-images} source reads them) and 0-based class
 * indices ({@code labelCol}).
 *
 * <pre>{@code
 * Dataset<Row> train = ImageDatasets.read(spark, "imagefolder", "hdfs:///imagenette/train",
 *         Map.of("classIndex", "folders"));
 * MixNetClassificationModel model = new MixNetClassifier()
 *         .setEpochs(30).setBatchSize(64).setLr(0.1).setWarmupEpochs(2).setImageSize(128)
 *         .setNumWorkers(2).setCheckpointDir("hdfs:///tmp/mixnet-ckpt")
 *         .setValidationData(val)
 *         .fit(train);
 * }</pre>
 *
 * <p><b>How it trains.</b> Synchronous data parallelism in Spark's barrier execution mode: {@code
 * numWorkers} tasks, each holding one shard of the (repartitioned) training data in memory as
 * encoded bytes and one shard of the validation data, decoding and augmenting each epoch. After
 * every backward pass the workers average their gradients through {@code
 * BarrierTaskContext.allGather}, so every worker applies the same update and all keep identical
 * weights; BatchNorm running statistics are averaged at each epoch end. Workers start from
 * identical weights made on the driver (fresh, or {@code pretrainedWeights}). Only rank 0's weights
 * and the per-epoch history return to the driver. The defaults are MindCV's {@code mixnet_s} recipe
 * (600 epochs of 8 x 128 images): set epochs, batch size and lr for your data and workers.
 *
 * <p><b>Failures.</b> The fit fails at once when the cluster cannot run {@code numWorkers} tasks
 * together. With {@code checkpointDir}, rank 0 checkpoints each epoch under {@code
 * checkpointDir/<uid>-<run>/epoch-NNNN} (weights, momentum, EMA, epoch, step; the random state is a
 * function of seed, rank and step), every {@code checkpointInterval} epochs, keeping {@code
 * keepCheckpoints} of them by {@code checkpointPolicy}; when a worker dies, Spark retries the barrier stage and the
 * workers resume from the newest checkpoint. After a failed fit (the driver gone too), {@code
 * resumeFrom} names that folder ({@link TrainingResult#checkpointRun()}) and a new fit continues from its
 * newest checkpoint, writing the next ones beside it.
 *
 * <p>Params persist with Spark ML ({@link #write()}, {@link #load(String)}); the validation
 * DataFrame is not a param and is not saved.
 */
public final class MixNetClassifier extends Estimator<MixNetClassificationModel>
        implements MixNetClassifierParams, DefaultParamsWritable {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final ParamTable paramTable;
    private transient Dataset<?> validationData;

    /** Creates a classifier with a random uid and the default params. */
    public MixNetClassifier() {
        this(Identifiable.randomUID("mixnetClassifier"));
    }

    /**
     * Creates a classifier with the given uid (Spark ML persistence uses this constructor).
     *
     * @param uid the stage uid
     */
    public MixNetClassifier(String uid) {
        this.uid = uid;
        this.paramTable = new ParamTable();
        ParamTable.declareAll(this);
        setDefault(batchSize(), TrainingRecipe.mindcvMixnetS().batchSize());
    }

    @Override
    public String uid() {
        return uid;
    }

    /**
     * Sets held-out data to evaluate after every epoch (top-1, top-5, loss in the history), with
     * the same columns as the training data. Not saved with the params.
     *
     * @param validation the validation rows, or null for none
     * @return this classifier
     */
    public MixNetClassifier setValidationData(Dataset<?> validation) {
        this.validationData = validation;
        return this;
    }

    /**
     * Returns the validation data.
     *
     * @return the rows, or empty
     */
    public Optional<Dataset<?>> getValidationData() {
        return Optional.ofNullable(validationData);
    }

    /**
     * Checks the input and label columns and every param (including the combinations, such as
     * {@code minLr <= lr}), without running a job, and declares the columns the fitted model adds
     * (their default names, {@link OutputColumns#DEFAULTS}), so later stages of a {@code Pipeline}
     * can use them.
     *
     * @param schema the training schema
     * @return the schema with the model's output columns
     * @throws IllegalArgumentException naming the column or param at fault
     */
    @Override
    public StructType transformSchema(StructType schema) {
        requireColumn(schema, getInputCol(), "inputCol");
        if (!schema.apply(getInputCol()).dataType().equals(DataTypes.BinaryType)) {
            throw new IllegalArgumentException("inputCol '" + getInputCol() + "' has type "
                    + schema.apply(getInputCol()).dataType().simpleString() + "; training needs encoded images (binary)");
        }
        requireColumn(schema, getLabelCol(), "labelCol");
        if (!(schema.apply(getLabelCol()).dataType() instanceof NumericType)) {
            throw new IllegalArgumentException("labelCol '" + getLabelCol() + "' has type "
                    + schema.apply(getLabelCol()).dataType().simpleString() + "; expected 0-based class indices");
        }
        recipe();
        networkConfig(1, Optional.empty());
        return LabelingSchema.output(schema, getInputCol(), OutputColumns.DEFAULTS);
    }

    private static void requireColumn(StructType schema, String column, String param) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException(param + " '" + column + "' does not exist; columns are "
                    + Arrays.toString(schema.fieldNames()));
        }
    }

    @Override
    public MixNetClassificationModel fit(Dataset<?> dataset) {
        return train(dataset).model();
    }

    /**
     * Fits like {@link #fit(Dataset)} and also returns the history and how the run went.
     *
     * @param dataset the training rows
     * @return the model and its training record
     * @throws IllegalArgumentException for bad params or data
     * @throws IllegalStateException when the cluster cannot run {@code numWorkers} workers at once
     */
    public TrainingResult train(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        if (validationData != null) {
            transformSchema(validationData.schema());
        }
        CheckpointRetention retention = retention();
        DistributedFit.requireSlots(dataset.sparkSession().sparkContext(), getNumWorkers());
        TrainingRecipe recipe = recipe();
        Optional<PretrainedWeights> named = namedPretrainedWeights();
        ClassNames classes = TrainingLabels.inspect(dataset, getInputCol(), getLabelCol(), getClassIdCol(), getNumClasses());
        MixNetConfig config = networkConfig(classes.size(), named);
        Configuration conf = HadoopConf.of(dataset.sparkSession());
        String runFolder = runFolder(conf);
        WorkerSettings settings = new WorkerSettings(recipe, config, getNumWorkers(), getDevice(), getDecodeThreads(),
                Augmentation.parse(getAugmentation()), cropAndFlip(),
                new PixelAugmentation(getRandAugment(), getColorJitter(), getErasingProbability()), getCropPct(), runFolder,
                retention, getDropRemainder(),
                RingSettings.withNewSecret(getCollectiveTimeout(), getCollectivePorts(), getCollectiveWire()));
        byte[] start;
        try {
            String startUri = named.map(w -> w.file().toUri().toString())
                    .orElse(getPretrainedWeights().isEmpty() ? null : getPretrainedWeights());
            start = StartWeights.create(config, getSeed(), startUri, conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pretrainedWeights " + getPretrainedWeights(), e);
        }
        List<WorkerResult> workers = DistributedFit.run(columns(dataset),
                validationData == null ? null : columns(validationData), settings, start, conf);
        WorkerResult result = workers.get(0);
        MixNetClassificationModel model = new MixNetClassificationModel(uid, new ModelPayload(config, result.weights(), classes))
                .setInputCol(getInputCol())
                .setImageSize(getImageSize())
                .setCropPct(getCropPct())
                .setDevice(getDevice())
                .setDecodeThreads(getDecodeThreads());
        model.setTopK(Math.min(model.getTopK(), classes.size())).setParent(this);
        model.setTrainingHistory(result.history());
        return new TrainingResult(model, result.history(), result.firstEpoch(), result.stageAttempt(),
                workers.stream().map(WorkerResult::weightsSha256).toList(), runFolder);
    }

    private CheckpointRetention retention() {
        CheckpointRetention.Policy policy = CheckpointRetention.Policy.parse(getCheckpointPolicy());
        if (policy == CheckpointRetention.Policy.TOP_K && validationData == null) {
            throw new IllegalArgumentException("checkpointPolicy=top_k keeps the checkpoints with the best validation"
                    + " top-1 and needs validation data (setValidationData), or use latest_k");
        }
        return new CheckpointRetention(getKeepCheckpoints(), policy, getCheckpointInterval());
    }

    /** The fit's checkpoint folder: resumeFrom's (which must hold a checkpoint), a new one, or none. */
    private String runFolder(Configuration conf) {
        if (!getResumeFrom().isEmpty()) {
            String folder = getResumeFrom().replaceAll("/+$", "");
            try {
                if (new RunCheckpoints(conf, folder).latest().isEmpty()) {
                    throw new IllegalArgumentException("resumeFrom=" + folder + " holds no complete checkpoint"
                            + " (expected epoch-NNNN folders written by a fit with checkpointDir)");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list resumeFrom " + folder, e);
            }
            return folder;
        }
        return getCheckpointDir().isEmpty() ? null
                : getCheckpointDir().replaceAll("/+$", "") + "/" + uid + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The image and label of each row that has an image (damaged shard records are skipped). */
    private Dataset<Row> columns(Dataset<?> data) {
        return data.toDF().where(col(getInputCol()).isNotNull()).select(col(getInputCol()), col(getLabelCol()).cast("int"));
    }

    /**
     * Returns the recipe the params describe.
     *
     * @return the recipe
     * @throws IllegalArgumentException naming the first param combination that is not allowed
     */
    public TrainingRecipe recipe() {
        return TrainingRecipe.builder()
                .setEpochs(getEpochs())
                .setBatchSize(getBatchSize())
                .setLr(getLr())
                .optMinLr(getMinLr())
                .optWarmupEpochs(getWarmupEpochs())
                .optWarmupFactor(getWarmupFactor())
                .optDecayEpochs(getDecayEpochs())
                .optMomentum(getMomentum())
                .optNesterov(getNesterov())
                .optWeightDecay(getWeightDecay())
                .optDecayBatchNormAndBias(getDecayBatchNormAndBias())
                .optLabelSmoothing(getLabelSmoothing())
                .optMixing(new BatchMix(getMixupAlpha(), getCutmixAlpha(), getMixProbability()))
                .optSeed(getSeed())
                .optEmaDecay(getEmaDecay())
                .optImageSize(getImageSize())
                .optMixedPrecision(getMixedPrecision())
                .optCpuReplicas(getCpuReplicas())
                .build();
    }

    /**
     * The network to train: the variant, dropout and drop-path params, with the squeeze-excite
     * activation named pretrained weights need (ReLU for MindCV's).
     */
    private MixNetConfig networkConfig(int classes, Optional<PretrainedWeights> named) {
        MixNetVariant variant = MixNetVariant.fromName(getVariant());
        if (named.isPresent() && named.get().config().variant() != variant) {
            throw new IllegalArgumentException("pretrainedWeights " + named.get().name() + " are "
                    + named.get().config().variant().modelName() + " weights but variant is " + getVariant()
                    + ": set variant to " + named.get().config().variant().modelName());
        }
        MixNetConfig.Builder builder = MixNetConfig.builder(variant)
                .optNumClasses(classes)
                .optDropPathRate((float) getDropPathRate());
        named.ifPresent(w -> builder.optSeActivation(w.config().seActivation()));
        if (getDropRate() >= 0) {
            builder.optDropRate((float) getDropRate());
        }
        return builder.build();
    }

    /** Fetches (on the driver) the weights a pretrained name in {@code pretrainedWeights} stands for. */
    private Optional<PretrainedWeights> namedPretrainedWeights() {
        if (!PretrainedName.isName(getPretrainedWeights())) {
            return Optional.empty();
        }
        try {
            return Optional.of(PretrainedWeights.resolve(getPretrainedWeights(),
                    HubClient.forThisProcess()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot get pretrainedWeights " + getPretrainedWeights() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public MixNetClassifier copy(ParamMap extra) {
        MixNetClassifier copy = copyValues(new MixNetClassifier(uid), extra);
        copy.validationData = validationData;
        return copy;
    }

    /**
     * Returns the reader of saved classifiers.
     *
     * @return the reader
     */
    public static MLReader<MixNetClassifier> read() {
        return SparkMlPersistence.paramsReader();
    }

    /**
     * Loads a classifier saved with {@link #write()}.
     *
     * @param path where it was saved (any Hadoop file system URI)
     * @return the classifier
     */
    public static MixNetClassifier load(String path) {
        return read().load(path);
    }

    private CropAndFlip cropAndFlip() {
        double[] scale = getCropScale();
        double[] ratio = getCropRatio();
        return new CropAndFlip(scale[0], scale[1], ratio[0], ratio[1], getFlipProbability());
    }

    /** Sets a param after checking it, naming the param and what it allows. */
    private MixNetClassifier checked(Param<?> param, Object value) {
        ParamChecks.require(param, value);
        set(param.name(), value);
        return this;
    }

    // ---- params (see MixNetClassifierParams) and setters ----

    @Override
    public ParamTable paramTable() {
        return paramTable;
    }

    /**
     * Sets the column of encoded training images (binary). Default {@code image}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setInputCol(String value) {
        return checked(inputCol(), value);
    }

    /**
     * Sets {@link #labelCol()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setLabelCol(String value) {
        return checked(labelCol(), value);
    }

    /**
     * Sets {@link #classIdCol()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setClassIdCol(String value) {
        return checked(classIdCol(), value);
    }

    /**
     * Sets {@link #variant()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setVariant(String value) {
        return checked(variant(), value);
    }

    /**
     * Sets {@link #numClasses()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setNumClasses(int value) {
        return checked(numClasses(), value);
    }

    /**
     * Sets {@link #epochs()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setEpochs(int value) {
        return checked(epochs(), value);
    }

    /**
     * Sets the images per step on each worker. Default 128 (MindCV, per device).
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setBatchSize(int value) {
        return checked(batchSize(), value);
    }

    /**
     * Sets {@link #lr()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setLr(double value) {
        return checked(lr(), value);
    }

    /**
     * Sets {@link #minLr()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setMinLr(double value) {
        return checked(minLr(), value);
    }

    /**
     * Sets {@link #warmupEpochs()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setWarmupEpochs(int value) {
        return checked(warmupEpochs(), value);
    }

    /**
     * Sets {@link #decayEpochs()}.
     *
     * @param value decay epochs (at least 1), or -1
     * @return this classifier
     */
    public MixNetClassifier setDecayEpochs(int value) {
        return checked(decayEpochs(), value);
    }

    /**
     * Sets {@link #warmupFactor()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setWarmupFactor(double value) {
        return checked(warmupFactor(), value);
    }

    /**
     * Sets {@link #momentum()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setMomentum(double value) {
        return checked(momentum(), value);
    }

    /**
     * Sets {@link #nesterov()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setNesterov(boolean value) {
        return checked(nesterov(), value);
    }

    /**
     * Sets {@link #weightDecay()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setWeightDecay(double value) {
        return checked(weightDecay(), value);
    }

    /**
     * Sets {@link #decayBatchNormAndBias()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setDecayBatchNormAndBias(boolean value) {
        return checked(decayBatchNormAndBias(), value);
    }

    /**
     * Sets {@link #labelSmoothing()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setLabelSmoothing(double value) {
        return checked(labelSmoothing(), value);
    }

    /**
     * Sets {@link #dropRate()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setDropRate(double value) {
        return checked(dropRate(), value);
    }

    /**
     * Sets {@link #dropPathRate()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setDropPathRate(double value) {
        return checked(dropPathRate(), value);
    }

    /**
     * Sets {@link #augmentation()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setAugmentation(String value) {
        return checked(augmentation(), value);
    }

    /**
     * Sets {@link #cropScale()}.
     *
     * @param min smallest area fraction, above 0
     * @param max largest area fraction, at most 1
     * @return this classifier
     */
    public MixNetClassifier setCropScale(double min, double max) {
        return checked(cropScale(), new double[] {min, max});
    }

    /**
     * Sets {@link #cropRatio()}.
     *
     * @param min smallest width / height, above 0
     * @param max largest width / height
     * @return this classifier
     */
    public MixNetClassifier setCropRatio(double min, double max) {
        return checked(cropRatio(), new double[] {min, max});
    }

    /**
     * Sets {@link #flipProbability()}.
     *
     * @param value the chance, in [0, 1]
     * @return this classifier
     */
    public MixNetClassifier setFlipProbability(double value) {
        return checked(flipProbability(), value);
    }

    /**
     * Sets {@link #erasingProbability()}.
     *
     * @param value the chance, in [0, 1]
     * @return this classifier
     */
    public MixNetClassifier setErasingProbability(double value) {
        return checked(erasingProbability(), value);
    }

    /**
     * Sets {@link #randAugment()}.
     *
     * @param value the policy
     * @return this classifier
     */
    public MixNetClassifier setRandAugment(String value) {
        return checked(randAugment(), value);
    }

    /**
     * Sets {@link #colorJitter()}.
     *
     * @param value the strength, at least 0
     * @return this classifier
     */
    public MixNetClassifier setColorJitter(double value) {
        return checked(colorJitter(), value);
    }

    /**
     * Sets {@link #mixupAlpha()}.
     *
     * @param value alpha, at least 0
     * @return this classifier
     */
    public MixNetClassifier setMixupAlpha(double value) {
        return checked(mixupAlpha(), value);
    }

    /**
     * Sets {@link #cutmixAlpha()}.
     *
     * @param value alpha, at least 0
     * @return this classifier
     */
    public MixNetClassifier setCutmixAlpha(double value) {
        return checked(cutmixAlpha(), value);
    }

    /**
     * Sets {@link #mixProbability()}.
     *
     * @param value the chance, in [0, 1]
     * @return this classifier
     */
    public MixNetClassifier setMixProbability(double value) {
        return checked(mixProbability(), value);
    }

    /**
     * Sets the training and eval image size. Default 224.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setImageSize(int value) {
        return checked(imageSize(), value);
    }

    /**
     * Sets the eval crop fraction (validation and the fitted model). Default 0.875.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setCropPct(double value) {
        return checked(cropPct(), value);
    }

    /**
     * Sets {@link #seed()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setSeed(long value) {
        return checked(seed(), value);
    }

    /**
     * Sets {@link #emaDecay()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setEmaDecay(double value) {
        return checked(emaDecay(), value);
    }

    /**
     * Sets {@link #mixedPrecision()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setMixedPrecision(boolean value) {
        return checked(mixedPrecision(), value);
    }

    /**
     * Sets {@link #pretrainedWeights()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setPretrainedWeights(String value) {
        return checked(pretrainedWeights(), value);
    }

    /**
     * Sets {@link #numWorkers()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setNumWorkers(int value) {
        return checked(numWorkers(), value);
    }

    /**
     * Sets {@link #resumeFrom()}.
     *
     * @param value the folder URI
     * @return this classifier
     */
    public MixNetClassifier setResumeFrom(String value) {
        return checked(resumeFrom(), value);
    }

    /**
     * Sets {@link #checkpointDir()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setCheckpointDir(String value) {
        return checked(checkpointDir(), value);
    }

    /**
     * Sets {@link #keepCheckpoints()}.
     *
     * @param value the count
     * @return this classifier
     */
    public MixNetClassifier setKeepCheckpoints(int value) {
        return checked(keepCheckpoints(), value);
    }

    /**
     * Sets {@link #checkpointPolicy()}.
     *
     * @param value the policy
     * @return this classifier
     */
    public MixNetClassifier setCheckpointPolicy(String value) {
        return checked(checkpointPolicy(), value);
    }

    /**
     * Sets {@link #checkpointInterval()}.
     *
     * @param value the interval
     * @return this classifier
     */
    public MixNetClassifier setCheckpointInterval(int value) {
        return checked(checkpointInterval(), value);
    }

    /**
     * Sets {@link #dropRemainder()}.
     *
     * @param value whether to drop the remainder
     * @return this classifier
     */
    public MixNetClassifier setDropRemainder(boolean value) {
        return checked(dropRemainder(), value);
    }

    /**
     * Sets the device: auto (the task's GPU, else CPU), cpu or gpu. Default {@code auto}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setDevice(String value) {
        return checked(device(), value);
    }

    /**
     * Sets the image preparation threads per worker. Default 0 (the task's CPUs).
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setDecodeThreads(int value) {
        return checked(decodeThreads(), value);
    }

    /**
     * Sets {@link #cpuReplicas()}.
     *
     * @param value the value
     * @return this classifier
     */
    public MixNetClassifier setCpuReplicas(int value) {
        return checked(cpuReplicas(), value);
    }

    /**
     * Sets {@link #collectiveTimeout()}.
     *
     * @param value seconds
     * @return this classifier
     */
    public MixNetClassifier setCollectiveTimeout(int value) {
        return checked(collectiveTimeout(), value);
    }

    /**
     * Sets {@link #collectivePorts()}.
     *
     * @param value {@code 0}, a port, or {@code first-last}
     * @return this classifier
     */
    public MixNetClassifier setCollectivePorts(String value) {
        return checked(collectivePorts(), value);
    }

    /**
     * Sets {@link #collectiveWire()}.
     *
     * @param value float32, float16 or bfloat16
     * @return this classifier
     */
    public MixNetClassifier setCollectiveWire(String value) {
        return checked(collectiveWire(), value);
    }
}
